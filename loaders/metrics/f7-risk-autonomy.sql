-- F7: risk against autonomy of tool calls, averaged over clusters of similar calls.
-- The study clustered calls by what they do; here a cluster is a tool within a domain
-- (an MCP tool by its tool name, without its server). Risk (1–10), autonomy (1–10) and
-- reversibility are a classifier's scores (loaders/classify/tool-call.ts); safeguards and
-- a person in the loop as involvement.sql defines them. A cluster is published when
-- enough users made its calls.
with call as (
  select
    user_id,
    domain,
    regexp_replace(tool_name, '^mcp__.+?__', '') as tool,
    risk,
    autonomy,
    reversible,
    safeguarded as safeguard,
    involved as human_in_loop,
    source
  from involvement()
  where risk is not null and autonomy is not null
)
select
  cell(source, grouping(source)) as source,
  domain,
  tool,
  count(*)::INTEGER as calls,
  count(distinct user_id)::INTEGER as users,
  avg(risk) as risk,
  avg(autonomy) as autonomy,
  avg((not reversible)::INTEGER) as irreversible,
  avg(safeguard::INTEGER) as safeguard,
  avg(human_in_loop::INTEGER) as human_in_loop
from call
group by grouping sets ((source, domain, tool), (domain, tool))
having count(distinct user_id) >= getvariable('min_users')
order by source, risk desc, autonomy desc, domain, tool;
