-- F4: how often the agent stops itself to ask, against how often the person interrupts
-- it, per turn, by the complexity of the turn's goal.
-- Agent-initiated stops are the `stops` rows of kind `agent`: each AskUserQuestion call,
-- each ExitPlanMode call, and each turn that ended asking a question in words. A turn can
-- hold several, so agent stops per turn is a mean, with a normal 95% interval from the
-- per-turn counts. Human interrupts are turns that ended `interrupted`: a share of turns,
-- with a Wilson interval. Complexity is a classifier's label (loaders/classify/complexity.ts).
with agent_stops as (
  select user_id, session_id, turn_index, count(*) as n
  from stops
  where kind = 'agent' and turn_index is not null
  group by all
),
turn as (
  select
    user_id, complexity, sessions, agent, tenure,
    coalesce(a.n, 0) as agent_stops,
    end_reason = 'interrupted' as interrupted
  from turns
  join session_filters() using (user_id, session_id)
  left join agent_stops as a using (user_id, session_id, turn_index)
  where complexity is not null
),
cells as (
  select
    complexity,
    sum(agent_stops)::INTEGER as agent_stops,
    avg(agent_stops) as agent_rate,
    stddev_samp(agent_stops) as agent_sd,
    count(*) filter (where interrupted)::INTEGER as interrupts,
    count(*)::INTEGER as turns,
    count(distinct user_id)::INTEGER as users,
    cell(sessions, grouping(sessions)) as sessions,
    cell(agent, grouping(agent)) as agent,
    cell(tenure, grouping(tenure)) as tenure
  from turn
  group by complexity, cube (sessions, agent, tenure)
)
select
  complexity,
  list_position(['minimal', 'low', 'medium', 'high'], complexity) as level,
  sessions, agent, tenure, turns, users, agent_stops,
  agent_rate,
  normal_low(agent_rate, agent_sd, turns) as agent_low,
  normal_high(agent_rate, agent_sd, turns) as agent_high,
  interrupts,
  interrupts / turns as human_rate,
  wilson_low(interrupts, turns) as human_low,
  wilson_high(interrupts, turns) as human_high
from cells
where users >= getvariable('min_users')
order by sessions, agent, tenure, level;
