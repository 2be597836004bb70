// Which data the site was built from: counts and dates only, no identifier; in all, and
// by source; what its logs record that some logs do not (by agent, so that a page can say
// why it draws nothing for them); whether the site is one person's own (their points are
// drawn in place of cells), and what the curves behind their points are of.
import {builtTables, onePerson} from "../../loaders/site/built.ts";
import {connect} from "../../loaders/site/aggregate.ts";
import {LABELS} from "../../loaders/sources/index.ts";

const {dir, origin, population} = builtTables();
const db = await connect(dir, origin.minUsers);
const [row] = (
  await db.runAndReadAll(`
    select
      count(distinct user_id)::INTEGER as users,
      count(*)::INTEGER as sessions,
      (select count(*) from turns)::INTEGER as turns,
      (select count(*) from tool_calls)::INTEGER as tool_calls,
      strftime(min(started_at), '%Y-%m-%d') as first_day,
      strftime(max(ended_at), '%Y-%m-%d') as last_day,
      bool_or(synthetic) as synthetic,
      list(distinct source order by source) as sources
    from sessions`)
).getRowObjectsJson();
const bySource = (
  await db.runAndReadAll(`
    select
      source,
      count(distinct user_id)::INTEGER as users,
      count(*)::INTEGER as sessions,
      (select count(*) from turns t where t.source = s.source)::INTEGER as turns
    from sessions s
    group by source
    order by source`)
).getRowObjectsJson().map((r) => ({...r, label: LABELS[r.source as string] ?? r.source}));
// Whether any session (any stop, for reasons) has each, by agent and in all ('(all)', as the
// pages' agent filter says): yes or no only, since a count could be one person's.
const records = Object.fromEntries(
  (
    await db.runAndReadAll(`
      select
        coalesce(agent, '(all)') as agent,
        bool_or(auto_approve is not null) as modes,
        bool_or(logs_prompts) as prompts,
        bool_or(logs_approvals) as approvals,
        coalesce(bool_or(reasons), false) as reasons
      from sessions
      left join (select user_id, session_id, bool_or(reason is not null) as reasons from stops group by all) using (user_id, session_id)
      group by rollup (agent)
      order by agent nulls first`)
  )
    .getRowObjectsJson()
    .map(({agent, ...r}) => [agent, r])
);
const {lines, parsed, duplicates, skipped, unanswered_prompts} = origin.report;
process.stdout.write(
  JSON.stringify({label: origin.label, kind: origin.kind, minUsers: origin.minUsers, onePerson: onePerson(origin), population: population?.origin.label ?? null, ...row, bySource, records, ingest: {lines, parsed, duplicates, skipped, unanswered_prompts}}, null, 2)
);
db.closeSync();
