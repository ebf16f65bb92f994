-- Demand forecasting (DESIGN.md section 6). V1..V9 belong to stock (inventory branch).

-- Units ordered per SKU, region and pickup date: from each cutoff run (one run per region and
-- pickup date; a rerun replaces the day) or recorded through the API (history from elsewhere).
create table daily_demand (
    region_id   bigint      not null,
    sku_id      bigint      not null,
    demand_date date        not null,
    units       bigint      not null check (units >= 0),
    promoted    boolean     not null default false,
    sku_name    text        not null,
    run_id      bigint,
    recorded_at timestamptz not null,
    primary key (region_id, sku_id, demand_date)
);
create index daily_demand_region_date on daily_demand (region_id, demand_date);

-- The days a region sold (had a cutoff, or a recorded day): a day without one is closed.
create table demand_day (
    region_id   bigint      not null,
    demand_date date        not null,
    run_id      bigint,
    recorded_at timestamptz not null,
    primary key (region_id, demand_date)
);

-- The latest forecast for each SKU, region and day, with the seasonal-naive baseline of the same issue.
create table forecast (
    region_id   bigint        not null,
    sku_id      bigint        not null,
    target_date date          not null,
    issued_on   date          not null check (issued_on < target_date),
    units       numeric(14,3) not null check (units >= 0),
    naive_units numeric(14,3) not null check (naive_units >= 0),
    -- expected units (mean-based): what caps and purchases are drawn from when above the forecast
    mean_units  numeric(14,3) not null check (mean_units >= 0),
    made_at     timestamptz   not null,
    primary key (region_id, sku_id, target_date)
);

-- Each day's score of the forecasts made for it, per region: WAPE numerators side by side.
create table forecast_score (
    region_id    bigint        not null,
    score_date   date          not null,
    skus         int           not null check (skus >= 0),
    actual_units bigint        not null check (actual_units >= 0),
    linli_error  numeric(16,3) not null check (linli_error >= 0),
    naive_error  numeric(16,3) not null check (naive_error >= 0),
    scored_at    timestamptz   not null,
    primary key (region_id, score_date)
);
