// The findings registry (loaders/findings.ts) and its reader (loaders/site/compare.ts):
// every published figure is compared on one cell, or named as shown only; each cell is one
// row of its aggregate on real data; and the calibration report reads those same cells.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {calibrationReport} from "../loaders/calibrate/report.ts";
import {COMPARISONS} from "../loaders/findings.ts";
import {readCalibration} from "../loaders/generate/calibration.ts";
import {connect} from "../loaders/site/aggregate.ts";
import {Aggregates, compareAll, type Compared} from "../loaders/site/compare.ts";
import {ROOT} from "./helpers/cli.ts";
import {smallFleet} from "./helpers/fleet.ts";

const published = (JSON.parse(readFileSync(join(ROOT, "data", "published.json"), "utf8")).figures as {id: string}[]).map((f) => f.id);

test("every published figure is in the registry once, and the registry names no other", () => {
  const ids = COMPARISONS.map((c) => c.id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  expect([...ids].sort()).toEqual([...published].sort());
});

describe("on the small fleet", () => {
  let tables: string;
  let db: Awaited<ReturnType<typeof connect>>;
  let compared: Compared[];

  beforeAll(async () => {
    ({tables} = await smallFleet());
    db = await connect(tables, 1);
    compared = await compareAll(db);
  });
  afterAll(() => db?.closeSync());

  test("every compared figure reads one cell (two for a ratio) with a value, in the figure's unit", () => {
    for (const c of compared.filter((d) => !d.reference)) {
      expect(c.ours?.value, c.id).toEqual(expect.any(Number));
      expect(c.readings.length, c.id).toBe("ratio" in COMPARISONS.find((d) => d.id === c.id)! ? 2 : 1);
      for (const r of c.readings) expect(r.sql, c.id).toMatch(/^select .* as value, .*\nfrom '[a-z0-9-]+\.parquet'\nwhere /s);
    }
    // Shares are in percent, p99.9s in minutes: the units the study's figures are in.
    const by = Object.fromEntries(compared.map((c) => [c.id, c.ours?.value ?? NaN]));
    expect(by["f2.new"]).toBeGreaterThan(1);
    expect(by["f2.new"]).toBeLessThan(100);
    expect(by["f1.p999.end"]).toBeLessThan(by["f1.p50"]);
  });

  test("the API figures read the API agents where the data has them; F1 reads the window nearest the study's date", () => {
    const cell = (id: string) => compared.find((c) => c.id === id)!.readings[0].cell;
    expect(cell("f6.minimal").source).toBe("otel");
    expect(cell("f8.software_engineering").source).toBe("otel");
    expect(cell("f1.p999.end").day).toBe("2026-01-07");
  });

  test("the reader: preference in order, the nearest date, nothing where no row matches, an error where several do", async () => {
    const a = new Aggregates(db);
    const f6 = {metric: "f6-involvement", value: "share", n: "known"};
    expect((await a.read({...f6, cell: {complexity: "high", sessions: "(all)", source: ["no-such-source", "(all)"]}}))?.cell.source).toBe("(all)");
    const last = (await a.rows(`select max(day)::VARCHAR as day from ${await a.table("f1-turn-duration")}`))[0].day;
    expect((await a.read({metric: "f1-turn-duration", value: "p50_s", cell: {model: "(all)", sessions: "interactive", agent: "(all)", day: {nearest: "2031-01-01"}}}))?.cell.day).toBe(last);
    expect(await a.read({...f6, cell: {complexity: "no-such-level", sessions: "(all)", source: "(all)"}})).toBeNull();
    await expect(a.read({...f6, cell: {complexity: "high"}})).rejects.toThrow(/rows of f6-involvement: name more of its dimensions/);
  });

  test("the calibration report reads each published figure from the cell its page compares it with", async () => {
    const report = await calibrationReport(tables, readCalibration());
    const targets = [...report.targets, ...report.reported, ...report.api.targets, ...report.api.reported];
    const cal = readCalibration();
    const ofTarget = new Map([...cal.targets, ...cal.reported, ...cal.api.targets, ...cal.api.reported].map((t) => [t.id, t]));
    let checked = 0;
    for (const r of targets) {
      const id = ofTarget.get(r.id)!.published;
      if (!id || ofTarget.get(r.id)!.measure) continue;
      const c = compared.find((d) => d.id === id)!;
      expect(r.value, r.id).toBeCloseTo(c.ours!.value!, 9);
      expect(r.cells.map((x) => x.cell), r.id).toEqual(c.readings.map((x) => x.cell));
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
  });
});
