-- Macros every metric may use. The loader creates them before it runs a metric.

-- The Wilson score interval (95%) for k successes in n trials: it stays inside 0–1 and
-- behaves at small n, where the normal approximation does not.
create or replace macro wilson_low(k, n) as
  case when n = 0 then null else
    (k / n + 1.96 ^ 2 / (2 * n) - 1.96 * sqrt(k / n * (1 - k / n) / n + 1.96 ^ 2 / (4 * n ^ 2))) / (1 + 1.96 ^ 2 / n)
  end;
create or replace macro wilson_high(k, n) as
  case when n = 0 then null else
    (k / n + 1.96 ^ 2 / (2 * n) + 1.96 * sqrt(k / n * (1 - k / n) / n + 1.96 ^ 2 / (4 * n ^ 2))) / (1 + 1.96 ^ 2 / n)
  end;

-- Tenure buckets (docs/findings.md, "Tenure"): sessions the user began before this one.
create or replace macro tenure_bucket(tenure) as
  case
    when tenure < 10 then '0–9'
    when tenure < 50 then '10–49'
    when tenure < 200 then '50–199'
    when tenure < 750 then '200–749'
    else '750+'
  end;

-- A filter's value in a GROUPING SETS row: the group's own value, or '(all)' where the
-- row rolls the dimension up.
create or replace macro cell(value, rolled) as case when rolled = 1 then '(all)' else value end;

-- The two x axes F2 and F3 share, for a session number (tenure + 1): half-octave bins of
-- the session number (1, 2, 3, 4–5, 6–7, 8–11 ... on a log axis), and the tenure buckets.
-- Each session number lands once on each axis.
create or replace macro tenure_grains(session_number) as [
  {grain: 'bin', position: floor(log2(session_number) * 2)::INTEGER},
  {grain: 'bucket', position: list_position(['0–9', '10–49', '50–199', '200–749', '750+'], tenure_bucket(session_number - 1))::INTEGER}
];

-- A distribution-free 95% interval for a high quantile q of n values, from the order
-- statistics around rank n·(1 − q) counted from the top (the binomial's normal
-- approximation): `top` is the list of the largest values, largest first, as max(x, k)
-- gives it. k = 3000 covers the p99.9 of up to about 2.5 million values.
create or replace macro upper_quantile_interval(top, n, q) as {
  'low': top[least(len(top), ceil(n * (1 - q) + 1.96 * sqrt(n * q * (1 - q)))::INTEGER + 1)],
  'high': top[greatest(1, floor(n * (1 - q) - 1.96 * sqrt(n * q * (1 - q)))::INTEGER)]
};
