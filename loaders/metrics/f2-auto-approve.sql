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
    tenure + 1 as session_number,
    tenure_bucket(tenure) as bucket,
    auto_approve,
    case when interactive then 'interactive' else 'headless' end as sessions
  from sessions
),
grain as (
  select *, unnest(tenure_grains(session_number), recursive := true) from session
),
cells as (
  select
    grain,
    position,
    cell(sessions, grouping(sessions)) as sessions,
    min(session_number)::INTEGER as from_session,
    max(session_number)::INTEGER as to_session,
    any_value(bucket) filter (where grain = 'bucket') as bucket,
    count(*) filter (where auto_approve is not null)::INTEGER as known,
    count(*) filter (where auto_approve = 'full')::INTEGER as full_auto,
    count(*) filter (where auto_approve is null)::INTEGER as unknown,
    count(distinct user_id)::INTEGER as users
  from grain
  group by grouping sets ((grain, position, sessions), (grain, position))
)
select
  *,
  full_auto / nullif(known, 0) as share,
  wilson_low(full_auto, known) as low,
  wilson_high(full_auto, known) as high
from cells
where users >= getvariable('min_users')
order by grain, sessions, position;
