-- F10: outcomes over time. The study's internal figures: success on the hardest tasks
-- doubled from August to December 2025, and human interventions per session fell from
-- 5.4 to 3.3. Our proxies (docs/findings.md, "Intervention" and "Success"):
--   interventions: interrupted turns, rejected tool uses the agent went on from, and
--     corrective prompts (not one right after an interrupt), per session, by the month
--     the session began; a mean with a normal 95% interval;
--   success: a turn that ended `completed` and whose next prompt, if any, does not
--     correct the agent; a share of turns by month and complexity, Wilson interval.
-- Both need the person's prompts: turns and sessions of a source that logs none (agent
-- spans, Claude Code's events: their sessions' `logs_prompts` is false) are left out.
with turn as (
  select
    t.*,
    lead(t.corrective) over (partition by t.user_id, t.session_id order by t.turn_index) as next_corrective
  from turns as t
),
success as (
  select
    user_id,
    strftime(started_at, '%Y-%m') as month,
    complexity,
    end_reason = 'completed' and not coalesce(next_corrective, false) as succeeded
  from turn
  where complexity is not null
    and exists (select 1 from sessions as s where s.user_id = turn.user_id and s.session_id = turn.session_id and s.logs_prompts)
),
by_turn as (
  select
    'success' as measure,
    month,
    cell(complexity, grouping(complexity)) as complexity,
    count(*)::INTEGER as n,
    count(distinct user_id)::INTEGER as users,
    count(*) filter (where succeeded) / count(*) as value,
    wilson_low(count(*) filter (where succeeded), count(*)) as low,
    wilson_high(count(*) filter (where succeeded), count(*)) as high
  from success
  group by grouping sets ((month, complexity), (month))
),
by_session as (
  select
    'interventions per session' as measure,
    strftime(started_at, '%Y-%m') as month,
    '(all)' as complexity,
    count(*)::INTEGER as n,
    count(distinct user_id)::INTEGER as users,
    avg(n_interventions) as value,
    normal_low(avg(n_interventions), stddev_samp(n_interventions), count(*)) as low,
    normal_high(avg(n_interventions), stddev_samp(n_interventions), count(*)) as high
  from sessions
  where n_turns > 0 and logs_prompts
  group by month
)
select * from (select * from by_turn union all select * from by_session)
where users >= getvariable('min_users')
order by measure, complexity, month;
