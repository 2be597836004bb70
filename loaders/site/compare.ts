// Reads the cells of the findings registry (loaders/findings.ts) from the aggregates, each
// computed by its metric's own SQL, as the site publishes them. A cell must be exactly one
// row of its aggregate; a cell the data does not hold (none of its values, or fewer users
// than the threshold) reads as nothing. Each reading keeps the query that returns it from
// the aggregate a reader can download, so that the page can show it.
import type {DuckDBConnection} from "@duckdb/node-api";
import {COMPARISONS, type Cell, type Comparison, type Measure} from "../findings.ts";
import {metricSql, statement} from "../metrics/sql.ts";
import {sqlIdent, sqlLiteral, sqlString} from "../tables.ts";

export type Reading = {
  value: number | null;
  low: number | null;
  high: number | null;
  n: number | null;
  users: number;
  /** The cell as found: every dimension the registry names, with the value it took. */
  cell: Record<string, string | number>;
  /** The query that returns the reading from the aggregate's Parquet file. */
  sql: string;
};

export type Compared = {
  id: string;
  note: string | null;
  /** Why the figure is only shown beside ours; null when it is compared. */
  reference: string | null;
  /** Our value in the figure's unit, or null where the data holds no such cell. */
  ours: {value: number | null; low: number | null; high: number | null; n: number | null; users: number} | null;
  /** The cell, or the two cells of a ratio (numerator first). */
  readings: Reading[];
};

// A date the registry names, or a month ('2025-08'), as a DATE; and a column of either kind.
const asDate = (sql: string) => `coalesce(try_cast(${sql} as DATE), try_cast(${sql} || '-01' as DATE))`;
const scaled = (column: string, scale = 1) => (scale === 1 ? sqlIdent(column) : scale > 1 ? `${sqlIdent(column)} * ${scale}` : `${sqlIdent(column)} / ${1 / scale}`);

/** The aggregates of one connection (connect() in aggregate.ts), each computed once. */
export class Aggregates {
  private made = new Map<string, Promise<string>>();
  constructor(private db: DuckDBConnection) {}

  /** The name of a temporary table that holds `metric`'s aggregate. */
  table(metric: string): Promise<string> {
    let name = this.made.get(metric);
    if (!name) {
      const table = `aggregate_${metric.replace(/\W/g, "_")}`;
      name = this.db.run(`create or replace temp table ${table} as ${statement(metricSql(metric))}`).then(() => table);
      this.made.set(metric, name);
    }
    return name;
  }

  async rows(sql: string): Promise<Record<string, unknown>[]> {
    return (await this.db.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  }

  /** One measure's cell, or null where the data holds none. */
  async read(m: Measure): Promise<Reading | null> {
    const table = await this.table(m.metric);
    const fixed: Record<string, string | number> = {};
    const where: string[] = [];
    const order: string[] = [];
    for (const [column, want] of Object.entries(m.cell) as [string, Cell[string]][]) {
      if (typeof want === "string" || typeof want === "number") {
        fixed[column] = want;
        where.push(`${sqlIdent(column)} = ${sqlLiteral(want)}`);
      } else if (Array.isArray(want)) {
        const list = `[${want.map(sqlString).join(", ")}]`;
        where.push(`list_contains(${list}, ${sqlIdent(column)})`);
        order.push(`list_position(${list}, ${sqlIdent(column)})`);
      } else {
        const {nearest} = want as {nearest: string};
        where.push(`${sqlIdent(column)} is not null`); // a cell of no day (F1's whole period) is nearest to none
        order.push(`abs(date_diff('day', ${asDate(sqlIdent(column))}, ${asDate(sqlLiteral(nearest))}))`);
      }
    }
    const chosen = (await this.rows(`select ${Object.keys(m.cell).map(sqlIdent).join(", ")} from ${table} ${where.length ? `where ${where.join(" and ")}` : ""} ${order.length ? `order by ${order.join(", ")}` : ""} limit 1`))[0];
    if (!chosen) return null;
    const cell = Object.fromEntries(Object.keys(m.cell).map((c) => [c, chosen[c] as string | number]));
    const condition = Object.entries(cell).map(([c, v]) => `${sqlIdent(c)} = ${sqlLiteral(v)}`).join(" and ");
    const columns = [
      `${scaled(m.value, m.scale)} as value`,
      `${m.low ? scaled(m.low, m.scale) : "null"} as low`,
      `${m.high ? scaled(m.high, m.scale) : "null"} as high`,
      `${m.n ? sqlIdent(m.n) : "null"} as n`,
      "users"
    ].join(", ");
    const found = await this.rows(`select ${columns} from ${table} where ${condition}`);
    if (found.length !== 1) throw new Error(`the cell ${JSON.stringify(cell)} is ${found.length} rows of ${m.metric}: name more of its dimensions`);
    const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));
    const r = found[0];
    return {
      value: num(r.value),
      low: num(r.low),
      high: num(r.high),
      n: num(r.n),
      users: Number(r.users),
      cell,
      sql: `select ${columns}\nfrom '${m.metric}.parquet'\nwhere ${condition}`
    };
  }

  /** A figure's comparison: our value in its unit, from its cell or the ratio of two. */
  async compare(c: Comparison): Promise<Compared> {
    if ("reference" in c) return {id: c.id, note: null, reference: c.reference, ours: null, readings: []};
    if ("ratio" in c) {
      const [of, to] = [await this.read(c.ratio.of), await this.read(c.ratio.to)];
      const both = of && to;
      const ours = both && of.value !== null && to.value ? {value: of.value / to.value, low: null, high: null, n: null, users: Math.min(of.users, to.users)} : null;
      return {id: c.id, note: c.note, reference: null, ours, readings: both ? [of, to] : []};
    }
    const r = await this.read(c);
    return {id: c.id, note: c.note, reference: null, ours: r && {value: r.value, low: r.low, high: r.high, n: r.n, users: r.users}, readings: r ? [r] : []};
  }
}

/** Every figure of the registry, compared on the data of `db`. */
export async function compareAll(db: DuckDBConnection): Promise<Compared[]> {
  const aggregates = new Aggregates(db);
  const out: Compared[] = [];
  for (const c of COMPARISONS) out.push(await aggregates.compare(c));
  return out;
}
