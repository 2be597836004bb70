// Each finding's metric SQL on a table small enough to work out by hand.
import {describe, expect, test} from "vitest";
import {connect} from "../../loaders/site/aggregate.ts";
import {fit, smoothCell, sortPoints} from "../../loaders/site/smooth.ts";
import {metric, tables, wilson} from "../helpers/tables.ts";

const session = (user: string, id: string, day: number, extra: Record<string, unknown> = {}) => ({
  session_id: id, user_id: user, source: "claude-code", agent: "claude-code", kind: "transcripts", synthetic: true, interactive: true,
  started_at: new Date(Date.UTC(2025, 9, 1 + day, 10)).toISOString(), ended_at: new Date(Date.UTC(2025, 9, 1 + day, 11)).toISOString(),
  n_turns: 1, n_rejections: 0, logs_approvals: true, logs_prompts: true, ...extra
});
/** A session of GenAI agent spans, which log nothing of the person. */
const spans = {source: "otel", agent: "api", kind: "spans", interactive: null, n_rejections: null, n_interventions: null, logs_approvals: false, logs_prompts: false};
const turn = (user: string, id: string, index: number, extra: Record<string, unknown> = {}) => ({
  session_id: id, user_id: user, turn_index: index, started_at: "2025-10-01T10:00:00Z", end_reason: "completed", duration_s: 60, complexity: "low", corrective: false, n_rejections: 0, ...extra
});

describe("F2 auto-approve by tenure", () => {
  test("shares by tenure bucket leave unknown levels out of the denominator", async () => {
    // Alice: 12 sessions, the first 10 (bucket 0–9) with levels full, full, none ×8; her
    // 11th and 12th (bucket 10–49) full and unknown. Bob: 2 sessions, none and unknown.
    const sessions = [
      ...Array.from({length: 12}, (_, i) => session("alice", `a${i}`, i, {auto_approve: i < 2 || i === 10 ? "full" : i === 11 ? null : "none"})),
      session("bob", "b0", 0, {auto_approve: "none"}),
      session("bob", "b1", 1, {auto_approve: null})
    ];
    const rows = await metric("f2-auto-approve", await tables({sessions}), 1, "where grain = 'bucket' and sessions = '(all)' and agent = '(all)'");
    expect(rows.map((r) => [r.bucket, r.known, r.full_auto, r.unknown, r.users])).toEqual([
      ["0–9", 11, 2, 1, 2],
      ["10–49", 1, 1, 1, 1]
    ]);
    expect(rows[0].share).toBeCloseTo(2 / 11, 12);
    expect([rows[0].low, rows[0].high]).toEqual(wilson(2, 11).map((v) => expect.closeTo(v, 12)));
  });

  test("bins are half-octaves of the session number", async () => {
    const sessions = Array.from({length: 8}, (_, i) => session("u", `s${i}`, i, {auto_approve: "full"}));
    const rows = await metric("f2-auto-approve", await tables({sessions}), 1, "where grain = 'bin' and sessions = '(all)' and agent = '(all)'");
    // session numbers 1..8: floor(2·log2 n) = 0, 2, 3, 4, 4, 5, 5, 6
    expect(rows.map((r) => [r.position, r.from_session, r.to_session])).toEqual([[0, 1, 1], [2, 2, 2], [3, 3, 3], [4, 4, 5], [5, 6, 7], [6, 8, 8]]);
  });

  test("a share of none or of all has its interval end at exactly 0 or 1, never a rounding hair past it", async () => {
    // 63 sessions (9 users, 7 each) all full, or none: where the formula misses 0 by -3e-16.
    for (const [level, share, low, high] of [["full", 1, wilson(63, 63)[0], 1], ["none", 0, 0, wilson(0, 63)[1]]] as const) {
      const sessions = Array.from({length: 63}, (_, i) => session(`u${i % 9}`, `s${i}`, Math.floor(i / 9), {auto_approve: level}));
      const [row] = await metric("f2-auto-approve", await tables({sessions}), 1, "where grain = 'bucket' and sessions = '(all)' and agent = '(all)'");
      expect(row.share).toBe(share);
      expect(row.low).toBeCloseTo(low, 12);
      expect(row.high).toBeCloseTo(high, 12);
      expect([row.low, row.high].every((v) => (v as number) >= 0 && (v as number) <= 1)).toBe(true);
    }
  });

  test("cells drawn from fewer users than the threshold are not published", async () => {
    const dir = await tables({sessions: [session("alice", "a", 0, {auto_approve: "full"}), session("bob", "b", 0, {auto_approve: "none"}), session("bob", "b2", 1, {auto_approve: "none"})]});
    const rows = await metric("f2-auto-approve", dir, 2, "where grain = 'bucket' and sessions = '(all)' and agent = '(all)'");
    expect(rows.map((r) => [r.bucket, r.known, r.users])).toEqual([["0–9", 3, 2]]);
    expect(await metric("f2-auto-approve", dir, 3)).toEqual([]);
  });
});

describe("the agent filter", () => {
  test("each agent is a cell of its own, whichever reader logged it, and all agents together one more", async () => {
    // Claude Code from its transcripts and its telemetry; Codex from its rollouts: one user each.
    const sessions = [
      session("a", "a0", 0, {auto_approve: "full"}),
      session("b", "b0", 0, {source: "otel", kind: "events", auto_approve: "none"}),
      session("c", "c0", 0, {source: "codex", agent: "codex", kind: "rollouts", auto_approve: "full"}),
      session("c", "c1", 1, {source: "codex", agent: "codex", kind: "rollouts", auto_approve: "full"})
    ];
    const dir = await tables({sessions, turns: sessions.map((s) => turn(s.user_id, s.session_id, 0, {started_at: s.started_at}))});
    const f2 = await metric("f2-auto-approve", dir, 1, "where grain = 'bucket' and sessions = '(all)'");
    expect(f2.map((r) => [r.agent, r.known, r.full_auto, r.users])).toEqual([["(all)", 4, 3, 3], ["claude-code", 2, 1, 2], ["codex", 2, 2, 1]]);
    const f1 = await metric("f1-turn-duration", dir, 1, "where model = '(all)' and sessions = '(all)' and day = '2025-10-02'");
    expect(f1.map((r) => [r.agent, r.turns, r.users])).toEqual([["(all)", 4, 3], ["claude-code", 2, 2], ["codex", 2, 1]]);
  });
});

describe("F3 interrupts by tenure", () => {
  test("the share of turns interrupted, by the tenure of their session", async () => {
    const sessions = [session("u", "s0", 0), session("u", "s1", 1), session("u", "api", 2, spans)];
    const turns = [
      turn("u", "s0", 0, {end_reason: "interrupted"}), turn("u", "s0", 1), turn("u", "s0", 2), turn("u", "s0", 3),
      turn("u", "s1", 0, {end_reason: "clarification"}), turn("u", "s1", 1, {end_reason: "interrupted"}),
      // An agent's run from its spans, which log nothing of the person: it could not show an interrupt.
      turn("u", "api", 0, {n_rejections: null})
    ];
    const rows = await metric("f3-interrupts", await tables({sessions, turns}), 1, "where grain = 'bin' and sessions = 'interactive' and agent = '(all)'");
    expect(rows.map((r) => [r.from_session, r.turns, r.interrupted, r.share])).toEqual([[1, 4, 1, 0.25], [2, 2, 1, 0.5]]);
    expect([rows[0].low, rows[0].high]).toEqual(wilson(1, 4).map((v) => expect.closeTo(v, 12)));
  });
});

describe("F4 agent stops against human interrupts by complexity", () => {
  test("agent stops are a mean per turn; interrupts a share of turns", async () => {
    const sessions = [session("u", "s", 0)];
    const turns = [turn("u", "s", 0, {complexity: "high"}), turn("u", "s", 1, {complexity: "high", end_reason: "interrupted"}), turn("u", "s", 2, {complexity: "high"}), turn("u", "s", 3, {complexity: "minimal"})];
    const stops = [
      {session_id: "s", user_id: "u", turn_index: 0, kind: "agent", how: "ask_user"},
      {session_id: "s", user_id: "u", turn_index: 0, kind: "agent", how: "plan"},
      {session_id: "s", user_id: "u", turn_index: 2, kind: "agent", how: "question"},
      {session_id: "s", user_id: "u", turn_index: 1, kind: "human", how: "interrupt"}
    ];
    const rows = await metric("f4-stops", await tables({sessions, turns, stops}), 1, "where sessions = '(all)' and agent = '(all)' and tenure = '(all)'");
    expect(rows.map((r) => [r.complexity, r.turns, r.agent_stops, r.interrupts])).toEqual([["minimal", 1, 0, 0], ["high", 3, 3, 1]]);
    const high = rows[1];
    // per-turn agent stops 2, 0, 1: mean 1, sample sd 1
    expect(high.agent_rate).toBe(1);
    expect(high.agent_high).toBeCloseTo(1 + 1.96 / Math.sqrt(3), 12);
    expect(high.human_rate).toBeCloseTo(1 / 3, 12);
  });
});

describe("F5 reasons", () => {
  test("shares are of all stops of the same kind that have a reason", async () => {
    // Telemetry's stops carry no reason (it logs no words): they are in no share's denominator.
    const sessions = [session("u", "s", 0), session("u", "e", 1, {source: "otel", agent: "claude-code", kind: "events", interactive: null, logs_prompts: false})];
    const stops = [
      ...["offer_choice", "offer_choice", "approval", "gather_diagnostics"].map((reason, i) => ({session_id: "s", user_id: "u", turn_index: i, kind: "agent", how: "ask_user", reason})),
      {session_id: "s", user_id: "u", turn_index: 5, kind: "human", how: "interrupt", reason: "slow_or_excessive"},
      {session_id: "e", user_id: "u", turn_index: 0, kind: "agent", how: "ask_user", reason: null},
      {session_id: "e", user_id: "u", turn_index: 1, kind: "human", how: "interrupt", reason: null}
    ];
    const rows = await metric("f5-reasons", await tables({sessions, stops}), 1, "where complexity = '(all)' and sessions = '(all)' and agent = '(all)'");
    expect(rows.map((r) => [r.kind, r.reason, r.stops, r.of_kind, r.share])).toEqual([
      ["agent", "offer_choice", 2, 4, 0.5],
      ["agent", "approval", 1, 4, 0.25],
      ["agent", "gather_diagnostics", 1, 4, 0.25],
      ["human", "slow_or_excessive", 1, 1, 1]
    ]);
  });
});

describe("F6 human involvement by complexity", () => {
  test("calls whose involvement cannot be told are counted apart", async () => {
    const sessions = [session("u", "s", 0)];
    const turns = [turn("u", "s", 0, {complexity: "minimal"}), turn("u", "s", 1, {complexity: "high"})];
    const call = (i: number, turn_index: number, human_in_loop: boolean | null) => ({session_id: "s", user_id: "u", turn_index, tool_use_id: `t${i}`, tool_name: "Bash", human_in_loop});
    const tool_calls = [call(1, 0, true), call(2, 0, true), call(3, 0, false), call(4, 1, false), call(5, 1, null)];
    const rows = await metric("f6-involvement", await tables({sessions, turns, tool_calls}), 1, "where source = '(all)' and sessions = '(all)'");
    expect(rows.map((r) => [r.complexity, r.known, r.involved, r.unknown])).toEqual([["minimal", 3, 2, 0], ["high", 1, 0, 1]]);
  });
});

describe("who is involved in a call, where approvals are not logged (GenAI agent spans)", () => {
  // An API conversation (no approvals logged) of three runs: run 0
  // looks up, asks for approval, refunds; run 1 only reads; run 2 (high) reads and
  // escalates. A transcript session beside it keeps its calls' own flags.
  const sessions = [session("u", "api", 0, spans), session("u", "cc", 1, {n_rejections: 0})];
  const turns = [turn("u", "api", 0, {complexity: "minimal"}), turn("u", "api", 1, {complexity: "minimal"}), turn("u", "api", 2, {complexity: "high"}), turn("u", "cc", 0, {complexity: "minimal"})];
  const call = (sid: string, i: number, turn_index: number | null, tool_name: string, human_in_loop: boolean | null, safeguard: boolean | null = human_in_loop) =>
    ({session_id: sid, user_id: "u", source: sid === "api" ? "otel" : "claude-code", turn_index, tool_use_id: `${sid}${i}`, tool_name, human_in_loop, safeguard, risk: 1, autonomy: 4, reversible: true, domain: "finance"});
  const tool_calls = [
    call("api", 1, 0, "lookup_order", false), call("api", 2, 0, "request_human_approval", true), call("api", 3, 0, "issue_refund", false),
    call("api", 4, 1, "get_invoice", false), call("api", 5, 1, "get_invoice", false),
    call("api", 6, 2, "get_invoice", false), call("api", 7, 2, "escalate_ticket", true),
    call("cc", 8, 0, "Bash", true, true), call("cc", 9, 0, "Read", false, null)
  ];

  test("the agents built on the API are a kind of session of their own, never headless", async () => {
    const rows = await metric("f6-involvement", await tables({sessions, turns, tool_calls}), 1, "where source = '(all)' and complexity = 'minimal'");
    expect(rows.map((r) => [r.sessions, r.known])).toEqual([["(all)", 7], ["API agents", 5], ["interactive", 2]]);
  });

  test("F6: a call is involved when its run asks, hands off to or waits for a person", async () => {
    const rows = await metric("f6-involvement", await tables({sessions, turns, tool_calls}), 1, "where sessions = '(all)' and source <> '(all)'");
    expect(rows.map((r) => [r.source, r.complexity, r.known, r.involved])).toEqual([
      ["claude-code", "minimal", 2, 1],
      ["otel", "minimal", 5, 3],
      ["otel", "high", 2, 2]
    ]);
  });

  test("F7: a call has a safeguard when its conversation does; the transcript's calls keep their own", async () => {
    const rows = await metric("f7-safeguards", await tables({sessions, turns, tool_calls}), 1, "where source <> '(all)'");
    expect(rows.map((r) => [r.source, r.known_safeguard, r.safeguarded, r.known_human, r.human])).toEqual([
      ["claude-code", 1, 1, 2, 1],
      ["otel", 7, 7, 7, 5]
    ]);
    const clusters = await metric("f7-risk-autonomy", await tables({sessions, turns, tool_calls}), 1, "where source = 'otel' and tool = 'get_invoice'");
    expect(clusters.map((r) => [r.calls, r.human_in_loop, r.safeguard])).toEqual([[3, 1 / 3, 1]]);
  });
});

describe("F7 risk and autonomy", () => {
  const sessions = [session("u", "s", 0), session("v", "t", 0)];
  const call = (user: string, sid: string, i: number, tool: string, risk: number, autonomy: number, reversible: boolean, safeguard: boolean | null) =>
    ({session_id: sid, user_id: user, tool_use_id: `c${i}`, tool_name: tool, domain: "software_engineering", risk, autonomy, reversible, safeguard, human_in_loop: safeguard});
  const tool_calls = [
    call("u", "s", 1, "Bash", 2, 4, true, true), call("u", "s", 2, "Bash", 8, 8, false, false), call("v", "t", 3, "Bash", 5, 6, true, null),
    call("u", "s", 4, "mcp__acme_db__drop_table", 7, 7, false, true)
  ];

  test("clusters average their calls; an MCP tool is named without its server", async () => {
    const rows = await metric("f7-risk-autonomy", await tables({sessions, tool_calls}), 1, "where source = '(all)'");
    expect(rows.map((r) => [r.tool, r.calls, r.users, r.risk, r.autonomy])).toEqual([["drop_table", 1, 1, 7, 7], ["Bash", 3, 2, 5, 6]]);
    expect(await metric("f7-risk-autonomy", await tables({sessions, tool_calls}), 2, "where source = '(all)'")).toHaveLength(1);
  });

  test("shares of safeguard, human in the loop and irreversible calls, each over the calls where it is known", async () => {
    const [all] = await metric("f7-safeguards", await tables({sessions, tool_calls}), 1, "where source = '(all)'");
    expect(all).toMatchObject({calls: 4, known_safeguard: 3, safeguarded: 2, irreversible: 2, known_reversible: 4, corner: 2});
    expect(all.safeguard_share).toBeCloseTo(2 / 3, 12);
  });
});

describe("F8 domains", () => {
  test("the share of calls in each domain", async () => {
    const sessions = [session("u", "s", 0)];
    const tool_calls = ["software_engineering", "software_engineering", "software_engineering", "finance"].map((domain, i) => ({session_id: "s", user_id: "u", tool_use_id: `c${i}`, tool_name: "Bash", domain, called_at: "2025-10-05T10:00:00Z"}));
    const rows = await metric("f8-domains", await tables({sessions, tool_calls}), 1, "where source = '(all)' and period = '(all)'");
    expect(rows.map((r) => [r.domain, r.calls, r.share])).toEqual([["software_engineering", 3, 0.75], ["finance", 1, 0.25]]);
  });
});

describe("F9 the tail", () => {
  test("quantiles of interactive working time: whole period, last 28 days, since Opus 4.5's release; no upper end to a p99.9 of three turns", async () => {
    const sessions = [session("u", "s", 0), session("u", "h", 0, {interactive: false})];
    const day = (d: number) => new Date(Date.UTC(2025, 9, 1 + d)).toISOString();
    const turns = [
      turn("u", "s", 0, {started_at: day(0), duration_s: 60}),
      turn("u", "s", 1, {started_at: day(50), duration_s: 120}),
      turn("u", "s", 2, {started_at: day(60), duration_s: 600}),
      turn("u", "h", 0, {started_at: day(60), duration_s: 9999})
    ];
    const rows = await metric("f9-overhang", await tables({sessions, turns}), 1, "where model = '(all)' and agent = '(all)'");
    expect(rows.map((r) => [r.period, r.turns, r.p50_min, r.max_min, r.p999_high_min])).toEqual([["last 28 days", 2, 6, 10, null], ["since Opus 4.5", 1, 10, 10, null], ["whole period", 3, 2, 10, null]]);
  });
});

describe("F10 outcomes over time", () => {
  test("success needs a completed turn whose next prompt does not correct it", async () => {
    const sessions = [session("u", "s", 0, {n_interventions: 3, n_turns: 4}), session("u", "t", 40, {n_interventions: 1, n_turns: 1}), session("u", "api", 1, spans)];
    const turns = [
      turn("u", "s", 0, {started_at: "2025-10-01T10:00:00Z", complexity: "high"}),
      turn("u", "s", 1, {started_at: "2025-10-01T10:10:00Z", complexity: "high", corrective: true}),
      turn("u", "s", 2, {started_at: "2025-10-01T10:20:00Z", complexity: "high", end_reason: "interrupted"}),
      turn("u", "s", 3, {started_at: "2025-10-01T10:30:00Z", complexity: "high"}),
      // A run whose prompt was not logged (spans): its success cannot be told.
      turn("u", "api", 0, {started_at: "2025-10-02T10:00:00Z", complexity: "high", corrective: null})
    ];
    const rows = await metric("f10-outcomes", await tables({sessions, turns}));
    const success = rows.find((r) => r.measure === "success" && r.complexity === "high" && r.agent === "(all)" && r.month === "2025-10")!;
    // turn 0 is followed by a corrective prompt, turn 2 was interrupted: 2 of 4 succeeded.
    expect([success.n, success.value]).toEqual([4, 0.5]);
    const interventions = rows.filter((r) => r.measure === "interventions per session" && r.agent === "(all)").map((r) => [r.grain, r.month ?? r.quarter, r.n, r.value]);
    // Each month, and the quarter that holds both: its sessions' mean, (3 + 1) / 2.
    expect(interventions).toEqual([["month", "2025-10", 1, 3], ["month", "2025-11", 1, 1], ["quarter", "2025-Q4", 2, 2]]);
  });
});

describe("the interval of a high quantile", () => {
  const interval = async (sql: string) => {
    const db = await connect(await tables({}), 1);
    try {
      await db.run("select setseed(0.25)");
      return (await db.runAndReadAll(sql)).getRowObjectsJS();
    } finally {
      db.closeSync();
    }
  };

  test("comes from the order statistics around rank n·(1 − q), with exact binomial ranks where few values lie above", async () => {
    // 1..10000: 10 values above the p99.9 on average. Binomial(10000, 0.001): P(X ≤ 3) = 0.010 and
    // P(X ≤ 4) = 0.029, so the 4th largest is the upper bound; P(X ≤ 16) = 0.973 and
    // P(X ≤ 17) = 0.986, so the 18th largest is the lower.
    const [row] = await interval(`select upper_quantile_interval(max(x, 3000), count(*), 0.999) as ci from range(1, 10001) t(x)`);
    expect(row.ci).toEqual({low: 9983n, high: 9997n});
  });

  test("has no upper bound where the largest value is not one (0.999ⁿ > 0.025), rather than the maximum", async () => {
    // 0.999^3687 = 0.0250009 and 0.999^3688 = 0.0249759: from 3,688 values on, the maximum
    // bounds the p99.9.
    const rows = await interval(`select n, upper_quantile_interval(max(x, 3000), count(*), 0.999) as ci from (select n, unnest(range(1, n + 1)) as x from unnest([1, 500, 3687, 3688]) t(n)) group by n order by n`);
    expect(rows.map((r) => [Number(r.n), (r.ci as {high: bigint | null}).high])).toEqual([[1, null], [500, null], [3687, null], [3688, 3688n]]);
  });

  test("covers the true p99.9 in about 95% of samples, or says there is no bound", async () => {
    // Samples of an exponential distribution, whose p99.9 is ln(1000); 200 samples of each
    // size, seeded. The interval is conservative where the counts are small (discrete
    // ranks), so its coverage is at least 95% and at most about 99%.
    const rows = await interval(`
      with sample as (
        select n, rep, -ln(1 - random()) as x
        from unnest([2000, 5000, 20000]) t(n), range(200) r(rep), lateral (select unnest(range(n)))
      ),
      ci as (
        select n, rep, upper_quantile_interval(max(x, 3000), count(*), 0.999) as ci from sample group by n, rep
      )
      select
        n,
        count(*) filter (where ci.high is null) as unbounded,
        avg((ci.low <= ln(1000) and ln(1000) <= ci.high)::INTEGER) filter (where ci.high is not null) as coverage
      from ci group by n order by n`);
    const byN = Object.fromEntries(rows.map((r) => [Number(r.n), {unbounded: Number(r.unbounded), coverage: r.coverage as number | null}]));
    expect(byN[2000]).toEqual({unbounded: 200, coverage: null});
    for (const n of [5000, 20000]) {
      expect(byN[n].unbounded).toBe(0);
      expect(byN[n].coverage).toBeGreaterThanOrEqual(0.93);
      expect(byN[n].coverage).toBeLessThanOrEqual(0.995);
    }
  });
});

describe("the LOWESS smoother", () => {
  const points = (users: number, seed = 1) => {
    let s = seed;
    const random = () => ((s = (s * 16807) % 2147483647) / 2147483647);
    const out = [];
    for (let u = 0; u < users; u++) {
      const n = 1 + Math.floor(random() * 400);
      for (let x = 1; x <= n; x++) out.push({user: `u${u}`, x, y: random() < 0.2 + 0.07 * Math.log10(x) ? 1 : 0});
    }
    return out;
  };
  const opts = {bandwidth: 0.15, resamples: 20, gridSize: 30};

  test("follows a rising share, with a band around it, on a grid that stops where users run out", () => {
    const data = points(60);
    const curve = smoothCell(data, 5, opts, 1);
    expect(curve[0].x).toBe(1);
    const reach = [...new Set(data.map((p) => p.user))].map((u) => Math.max(...data.filter((p) => p.user === u).map((p) => p.x))).sort((a, b) => b - a);
    expect(curve.at(-1)!.x).toBe(reach[4]);
    expect(curve[0].fit).toBeGreaterThan(0.1);
    expect(curve[0].fit).toBeLessThan(0.3);
    expect(curve.at(-1)!.fit).toBeGreaterThan(curve[0].fit + 0.05);
    for (const c of curve) {
      expect(c.low!).toBeLessThanOrEqual(c.high!);
      expect(c.high! - c.low!).toBeLessThan(0.3);
    }
  });

  test("the band is the fit ± 1.96 standard deviations of the fits to resampled users", () => {
    const curve = smoothCell(points(60), 5, opts, 3);
    for (const c of curve.filter((d) => d.low! > 0 && d.high! < 1)) expect(c.high! - c.fit).toBeCloseTo(c.fit - c.low!, 12);
  });

  test("a rare outcome's share is fitted where it is, not pulled to zero as by robustness iterations", () => {
    // F3's interrupts are some 7% of turns: LOWESS's outlier weights took every 1 for an outlier.
    let s = 11;
    const random = () => ((s = (s * 16807) % 2147483647) / 2147483647);
    const data = Array.from({length: 40}, (_, u) => Array.from({length: 200}, (_, i) => ({user: `u${u}`, x: i + 1, y: random() < 0.07 ? 1 : 0}))).flat();
    const curve = smoothCell(data, 5, opts, 5);
    for (const c of curve) {
      expect(c.fit).toBeGreaterThan(0.03);
      expect(c.fit).toBeLessThan(0.11);
    }
  });

  test("the fit is local linear on log x: it returns a line in log x exactly, and a tie's mean where all points share one x or lie at the window's edge", () => {
    const line = Array.from({length: 500}, (_, i) => ({user: "u", x: 1 + (i % 250), y: 0.1 + 0.2 * Math.log10(1 + (i % 250))}));
    const grid = [1, 2, 7, 30, 120, 250];
    fit(sortPoints(line), grid, 0.15).forEach((y, i) => expect(y).toBeCloseTo(0.1 + 0.2 * Math.log10(grid[i]), 9));
    expect(fit(sortPoints([1, 0, 0, 1, 1].map((y) => ({user: "u", x: 3, y}))), [3], 0.15)).toEqual([0.6]);
    // Past a tie at the window's edge, where every tricube weight is 0: the tie's mean, not NaN.
    expect(fit(sortPoints([{user: "u", x: 1, y: 0}, {user: "u", x: 5, y: 1}, {user: "v", x: 5, y: 1}]), [100], 0.15)).toEqual([1]);
  });

  test("a bootstrap resample weighs each point by its user's draws: the same fit as the drawn points written out", () => {
    const data = points(12, 5);
    const sorted = sortPoints(data);
    const drawn = Array.from({length: sorted.users}, (_, u) => [2, 0, 1, 3][u % 4]);
    const times = Float64Array.from(sorted.user, (u) => drawn[u]);
    // sortPoints numbers the users in the order its sorted points meet them.
    const seen = [...new Set([...data].sort((a, b) => a.x - b.x).map((p) => p.user))];
    expect(seen.length).toBe(sorted.users);
    const written = data.flatMap((p) => Array(drawn[seen.indexOf(p.user)]).fill(p));
    const grid = [1, 3, 10, 40, 150, 300];
    const weighted = fit(sorted, grid, 0.15, times);
    fit(sortPoints(written), grid, 0.15).forEach((y, i) => expect(weighted[i]).toBeCloseTo(y, 9));
  });

  test("the same points and seed give the same curve; too few users give none", () => {
    const data = points(20);
    expect(smoothCell(data, 5, opts, 7)).toEqual(smoothCell(data, 5, opts, 7));
    expect(smoothCell(points(3), 5, opts, 1)).toEqual([]);
  });
});
