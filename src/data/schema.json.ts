// The canonical tables' columns, types and meanings, from loaders/tables.ts.
import {TABLES} from "../../loaders/tables.ts";

process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(TABLES).map(([t, cols]) => [t, cols.map(([name, type, meaning]) => ({name, type, meaning}))]))));
