-- F10: outcomes over time. The study's internal figures: success on the hardest tasks
-- doubled from August to December 2025, and human interventions per session fell from
-- 5.4 to 3.3. Our proxies (docs/findings.md, "Intervention" and "Success"):
--   interventions: interrupted turns, rejected tool uses the agent went on from, and
--     corrective prompts (not one right after an interrupt), per session, by the month
--     the session began; a mean with a normal 95% interval;
--   success: a turn that ended `completed` and whose next prompt, if any, does not
--     correct the agent; a share of turns by month and complexity, Wilson interval.
-- Each by month, and by quarter (month NULL, `quarter` such as 2025-Q3): the coarser cell
-- a page shows where no month of a selection has enough users. Each by agent too, and for
-- all agents. Both need the person's prompts: turns and sessions of a source that logs none
-- (agent spans, Claude Code's events: their sessions' `logs_prompts` is false) are left out.
with turn as (
  select
    t.*,
    lead(t.corrective) over (partition by t.user_id, t.session_id order by t.turn_index) as next_corrective
  from turns as t
),
success as (
  select
    t.user_id,
    strftime(t.started_at, '%Y-%m') as month,
    quarter_name(t.started_at) as quarter,
    t.complexity,
    s.agent,
    t.end_reason = 'completed' and not coalesce(t.next_corrective, false) as succeeded
  from turn as t
  join sessions as s using (user_id, session_id)
  where t.complexity is not null and s.logs_prompts
),
by_turn as (
  select
    'success' as measure,
    case when grouping(month) = 1 then 'quarter' else 'month' end as grain,
    month,
    quarter,
    cell(complexity, grouping(complexity)) as complexity,
    cell(agent, grouping(agent)) as agent,
    count(*)::INTEGER as n,
    count(distinct user_id)::INTEGER as users,
    count(*) filter (where succeeded) / count(*) as value,
    wilson_low(count(*) filter (where succeeded), count(*)) as low,
    wilson_high(count(*) filter (where succeeded), count(*)) as high
  from success
  group by grouping sets (month, quarter), cube (complexity, agent)
),
session as (
  select *, strftime(started_at, '%Y-%m') as month, quarter_name(started_at) as quarter
  from sessions
  where n_turns > 0 and logs_prompts
),
by_session as (
  select
    'interventions per session' as measure,
    case when grouping(month) = 1 then 'quarter' else 'month' end as grain,
    month,
    quarter,
    '(all)' as complexity,
    cell(agent, grouping(agent)) as agent,
    count(*)::INTEGER as n,
    count(distinct user_id)::INTEGER as users,
    avg(n_interventions) as value,
    normal_low(avg(n_interventions), stddev_samp(n_interventions), count(*)) as low,
    normal_high(avg(n_interventions), stddev_samp(n_interventions), count(*)) as high
  from session
  group by grouping sets (month, quarter), rollup (agent)
)
select * from (select * from by_turn union all select * from by_session)
where users >= getvariable('min_users')
order by measure, complexity, agent, grain, month, quarter;
