-- F3's smoother input: one point a turn, x the session number of its session and y 1 if
-- the person interrupted it, over the turns F3 reads. Fit by the data loader; published only
-- where the site is built from one person's logs (writeOnePersonsPoints, loaders/site/aggregate.ts).
-- The turns are picked by a semi join before they meet their sessions: the smoother
-- samples its points in the order this query yields them, and a filter on the sessions'
-- side would have DuckDB join the other way round, yielding another order (another curve).
select
  t.user_id,
  session_type(s.kind, s.interactive) as sessions,
  s.agent,
  s.tenure + 1 as x,
  (t.end_reason = 'interrupted')::INTEGER as y
from (
  select * from turns as t
  semi join sessions as l on l.user_id = t.user_id and l.session_id = t.session_id and l.logs_approvals
) as t
join sessions as s using (user_id, session_id);
