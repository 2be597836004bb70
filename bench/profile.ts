// Where a process spends its time: the self time of each function, summed over every
// thread's CPU profile (`node --cpu-prof` writes one per thread).
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";

type Profile = {nodes: {id: number; callFrame: {functionName: string; url: string; lineNumber: number}}[]; samples: number[]; timeDeltas: number[]};

export type Hotspot = {name: string; ms: number; share: number};

export function hotspots(dir: string, top = 12): Hotspot[] {
  const self = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))) {
    const p = JSON.parse(readFileSync(join(dir, file), "utf8")) as Profile;
    const at = new Map<number, number>();
    p.samples.forEach((id, i) => at.set(id, (at.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
    for (const n of p.nodes) {
      const us = at.get(n.id) ?? 0;
      if (!us || n.callFrame.functionName === "(idle)") continue;
      const where = n.callFrame.url ? ` (${n.callFrame.url.split("/").slice(-2).join("/")})` : "";
      const name = `${n.callFrame.functionName || "(anonymous)"}${where}`;
      self.set(name, (self.get(name) ?? 0) + us);
      total += us;
    }
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({name, ms: us / 1000, share: us / total}));
}
