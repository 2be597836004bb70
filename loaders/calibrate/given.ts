// Which of the study's figures the embedded default's generator was given.
import {readPublished, type Calibration} from "../generate/calibration.ts";

/**
 * The published figures the generator was given (data/calibration.json): those its targets
 * aim at or derive from, and the shares its domain mixes are read from. On a fleet it made,
 * agreement with these is by construction, not a check of the method.
 */
export function givenFigures(c: Calibration, published = readPublished()): Set<string> {
  const given = new Set<string>();
  for (const t of [...c.targets, ...c.api.targets]) for (const id of [t.published, ...(t.derived ?? [])]) if (id) given.add(id);
  for (const from of [c.assumptions.tasks.domains_from, c.api.assumptions.population.domains_from]) for (const id of published.keys()) if (id.startsWith(`${from}.`)) given.add(id);
  return given;
}
