-- F3's smoother input: one point a turn, x the session number of its session and y 1 if
-- the person interrupted it, over the turns F3 reads. Fit by the data loader; never published.
select
  t.user_id,
  case when s.interactive then 'interactive' else 'headless' end as sessions,
  s.tenure + 1 as x,
  (t.end_reason = 'interrupted')::INTEGER as y
from turns as t
join sessions as s using (user_id, session_id)
where t.n_rejections is not null;
