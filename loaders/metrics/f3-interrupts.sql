-- F3: the share of turns the person interrupted, by how experienced the user is.
-- A turn is interrupted when the person stopped it: an interrupt marker, or a rejected
-- tool use after which the agent stopped (docs/findings.md, "How a turn ends"). Experience
-- is the session number of the turn's session (tenure + 1), in the same two grains as F2.
-- Rates per turn carry a 95% Wilson interval, which treats turns as independent: turns of
-- one user are not, so the smoother's bootstrap, which resamples users, is the more honest
-- band. Turns of a source that does not log the person's rejections and interrupts
-- (GenAI agent spans: their sessions' `logs_approvals` is false) could never show an
-- interrupt, and are left out.
with turn as (
  select
    t.user_id,
    s.tenure + 1 as session_number,
    tenure_bucket(s.tenure) as bucket,
    t.end_reason = 'interrupted' as interrupted,
    case when s.interactive then 'interactive' else 'headless' end as sessions
  from turns as t
  join sessions as s using (user_id, session_id)
  where s.logs_approvals
),
grain as (
  select *, unnest(tenure_grains(session_number), recursive := true) from turn
),
cells as (
  select
    grain,
    position,
    cell(sessions, grouping(sessions)) as sessions,
    min(session_number)::INTEGER as from_session,
    max(session_number)::INTEGER as to_session,
    any_value(bucket) filter (where grain = 'bucket') as bucket,
    count(*)::INTEGER as turns,
    count(*) filter (where interrupted)::INTEGER as interrupted,
    count(distinct user_id)::INTEGER as users
  from grain
  group by grouping sets ((grain, position, sessions), (grain, position))
)
select
  *,
  interrupted / turns as share,
  wilson_low(interrupted, turns) as low,
  wilson_high(interrupted, turns) as high
from cells
where users >= getvariable('min_users')
order by grain, sessions, position;
