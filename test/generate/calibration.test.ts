// The calibration check on the small fleet: ingest + SQL over what was generated recovers
// each direction and ratio the study reports (F1, F2, F3, F4, F10). The small fleet (24
// users, about 12,000 turns) is a twentieth of the default, so each check reads a
// statistic it can estimate and asks the interval, not only the point, to agree; the
// comments give the numbers behind each tolerance. `agent-autonomy calibrate` reports
// the default fleet against every target.
import {beforeAll, describe, expect, test} from "vitest";
import {calibrationReport, type Recovered} from "../../loaders/calibrate/report.ts";
import {readCalibration, type Calibration, type Measure, type Target} from "../../loaders/generate/calibration.ts";
import {smallFleet} from "../fleet.ts";

let report: (id: string) => Recovered;
let tables = "";
let cal: Calibration;

/** The report of ad hoc targets (measures of the calibration's kinds) over the small fleet. */
async function recover(measures: Record<string, Measure>): Promise<Record<string, Recovered>> {
  const targets: Target[] = Object.entries(measures).map(([id, measure]) => ({id, measure}));
  const r = await calibrationReport(tables, {...cal, targets, reported: []});
  return Object.fromEntries(r.targets.map((t) => [t.id, t]));
}

beforeAll(async () => {
  ({tables} = await smallFleet());
  cal = readCalibration();
  const r = await calibrationReport(tables, cal);
  report = (id) => r.targets.find((t) => t.id === id) ?? r.reported.find((t) => t.id === id)!;
});

describe("the small fleet recovers the study's directions and ratios", () => {
  test("F1: the p99.9 of turn duration about doubles from autumn to winter; the median stays near 45 s", async () => {
    // A 7-day window of the small fleet holds about 300 turns, whose p99.9 is their
    // longest. So the p99.9 is read over two months on each side: August to late
    // September, before the tail starts to grow (about 4,000 turns, 4 above it), and
    // mid-December to mid-February, after (about 3,000). The model roughly doubles it
    // (the study: under 25 to over 45 min); at this size each end's interval is about
    // ±25%, so the two must not overlap.
    const early = {kind: "window_quantile", q: 0.999, day: "2025-09-28", days: 59, unit: "min"};
    const late = {kind: "window_quantile", q: 0.999, day: "2026-02-15", days: 63, unit: "min"};
    const r = await recover({early, late, ratio: {kind: "ratio", of: late, to: early}, p90: {kind: "ratio", of: {...late, q: 0.9}, to: {...early, q: 0.9}}});
    expect(r.early.n).toBeGreaterThan(3000);
    expect(r.late.lo).toBeGreaterThan(r.early.hi);
    expect(r.ratio.value).toBeGreaterThan(1.5);
    expect(r.ratio.value).toBeLessThan(3);
    // Percentiles below p99 stay put (Fig. 1): the p90 moves less than 15%.
    expect(Math.abs(r.p90.value - 1)).toBeLessThan(0.15);
    // The median over all turns: 12,000 turns put its interval within ±2 s.
    expect(report("f1.p50").value).toBeGreaterThan(40);
    expect(report("f1.p50").value).toBeLessThan(55);
  });

  test("F2: full auto-approve rises from about a fifth of new users' sessions with experience", () => {
    // Under 50 sessions: about 740 sessions from all 24 users, so the share sits near the
    // aim (20%, interval ±3 points). Past 750 sessions the small fleet has two users, and
    // each user's own propensity (a logit offset with sd 0.9) moves their share by ±15
    // points: the rise must show (intervals apart, and at least 1.3×), its level is the
    // default fleet's to show (32 users past 750: 45%).
    const fresh = report("f2.new");
    const experienced = report("f2.experienced");
    expect(fresh.value).toBeGreaterThan(16);
    expect(fresh.value).toBeLessThan(25);
    expect(experienced.lo).toBeGreaterThan(fresh.hi);
    expect(experienced.value / fresh.value).toBeGreaterThan(1.3);
  });

  test("F3: interrupts rise from about 5% at ten sessions to about 9%, then flatten", async () => {
    // About 950 turns at ten sessions and 2,000 past 750: Wilson intervals of ±1.2 points.
    const r = await recover({
      mid: {kind: "turn_share", end_reason: "interrupted", tenure: [50, 199], unit: "%"},
      late: {kind: "turn_share", end_reason: "interrupted", tenure: [200, 749], unit: "%"}
    });
    const fresh = report("f3.new");
    const experienced = report("f3.experienced");
    expect(fresh.value).toBeGreaterThan(3);
    expect(fresh.value).toBeLessThan(6.5);
    expect(experienced.value).toBeGreaterThan(7.5);
    expect(experienced.value).toBeLessThan(10.5);
    expect(experienced.lo).toBeGreaterThan(fresh.hi);
    // Flattening: from 200 sessions on the share moves less than it rose before.
    expect(Math.abs(experienced.value - r.late.value)).toBeLessThan((r.late.value - fresh.value) / 2);
    expect(r.mid.value).toBeGreaterThan(fresh.value);
  });

  test("F4: on complex tasks the agent stops at least twice as often as people interrupt it; on minimal ones about as often", () => {
    // About 480 high-complexity turns, more than half of them one power user's who works
    // in plan mode (every plan is an agent stop): the small fleet's ratio runs above the
    // study's 2.3 (the default fleet's 32 power users give 2.2). So the check is the
    // direction and its size: the interval's lower end clears 1.2, the point 1.8.
    const high = report("f4.high.agent_vs_human");
    expect(high.value).toBeGreaterThan(1.8);
    expect(high.lo).toBeGreaterThan(1.2);
    // The agent stops more than twice as often on high as on minimal tasks.
    expect(report("f4.agent.high_vs_minimal").lo).toBeGreaterThan(1.8);
    // On minimal tasks (about 2,000 turns) agent stops and interrupts are close: 6.6% vs 5.5%.
    const ratio = report("f4.minimal.agent").value / report("f4.minimal.human").value;
    expect(ratio).toBeGreaterThan(0.8);
    expect(ratio).toBeLessThan(1.6);
  });

  test("F10: interventions per session fall from August to December; success on the hardest tasks about doubles", () => {
    // About 500 sessions in each month: the ratio's interval is about ±0.08.
    const fall = report("f10.interventions.ratio");
    expect(fall.hi).toBeLessThan(0.75);
    expect(fall.value).toBeGreaterThan(0.4);
    // Only about 60 high-complexity turns in December: a wide interval that must clear 1.
    const success = report("f10.success");
    expect(success.lo).toBeGreaterThan(1.1);
    expect(success.value).toBeGreaterThan(1.4);
    expect(success.value).toBeLessThan(3);
  });
});
