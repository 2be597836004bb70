-- F8: what agents are used for: the share of tool calls in each domain of the study's
-- list. The domain is a classifier's label (loaders/classify/domain.ts), read from the
-- task's prompt and the call itself. Shares are of all calls in the cell, with a 95%
-- Wilson interval.
with call as (
  select
    c.user_id,
    c.domain,
    s.source,
    strftime(c.called_at, '%Y-%m') as month
  from tool_calls as c
  join sessions as s using (user_id, session_id)
  where c.domain is not null
),
cells as (
  select
    domain,
    cell(source, grouping(source)) as source,
    cell(month, grouping(month)) as period,
    count(*)::INTEGER as calls,
    count(distinct user_id)::INTEGER as users
  from call
  group by domain, cube (source, month)
),
shares as (
  select *, sum(calls) over (partition by source, period)::INTEGER as of_all
  from cells
)
select
  *,
  unnest(share_interval(calls, of_all))
from shares
where users >= getvariable('min_users')
order by source, period, calls desc, domain;
