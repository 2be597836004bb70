// The generator's Codex users: the same planned session written as a Claude Code transcript
// and as a Codex rollout reads back as the same turns and interrupts, each through its own
// source; and a generated fleet with Codex users is read whole, every line parsed.
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {readCalibration} from "../../loaders/generate/calibration.ts";
import {renderRollout, rolloutPath} from "../../loaders/generate/rollout.ts";
import {sessionModel} from "../../loaders/generate/session.ts";
import {renderSession} from "../../loaders/generate/transcript.ts";
import {makeUsers, sessionStarts} from "../../loaders/generate/users.ts";
import {assemble} from "../helpers/assemble.ts";
import {cli, ingestQuietly, sqlOn, tmp} from "../helpers/cli.ts";

describe("Codex users in the synthetic fleet", () => {
  test("a planned session reads back as the same turns and interrupts, written for either agent", () => {
    const cal = readCalibration();
    const plan = sessionModel(cal);
    const transcripts: Record<string, string> = {};
    const rollouts: Record<string, string> = {};
    for (const user of makeUsers(cal, 3, "both agents")) {
      sessionStarts(user, cal).slice(0, 40).forEach((at, tenure) => {
        const session = plan(user, tenure, at);
        transcripts[`${user.id}/projects/-p/${session.id}.jsonl`] = renderSession(session, user.rng.fork(`t${tenure}`)).main;
        rollouts[`${user.id}/${rolloutPath(session)}`] = renderRollout(session, user.rng.fork(`r${tenure}`));
      });
    }
    const figures = (rows: Record<string, unknown>[]) => Object.fromEntries(rows.map((s) => [s.session_id, [s.n_turns, s.n_interrupts, s.interactive]]));
    const claude = assemble(transcripts);
    const codex = assemble(rollouts);
    expect(codex.sessions.every((s) => s.source === "codex")).toBe(true);
    expect(codex.sessions.length).toBe(claude.sessions.length);
    expect(figures(codex.sessions)).toEqual(figures(claude.sessions));
    expect(codex.sessions.reduce((n, s) => n + Number(s.n_interrupts), 0)).toBeGreaterThan(0);
  });

  test("generate --codex-users writes rollouts that the ingest reads whole, with each level and both kinds of refusal", async () => {
    const fleet = join(tmp(), "fleet");
    expect(cli(["generate", "--users", "2", "--codex-users", "4", "--api-agents", "0", "--seed", "codex", "--out", fleet, "-q"]).code).toBe(0);
    const {out, report} = ingestQuietly(fleet);
    expect(report.skipped).toEqual({});
    const [codex] = await sqlOn(out, "select count(*)::INTEGER as sessions, count(distinct user_id)::INTEGER as users, count(distinct auto_approve)::INTEGER as levels, bool_or(not interactive) as headless from sessions where source = 'codex'");
    expect(codex).toMatchObject({users: 4, levels: 3, headless: true});
    expect(codex.sessions).toBeGreaterThan(50);
    const refused = await sqlOn(out, "select tool_name, count(*)::INTEGER as n from tool_calls where source = 'codex' and rejected group by 1 order by 1");
    expect(refused.map((r) => r.tool_name)).toEqual(["apply_patch", "shell_command"]);
  });
});
