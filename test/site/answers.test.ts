// Which answers a page carries in itself (scripts/answers.ts): those for the values its
// controls may open on, read from the lines that declare them; the rest wait in a file.
import {mkdirSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {expect, it} from "vitest";
import {pageAnswers, splitAnswers, type Answers} from "../../scripts/answers.ts";
import {tmp} from "../helpers/cli.ts";
import {pageSql} from "../../loaders/site/queries.ts";

const PAGE = [
  "```js",
  'const sources = (await sql`select distinct source from t`).map((d) => d.source);',
  "```",
  "```js",
  'const source = view(Inputs.select(sources, {label: "Source", value: sources.includes("otel") ? "otel" : "(all)"}));',
  'const sessions = view(sessionsRadio(present, "interactive"));',
  "```",
  "```js",
  "const cellsQuery = (q) => q`select n from t where source = ${source} and sessions = ${sessions} and model = ${model}`;",
  "```"
].join("\n");

it("reads the values each control may open on, and none for a parameter no control declares", () => {
  const [cells] = pageSql(PAGE).queries.filter((q) => q.id === "cells");
  expect(cells.params).toEqual([
    {expr: "source", column: "source", first: ["Source", "otel", "(all)"]},
    {expr: "sessions", column: "sessions", first: ["interactive", "(all)"]},
    {expr: "model", column: "model", first: null}
  ]);
});

it("keeps in the page the answers whose every value the page may open on, and the rest apart", () => {
  const {queries} = pageSql(PAGE);
  const [cells, plain] = queries;
  const rows = (keys: unknown[][]) => Object.fromEntries(keys.map((k, i) => [JSON.stringify(k), [[i]]]));
  const answers: Answers = {
    [cells.sql]: {dates: [], columns: ["n"], rows: rows([["otel", "interactive", "a"], ["(all)", "(all)", "b"], ["claude-code", "interactive", "a"], ["otel", "headless", "a"]])},
    [plain.sql]: {dates: [], columns: ["source"], rows: rows([[]])}
  };
  const {first, rest} = splitAnswers(queries, answers);
  expect(Object.keys(first[cells.sql].rows)).toEqual(['["otel","interactive","a"]', '["(all)","(all)","b"]']);
  expect(Object.keys(rest[cells.sql].rows)).toEqual(['["claude-code","interactive","a"]', '["otel","headless","a"]']);
  expect(first[plain.sql].rows).toEqual({"[]": [[0]]});
  expect(rest[plain.sql]).toBeUndefined();
});

it("answers a query over a file with no rows for the values the page opens on, so its first view needs no engine", async () => {
  const dist = tmp();
  mkdirSync(join(dist, "_file", "data"), {recursive: true});
  const db = await (await DuckDBInstance.create(":memory:")).connect();
  await db.run(`copy (select 'interactive' as sessions, 'claude-code' as agent, 1 as x where false) to '${join(dist, "_file", "data", "points.0123abcd.parquet")}' (format parquet)`);
  db.closeSync();
  const page = [
    "```js",
    'const aggregates = {points: () => FileAttachment("data/points.parquet").arrayBuffer()};',
    "```",
    "```js",
    'const sessions = view(sessionsRadio(present, "interactive"));',
    'const agent = view(agentSelect(present, labels, "claude-code"));',
    "```",
    "```js",
    "const pointsQuery = (q) => q`select x from points where sessions = ${sessions} and agent = ${agent}`;",
    "```"
  ].join("\n");
  const answers = await pageAnswers(dist, pageSql(page));
  expect(Object.values(answers).map((a) => a.rows)).toEqual([
    {'["interactive","claude-code"]': [], '["interactive","(all)"]': [], '["(all)","claude-code"]': [], '["(all)","(all)"]': []}
  ]);
});

it("answers each query for every value any of the page's tables holds in its column: a filter offers them all", async () => {
  const dist = tmp();
  mkdirSync(join(dist, "_file", "data"), {recursive: true});
  const db = await (await DuckDBInstance.create(":memory:")).connect();
  // The cells hold a kind of session the curve has no row of, and the person's own points none at all.
  await db.run(`copy (select * from (values ('interactive', 3), ('headless', 1), ('(all)', 4)) t(sessions, n)) to '${join(dist, "_file", "data", "cells.0123abcd.parquet")}' (format parquet)`);
  await db.run(`copy (select * from (values ('interactive', 0.5), ('(all)', 0.4)) t(sessions, fit)) to '${join(dist, "_file", "data", "curve.0123abcd.parquet")}' (format parquet)`);
  await db.run(`copy (select 'interactive' as sessions, 1 as y where false) to '${join(dist, "_file", "data", "points.0123abcd.parquet")}' (format parquet)`);
  db.closeSync();
  const page = [
    "```js",
    'const aggregates = {cells: () => FileAttachment("data/cells.parquet").arrayBuffer(), curve: () => FileAttachment("data/curve.parquet").arrayBuffer(), points: () => FileAttachment("data/points.parquet").arrayBuffer()};',
    "```",
    "```js",
    'const sessions = view(sessionsRadio((await sql`select distinct sessions from cells`).map((d) => d.sessions), "interactive"));',
    "```",
    "```js",
    "const curveQuery = (q) => q`select fit from curve where sessions = ${sessions}`;",
    "const pointsQuery = (q) => q`select y from points where sessions = ${sessions}`;",
    "```"
  ].join("\n");
  const {queries} = pageSql(page);
  const answers = await pageAnswers(dist, {...pageSql(page), queries: queries.filter((q) => q.params.length)});
  const keys = ['["(all)"]', '["headless"]', '["interactive"]'];
  expect(Object.values(answers).map((a) => Object.keys(a.rows))).toEqual([keys, keys]);
  expect(Object.values(answers).map((a) => a.rows['["headless"]'])).toEqual([[], []]);
  expect(Object.values(answers)[0].rows['["interactive"]']).toEqual([[0.5]]);
});
