// The contract every source keeps (docs/sources.md), checked on every registered source at
// once: each session names its kind and what the kind logs of the person, as its source
// declares, and what that kind does not log is NULL in its rows.
import {describe, expect, test} from "vitest";
import {SOURCES} from "../../loaders/sources/index.ts";
import {assemble} from "../helpers/assemble.ts";
import {corpus} from "../helpers/otel-corpus.ts";
import {Transcript} from "../helpers/transcript.ts";

const T = new Transcript()
  .prompt(0, "run the tests", {permissionMode: "default"})
  .tool(5, "toolu_1", "Bash", {command: "npm test"})
  .result(9, "toolu_1")
  .text(12, "All pass.");

describe("what a session logs of the person", () => {
  const a = assemble({...corpus().files, [`projects/-work-app/${T.sessionId}.jsonl`]: T.toString()});

  test("every session is of a kind its source declares; each kind is read here", () => {
    const declared = (source: string) => SOURCES.find((s) => s.name === source)!.kinds.map((k) => [k.name, k.approvals, k.prompts]);
    for (const s of a.sessions) expect(declared(s.source as string)).toContainEqual([s.kind, s.logs_approvals, s.logs_prompts]);
    const seen = new Set(a.sessions.map((s) => `${s.source} ${s.kind} ${s.logs_approvals} ${s.logs_prompts}`));
    expect([...seen].sort()).toEqual(["claude-code transcripts true true", "otel events true false", "otel spans false false"]);
  });

  test("what a kind does not log is NULL: rejections without approvals, interventions and corrective prompts without prompts", () => {
    const logs = new Map(a.sessions.map((s) => [s.session_id, s]));
    for (const row of [...a.sessions, ...a.turns]) {
      const session = logs.get(row.session_id)!;
      expect(row.n_rejections === null).toBe(!session.logs_approvals);
      expect(row.n_interventions === null).toBe(!session.logs_prompts);
    }
    for (const t of a.turns) expect(t.corrective === null).toBe(!logs.get(t.session_id)!.logs_prompts);
  });
});
