-- F2: the share of sessions run with full auto-approve, by how experienced the user is.
-- A session's level is the majority of its turns' levels (docs/findings.md, "Auto-approve
-- level"): `full` for bypassPermissions and auto mode. Experience is the session number,
-- tenure + 1 (how many sessions the user began before, plus this one). Two grains:
--   bin:    half-octave bins of session number (1, 2, 3, 4–5, 6–7, 8–11 ... on a log axis);
--   bucket: the tenure buckets 0–9, 10–49, 50–199, 200–749, 750+.
-- Sessions whose level is unknown (no mode logged, as in every 1.0.x transcript) are left
-- out of the share and counted in `unknown`. Rates carry a 95% Wilson interval.
with session as (
  select
    user_id,
    session_type(kind, interactive) as sessions,
    agent,
    tenure + 1 as session_number,
    auto_approve = 'full' as hit
  from sessions
)
select
  * rename (hits as full_auto),
  unnest(share_interval(hits, known))
from experience_cells(session)
where users >= getvariable('min_users')
order by grain, sessions, agent, position;
