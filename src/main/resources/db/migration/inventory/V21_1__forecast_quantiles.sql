-- Issue 15: every stored forecast carries its upper quantiles (units is the median, mean_units the
-- expected units) and the method chosen for its series. Rows made before have none: read as the median.
alter table forecast
    add column p80_units numeric(14,3) check (p80_units >= 0),
    add column p95_units numeric(14,3) check (p95_units >= 0),
    add column method    text;
