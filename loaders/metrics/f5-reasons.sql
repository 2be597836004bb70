-- F5: why work stops. Each agent-initiated stop and each human interrupt carries a reason
-- from the study's Table 1 categories, given by a classifier (loaders/classify/stop-reason.ts)
-- that reads what the agent asked, or what the person said next. Shares are of all stops
-- of the same kind in the cell that have a reason, with a 95% Wilson interval: telemetry's
-- stops (reason NULL: it logs no words) are left out, not counted in the denominator.
with stop as (
  select st.user_id, st.kind, st.reason, coalesce(t.complexity, 'unknown') as complexity, s.sessions, s.agent
  from stops as st
  join session_filters() as s using (user_id, session_id)
  left join turns as t using (user_id, session_id, turn_index)
  where st.reason is not null
),
cells as (
  select
    kind,
    reason,
    cell(complexity, grouping(complexity)) as complexity,
    cell(sessions, grouping(sessions)) as sessions,
    cell(agent, grouping(agent)) as agent,
    count(*)::INTEGER as stops,
    count(distinct user_id)::INTEGER as users
  from stop
  group by kind, reason, cube (complexity, sessions, agent)
),
shares as (
  select *, sum(stops) over (partition by kind, complexity, sessions, agent)::INTEGER as of_kind
  from cells
)
select
  *,
  unnest(share_interval(stops, of_kind))
from shares
where users >= getvariable('min_users')
order by kind, complexity, sessions, agent, stops desc, reason;
