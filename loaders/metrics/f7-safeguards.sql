-- F7's shares: of all tool calls, how many had a safeguard, a person in the loop, or
-- could not be undone (docs/findings.md, "Human in the loop and safeguard"). Who is
-- involved and what is a safeguard are defined once, in involvement.sql: in Claude Code, a
-- safeguard is a person in the loop, a hook that ran on the call, or a permission level
-- that asks; on the API side, a person is in the loop when the call's agent run asks, hands
-- off to or waits for a person, and the call has a safeguard when its conversation does so
-- at least once. Each share is over the calls where it can be told (`known_*`), with a 95%
-- Wilson interval; and the high-risk, high-autonomy corner (both scores above 5) is
-- counted.
with call as (
  select * replace (safeguarded as safeguard, involved as human_in_loop)
  from involvement()
),
cells as (
  select
    cell(source, grouping(source)) as source,
    count(*)::INTEGER as calls,
    count(distinct user_id)::INTEGER as users,
    count(safeguard)::INTEGER as known_safeguard,
    count(*) filter (where safeguard)::INTEGER as safeguarded,
    count(human_in_loop)::INTEGER as known_human,
    count(*) filter (where human_in_loop)::INTEGER as human,
    count(reversible)::INTEGER as known_reversible,
    count(*) filter (where not reversible)::INTEGER as irreversible,
    count(*) filter (where risk > 5 and autonomy > 5)::INTEGER as corner
  from call
  group by grouping sets ((source), ())
)
select
  *,
  safeguarded / nullif(known_safeguard, 0) as safeguard_share,
  wilson_low(safeguarded, known_safeguard) as safeguard_low,
  wilson_high(safeguarded, known_safeguard) as safeguard_high,
  human / nullif(known_human, 0) as human_share,
  wilson_low(human, known_human) as human_low,
  wilson_high(human, known_human) as human_high,
  irreversible / nullif(known_reversible, 0) as irreversible_share,
  wilson_low(irreversible, known_reversible) as irreversible_low,
  wilson_high(irreversible, known_reversible) as irreversible_high,
  corner / calls as corner_share
from cells
where users >= getvariable('min_users')
order by source;
