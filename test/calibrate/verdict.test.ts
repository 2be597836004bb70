// A target is recovered only when the interval of what the pipeline reads holds the aim;
// a value inside a wide pass band with an interval that excludes the aim is "within band".
import {expect, test} from "vitest";
import {verdictFor, verdictOf} from "../../loaders/calibrate/report.ts";

test("recovered, within band or outside band", () => {
  // F4's "more than twice": aim 2, band from 1.8; 1.88 (1.70–2.06) holds 2.
  expect(verdictOf(true, 2, 1.7, 2.06)).toBe("recovered");
  // The same value with a tighter interval that stops short of the aim.
  expect(verdictOf(true, 2, 1.8, 1.95)).toBe("within band");
  expect(verdictOf(false, 2, 1.2, 1.5)).toBe("outside band");
  // No aim to hold (a target with a band only), or no interval (too few to draw one).
  expect(verdictOf(true, null, 1, 2)).toBe("within band");
  expect(verdictOf(true, 2, NaN, NaN)).toBe("within band");
  expect(verdictOf(null, 2, 1, 3)).toBe(null);
});

test("a figure given as over or under a number is borne out only by an interval wholly beyond it", () => {
  // F1's "over 45 min": 46 (43–50) is in a band from 45 but not shown to be over 45.
  expect(verdictOf(true, 45, 43, 50, "over")).toBe("within band");
  expect(verdictOf(true, 45, 45.5, 50, "over")).toBe("recovered");
  expect(verdictOf(true, 25, 20, 24, "under")).toBe("recovered");
  expect(verdictOf(true, 25, 20, 26, "under")).toBe("within band");
  expect(verdictOf(true, 20, 18, 22, "about")).toBe("recovered");
});

test("a target aimed inside the study's bound is judged on the study's number, not the aim", () => {
  // F1 in late September: the study says under 25 min; the generator aims at 21.
  const f = {id: "f1.p999.start", finding: "F1", value: 25, unit: "min", bound: "under", label: "", source: "", provenance: "text"};
  expect(verdictFor(true, 21, f, 19.3, 24.4)).toBe("recovered");
  expect(verdictFor(true, 21, f, 19.3, 25.6)).toBe("within band");
  expect(verdictFor(true, 21, undefined, 19.3, 24.4)).toBe("recovered");
});

test("a target's own claim ('more than twice') is judged on its interval", () => {
  // F4's agent stops against interrupts on high complexity: 1.88 (1.69–2.06) is in the band
  // from 1.8, but does not show "more than twice".
  expect(verdictFor(true, 2.3, undefined, 1.69, 2.06, {bound: "over", value: 2})).toBe("within band");
  expect(verdictFor(true, 2.5, undefined, 2.95, 3.4, {bound: "over", value: 2})).toBe("recovered");
});
