-- F1: how long Claude Code works before it stops.
-- A turn's duration is its working time: from the human prompt to the agent's stop,
-- minus the time it waited on the person inside the turn (docs/findings.md, "Duration").
-- For each day, the quantiles are taken over the turns that started in the 7 days ending
-- that day (grain 'window'), and over all of them (grain 'whole period', day NULL): each
-- cell's quantiles come from its own turns, never from other quantiles.
-- Every combination of the page's filters is its own cell (GROUPING SETS); a cell drawn
-- from fewer than `min_users` users is not published. The p99.9 carries a distribution-free
-- 95% interval from the order statistics around it.
with turn as (
  from worked_turns()
),
calendar as (
  select unnest(generate_series(min(started_at)::date, max(started_at)::date, interval 1 day))::date as day
  from turn
),
-- Each turn in each 7-day window it falls in, and once more in the whole period: the
-- coarser cell a page shows where no window of a selection has enough users.
windowed as (
  select 'window' as grain, calendar.day, turn.*
  from calendar
  join turn
    on turn.started_at >= calendar.day - interval 6 day
   and turn.started_at < calendar.day + interval 1 day
  union all
  select 'whole period', null, * from turn
),
cells as (
  select
    grain,
    day,
    cell(model, grouping(model)) as model,
    cell(sessions, grouping(sessions)) as sessions,
    cell(agent, grouping(agent)) as agent,
    count(*)::INTEGER as turns,
    count(distinct user_id)::INTEGER as users,
    quantile_cont(duration_s, 0.5) as p50_s,
    quantile_cont(duration_s, 0.9) as p90_s,
    quantile_cont(duration_s, 0.99) as p99_s,
    quantile_cont(duration_s, 0.999) as p999_s,
    max(duration_s, 3000) as top
  from windowed
  group by grain, day, cube (model, sessions, agent)
  having count(distinct user_id) >= getvariable('min_users')
)
select
  * exclude (top),
  upper_quantile_interval(top, turns, 0.999).low as p999_low_s,
  upper_quantile_interval(top, turns, 0.999).high as p999_high_s
from cells
order by grain desc, day, model, sessions, agent;
