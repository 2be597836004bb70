-- F9: the tail of how long the agent works, to set beside METR's time horizons. The
-- quantiles are of interactive turns' working time (F1's definition), per model and per
-- agent and for all of them together, over three periods: the whole period, its last 28 days, and the
-- days since Claude Opus 4.5 was released (24 November 2025), the model whose horizon
-- the study quotes beside its p99.9. The p99.9 carries the order-statistic interval of F1
-- (NULL where too few turns give it an upper end).
with turn as (
  select t.user_id, t.started_at, t.duration_s, coalesce(t.model, 'unknown') as model, s.agent
  from turns as t
  join sessions as s using (user_id, session_id)
  where s.interactive and t.duration_s is not null
),
span as (
  select 'whole period' as period, * from turn
  union all
  select 'last 28 days', * from turn where started_at > (select max(started_at) from turn) - interval 28 day
  union all
  select 'since Opus 4.5', * from turn where started_at >= DATE '2025-11-24'
),
cells as (
  select
    period,
    cell(model, grouping(model)) as model,
    cell(agent, grouping(agent)) as agent,
    min(started_at)::DATE as first_day,
    max(started_at)::DATE as last_day,
    count(*)::INTEGER as turns,
    count(distinct user_id)::INTEGER as users,
    quantile_cont(duration_s, 0.5) / 60 as p50_min,
    quantile_cont(duration_s, 0.99) / 60 as p99_min,
    quantile_cont(duration_s, 0.999) / 60 as p999_min,
    max(duration_s) / 60 as max_min,
    max(duration_s, 3000) as top
  from span
  group by period, cube (model, agent)
  having count(distinct user_id) >= getvariable('min_users')
)
select
  * exclude (top),
  upper_quantile_interval(top, turns, 0.999).low / 60 as p999_low_min,
  upper_quantile_interval(top, turns, 0.999).high / 60 as p999_high_min
from cells
order by period, model, agent;
