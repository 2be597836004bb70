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

-- Tenure buckets (FINDINGS.md): sessions the user began before this one.
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
