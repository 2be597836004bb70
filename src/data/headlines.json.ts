// The home page's headline numbers: one cell of each finding's aggregate, computed by the
// same metric SQL its page shows, so the two can never disagree.
import {builtTables} from "../../loaders/site/built.ts";
import {metricSql, statement} from "../../loaders/metrics/sql.ts";
import {connect} from "../../loaders/site/aggregate.ts";

const {dir, origin} = builtTables();
const db = await connect(dir, origin.minUsers);
const cell = async (metric: string, where: string, columns: string) => {
  const rows = (await db.runAndReadAll(`select ${columns} from (${statement(metricSql(metric))}) where ${where}`)).getRowObjectsJson();
  return rows[0] ?? null;
};
const headlines = {
  f1: await cell("f1-turn-duration", "model = '(all)' and sessions = 'interactive' and source = '(all)' order by day desc limit 1", "day, p50_s, p999_s, turns"),
  f2New: await cell("f2-auto-approve", "grain = 'bucket' and bucket = '10–49' and sessions = 'interactive'", "share, known"),
  f2Experienced: await cell("f2-auto-approve", "grain = 'bucket' and bucket = '750+' and sessions = 'interactive'", "share, known"),
  f3New: await cell("f3-interrupts", "grain = 'bucket' and bucket = '10–49' and sessions = 'interactive'", "share, turns"),
  f3Experienced: await cell("f3-interrupts", "grain = 'bucket' and bucket = '750+' and sessions = 'interactive'", "share, turns"),
  f4High: await cell("f4-stops", "complexity = 'high' and sessions = 'interactive' and source = '(all)' and tenure = '(all)'", "agent_rate, human_rate, turns"),
  // F7 and F8 are of API traffic: the agents seen through OpenTelemetry where there are any.
  f7: await cell("f7-safeguards", "source in ('otel', '(all)') order by source = 'otel' desc limit 1", "source, safeguard_share, human_share, irreversible_share, calls"),
  f8: await cell("f8-domains", "domain = 'software_engineering' and source in ('otel', '(all)') and period = '(all)' order by source = 'otel' desc limit 1", "source, share, calls"),
  f9: await cell("f9-overhang", "period = 'whole period' and model = '(all)'", "p999_min, turns"),
  f10: await cell("f10-outcomes", "measure = 'interventions per session' order by month limit 1", "month, value"),
  f10Last: await cell("f10-outcomes", "measure = 'interventions per session' order by month desc limit 1", "month, value")
};
process.stdout.write(JSON.stringify(headlines));
db.closeSync();
