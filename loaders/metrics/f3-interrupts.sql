-- F3: the share of turns the person interrupted, by how experienced the user is.
-- A turn is interrupted when the person stopped it: an interrupt marker, or a rejected
-- tool use after which the agent stopped (docs/findings.md, "How a turn ends"). Experience
-- is the session number of the turn's session (tenure + 1), in the same two grains as F2.
-- Rates per turn carry a 95% Wilson interval, which treats turns as independent: turns of
-- one user are not, so the smoother's bootstrap, which resamples users, is the more honest
-- band. Turns of a source that does not log the person's rejections and interrupts
-- (GenAI agent spans: their sessions' `logs_approvals` is false) could never show an
-- interrupt, and are left out.
with turn as (
  select
    t.user_id,
    session_type(s.kind, s.interactive) as sessions,
    s.agent,
    s.tenure + 1 as session_number,
    t.end_reason = 'interrupted' as hit
  from turns as t
  join sessions as s using (user_id, session_id)
  where s.logs_approvals
)
select
  * exclude (unknown) rename (known as turns, hits as interrupted),
  unnest(share_interval(hits, known))
from experience_cells(turn)
where users >= getvariable('min_users')
order by grain, sessions, agent, position;
