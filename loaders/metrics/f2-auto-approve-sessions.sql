-- F2's smoother input: one point a session with a known level, x the session number and
-- y 1 for full auto-approve. The LOWESS curve (bandwidth 0.15 on log10 of the session
-- number, as the study draws it) is fit on these points by the data loader; the points
-- themselves are published only where the site is built from one person's logs, to them
-- (writeOnePersonsPoints in loaders/site/aggregate.ts).
select
  user_id,
  session_type(kind, interactive) as sessions,
  agent,
  tenure + 1 as x,
  (auto_approve = 'full')::INTEGER as y
from sessions
where auto_approve is not null;
