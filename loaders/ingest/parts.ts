// Row parts: each worker appends the rows it makes to its own NDJSON files, so rows are
// never held in memory and DuckDB can read them all at the end in parallel. Each row
// carries the key of the group that wrote it (`_group`), by which `--incremental` reuses it.
import {join} from "node:path";
import {perTable, TABLE_NAMES, type Emit, type TableName} from "../tables.ts";
import {AppendFile} from "./append-file.ts";

export class PartWriter {
  private readonly files: Record<TableName, AppendFile>;

  constructor(dir: string, name: string) {
    this.files = perTable((t) => new AppendFile(join(dir, `${t}-${name}.jsonl`)));
  }

  /** Where the rows of group `key` go. */
  writer(key: string): Emit {
    // The group's key is hex: appended to the row's JSON as text, with no copy of the row.
    const tail = `,"_group":"${key}"}\n`;
    return (table, row) => {
      const json = JSON.stringify(row);
      this.files[table].append(json.length > 2 ? json.slice(0, -1) + tail : `{${tail.slice(1)}`);
    };
  }

  close(): void {
    for (const t of TABLE_NAMES) this.files[t].close();
  }
}
