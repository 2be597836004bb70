-- F6: how much of agents' work has a person involved, by the complexity of the task.
-- Who is involved in a call is defined once, in involvement.sql: in Claude Code, a call
-- has a person in the loop (docs/findings.md, "Human in the loop and safeguard") when the
-- person approved it, or when the permission level of its turn asks them to (`none` for any
-- tool that is not read-only; `edits` for tools that are neither read-only nor file edits).
-- On the API side (GenAI agent spans, which log no approvals), a call has a person involved
-- when its agent run asks, hands off to or waits for a person: a tool such as
-- `request_human_approval` or `escalate_to_agent` anywhere in the run. Calls whose
-- involvement cannot be told (no mode logged) are counted in `unknown` and left out of the
-- share. Complexity is the classifier's label for the call's turn (on the API side, with no
-- prompt logged, read from the run's number of calls).
with call as (
  select
    c.user_id,
    coalesce(t.complexity, 'unknown') as complexity,
    c.involved as human_in_loop,
    c.source,
    c.sessions
  from involvement() as c
  left join turns as t using (user_id, session_id, turn_index)
),
cells as (
  select
    complexity,
    cell(source, grouping(source)) as source,
    cell(sessions, grouping(sessions)) as sessions,
    count(*) filter (where human_in_loop is not null)::INTEGER as known,
    count(*) filter (where human_in_loop)::INTEGER as involved,
    count(*) filter (where human_in_loop is null)::INTEGER as unknown,
    count(distinct user_id)::INTEGER as users
  from call
  group by complexity, cube (source, sessions)
)
select
  *,
  list_position(['minimal', 'low', 'medium', 'high'], complexity) as level,
  unnest(share_interval(involved, known))
from cells
where users >= getvariable('min_users') and known > 0
order by source, sessions, level;
