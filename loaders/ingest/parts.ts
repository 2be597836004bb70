// Row parts: each worker appends the rows it makes to its own NDJSON files, so rows are
// never held in memory and DuckDB can read them all at the end in parallel. Each row
// carries the key of the group that wrote it (`_group`), by which `--incremental` reuses it.
import {closeSync, openSync, writeSync} from "node:fs";
import {join} from "node:path";
import {TABLE_NAMES, type Emit, type Row, type TableName} from "../tables.ts";

const FLUSH = 1 << 20;

export class PartWriter {
  readonly paths: Record<TableName, string>;
  private readonly fds: Record<string, number> = {};
  private readonly buffers: Record<string, string> = {};

  constructor(dir: string, name: string) {
    this.paths = Object.fromEntries(TABLE_NAMES.map((t) => [t, join(dir, `${t}-${name}.jsonl`)])) as Record<TableName, string>;
    for (const t of TABLE_NAMES) {
      this.fds[t] = openSync(this.paths[t], "w");
      this.buffers[t] = "";
    }
  }

  /** Where the rows of group `key` go. */
  writer(key: string): Emit {
    // The group's key is hex: appended to the row's JSON as text, with no copy of the row.
    const tail = `,"_group":"${key}"}\n`;
    return (table: TableName, row: Row) => {
      const json = JSON.stringify(row);
      const buffer = (this.buffers[table] += json.length > 2 ? json.slice(0, -1) + tail : `{${tail.slice(1)}`);
      if (buffer.length > FLUSH) this.flush(table);
    };
  }

  private flush(table: string) {
    if (this.buffers[table]) writeSync(this.fds[table], this.buffers[table]);
    this.buffers[table] = "";
  }

  close(): void {
    for (const t of TABLE_NAMES) {
      this.flush(t);
      closeSync(this.fds[t]);
    }
  }
}
