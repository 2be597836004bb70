-- Macros every metric may use. The loader creates them before it runs a metric.

-- The Wilson score interval (95%) for k successes in n trials: it stays inside 0–1 and
-- behaves at small n, where the normal approximation does not.
-- Cut to [0, 1]: at k = 0 (or k = n) the bound is 0 (or 1), which rounding misses by a hair
-- and a page would print as "-0.00%".
create or replace macro wilson_low(k, n) as
  case when n = 0 then null else
    greatest(0, (k / n + 1.96 ^ 2 / (2 * n) - 1.96 * sqrt(k / n * (1 - k / n) / n + 1.96 ^ 2 / (4 * n ^ 2))) / (1 + 1.96 ^ 2 / n))
  end;
create or replace macro wilson_high(k, n) as
  case when n = 0 then null else
    least(1, (k / n + 1.96 ^ 2 / (2 * n) + 1.96 * sqrt(k / n * (1 - k / n) / n + 1.96 ^ 2 / (4 * n ^ 2))) / (1 + 1.96 ^ 2 / n))
  end;

-- A share k/n with its Wilson interval, as the columns share, low and high
-- (`select unnest(share_interval(k, n))`); no share where n = 0.
create or replace macro share_interval(k, n) as
  {share: k / nullif(n, 0), low: wilson_low(k, n), high: wilson_high(k, n)};

-- The normal 95% interval of a mean of n values with standard deviation sd (none for a
-- single value), cut at 0: the means here are counts per turn or per session.
create or replace macro normal_low(mean, sd, n) as greatest(0, mean - 1.96 * coalesce(sd, 0) / sqrt(n));
create or replace macro normal_high(mean, sd, n) as mean + 1.96 * coalesce(sd, 0) / sqrt(n);

-- Tenure buckets (docs/findings.md, "Tenure"): sessions the user began before this one.
create or replace macro tenure_bucket(tenure) as
  case
    when tenure < 10 then '0–9'
    when tenure < 50 then '10–49'
    when tenure < 200 then '50–199'
    when tenure < 750 then '200–749'
    else '750+'
  end;

-- The sessions filter: a Claude Code session a person sat at (`interactive`) or one that
-- ran headless (`-p`, the SDK), an agent built on the API (`API agents`: GenAI spans,
-- which are neither), or `unknown` where the log does not say (Claude Code's telemetry
-- without `app.entrypoint`).
create or replace macro session_type(kind, interactive) as
  case
    when kind = 'spans' then 'API agents'
    when interactive then 'interactive'
    when not interactive then 'headless'
    else 'unknown'
  end;

-- What a session gives the rows of its turns, calls and stops to be filtered on: its kind
-- (`sessions`), its agent (`agent`: Claude Code, Codex, or an agent built on the API) and
-- the user's tenure bucket when it began (`tenure`).
create or replace macro session_filters() as table
  select user_id, session_id, session_type(kind, interactive) as sessions, agent, tenure_bucket(tenure) as tenure
  from sessions;

-- F1's turns: every turn with a working time (docs/findings.md, "Duration"), with the
-- filters F1 offers; unknown models under their own name.
create or replace macro worked_turns() as table
  select user_id, started_at, duration_s, coalesce(model, 'unknown') as model, sessions, agent
  from turns
  join session_filters() using (user_id, session_id)
  where duration_s is not null;

-- A quarter's name, such as 2025-Q3: F10's coarser cell, where no month has enough users.
create or replace macro quarter_name(t) as strftime(t, '%Y') || '-Q' || quarter(t);

-- A filter's value in a row of GROUPING SETS or CUBE: the group's own value, or '(all)'
-- where the row rolls the dimension up.
create or replace macro cell(value, rolled) as case when rolled = 1 then '(all)' else value end;

-- The x axes F2 and F3 share, for a session number (tenure + 1): half-octave bins of the
-- session number (1, 2, 3, 4–5, 6–7, 8–11 ... on a log axis), the tenure buckets (the
-- bucket's name goes with it), and the study's own "under 50 sessions" as one cell
-- (`first 50`: tenure 0–49), which F2's published figure is set beside. Each session
-- number lands once on each axis; `first 50` has no cell past the 50th session.
create or replace macro tenure_grains(session_number) as list_filter([
  {grain: 'bin', position: floor(log2(session_number) * 2)::INTEGER, bucket: null},
  {grain: 'bucket', position: list_position(['0–9', '10–49', '50–199', '200–749', '750+'], tenure_bucket(session_number - 1))::INTEGER, bucket: tenure_bucket(session_number - 1)},
  {grain: 'first 50', position: case when session_number <= 50 then 1 end, bucket: '0–49'}
], g -> g.position is not null);

-- F2 and F3's cells, from rows (user_id, sessions, agent, session_number, hit): on each
-- axis position, for each combination of the sessions and agent filters, the session
-- numbers it spans, the rows where `hit` is known, those where it is true, those where it
-- is NULL, and the users.
create or replace macro experience_cells(rows) as table
  select
    grain,
    position,
    cell(sessions, grouping(sessions)) as sessions,
    cell(agent, grouping(agent)) as agent,
    min(session_number)::INTEGER as from_session,
    max(session_number)::INTEGER as to_session,
    any_value(bucket) as bucket,
    count(hit)::INTEGER as known,
    count(*) filter (where hit)::INTEGER as hits,
    count(*) filter (where hit is null)::INTEGER as unknown,
    count(distinct user_id)::INTEGER as users
  from (select *, unnest(tenure_grains(session_number), recursive := true) from query_table(rows))
  group by grain, position, cube (sessions, agent);

-- A distribution-free 95% interval for a high quantile q of n values, from the order
-- statistics. How many of the n values lie above the q-quantile is X ~ Binomial(n, 1 − q).
-- The r-th largest value lies above the quantile when at least r values do, so it is a
-- 95% upper bound for the largest r with P(X ≤ r − 1) ≤ 0.025, and the s-th largest a
-- lower bound for the smallest s with P(X ≤ s − 1) ≥ 0.975. The ranks are exact (binomial
-- sums) where n·(1 − q) is under 50, and from the normal approximation above. Where no r
-- exists (for the p99.9, fewer than 3,688 values: 0.999ⁿ > 0.025) there is no 95% upper
-- bound and `high` is NULL, never the maximum; where s passes the list, `low` is NULL.
-- `top` is the list of the largest values, largest first, as max(x, k) gives it:
-- k = 3000 covers the p99.9 of up to about 2.5 million values. A one-element list bound
-- to a lambda (`[x]` → `v -> ...`) names a value computed once: the binomial terms for
-- both ranks, and the ranks for both ends.
create or replace macro binomial_pmf(k, n, p) as
  list_transform(range(least(k, n) + 1), i -> exp(lgamma(n + 1) - lgamma(i + 1) - lgamma(n - i + 1) + i * ln(p) + (n - i) * ln(1 - p)));
create or replace macro order_statistic_ranks(n, q) as
  case when n * (1 - q) < 50 then list_transform([binomial_pmf(99, n, 1 - q)], pmf -> {
    high: len(list_filter(range(len(pmf)), k -> list_sum(pmf[1:k + 1]) <= 0.025)),
    low: len(list_filter(range(len(pmf)), k -> list_sum(pmf[1:k + 1]) < 0.975)) + 1
  })[1] else {
    high: floor(n * (1 - q) - 1.96 * sqrt(n * q * (1 - q))),
    low: ceil(n * (1 - q) + 1.96 * sqrt(n * q * (1 - q))) + 1
  } end;
create or replace macro upper_quantile_interval(top, n, q) as
  list_transform([order_statistic_ranks(n, q)], r -> {
    'low': case when r.low <= len(top) then top[r.low::INTEGER] end,
    'high': case when r.high >= 1 then top[r.high::INTEGER] end
  })[1];
