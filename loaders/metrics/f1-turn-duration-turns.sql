-- F1's turns as points: x when the turn began, y its working time in seconds. Published
-- only where the site is built from one person's logs, to them, in place of quantiles of a
-- handful of turns a window (writeOnePersonsPoints in loaders/site/aggregate.ts).
select user_id, model, sessions, agent, started_at as x, duration_s as y
from worked_turns();
