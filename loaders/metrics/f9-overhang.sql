-- F9: the tail of how long the agent works, to set beside METR's time horizons. The
-- quantiles are of interactive turns' working time (F1's definition), over the whole
-- period and over its last 28 days, per model and for all models together.
with turn as (
  select t.user_id, t.started_at, t.duration_s, coalesce(t.model, 'unknown') as model
  from turns as t
  join sessions as s using (user_id, session_id)
  where s.interactive and t.duration_s is not null
),
span as (
  select 'whole period' as period, * from turn
  union all
  select 'last 28 days', * from turn where started_at > (select max(started_at) from turn) - interval 28 day
)
select
  period,
  cell(model, grouping(model)) as model,
  min(started_at)::DATE as first_day,
  max(started_at)::DATE as last_day,
  count(*)::INTEGER as turns,
  count(distinct user_id)::INTEGER as users,
  quantile_cont(duration_s, 0.5) / 60 as p50_min,
  quantile_cont(duration_s, 0.99) / 60 as p99_min,
  quantile_cont(duration_s, 0.999) / 60 as p999_min,
  max(duration_s) / 60 as max_min
from span
group by grouping sets ((period, model), (period))
having count(distinct user_id) >= getvariable('min_users')
order by period, model;
