-- Issue 15 (levels): demand and forecasts per pickup point, and every baseline's forecasts scored.

-- Units of a SKU ordered at a pickup point for a pickup date, from each completed cutoff (a rerun of the
-- run replaces the region's day, as daily_demand does). Region first: the job reads a region's history at once.
create table point_demand (
    region_id       bigint      not null,
    demand_date     date        not null,
    pickup_point_id bigint      not null,
    sku_id          bigint      not null,
    units           bigint      not null check (units >= 0),
    promoted        boolean     not null default false,
    run_id          bigint,
    recorded_at     timestamptz not null,
    primary key (region_id, demand_date, pickup_point_id, sku_id)
);

-- The latest forecast per pickup point, SKU and day, reconciled so a SKU's points sum to the region's mean
-- (method: the model's name where the point was forecast directly, 'share' where it took its share).
create table point_forecast (
    region_id       bigint        not null,
    sku_id          bigint        not null,
    pickup_point_id bigint        not null,
    target_date     date          not null,
    issued_on       date          not null check (issued_on < target_date),
    mean_units      numeric(14,3) not null check (mean_units >= 0),
    p50_units       numeric(14,3) not null check (p50_units >= 0),
    p80_units       numeric(14,3) not null check (p80_units >= p50_units),
    p95_units       numeric(14,3) not null check (p95_units >= p80_units),
    method          text          not null,
    made_at         timestamptz   not null,
    primary key (region_id, sku_id, pickup_point_id, target_date)
);

-- The baselines' forecasts of the region series (seasonal naive, 28-day mean, ...), beside Linli's.
create table forecast_baseline (
    region_id   bigint        not null,
    sku_id      bigint        not null,
    target_date date          not null,
    method      text          not null,
    issued_on   date          not null check (issued_on < target_date),
    units       numeric(14,3) not null check (units >= 0),
    primary key (region_id, target_date, method, sku_id)
);

-- Each day's score of every baseline in a region: the WAPE numerator over the SKUs forecast or sold.
create table forecast_baseline_score (
    region_id    bigint        not null,
    score_date   date          not null,
    method       text          not null,
    skus         int           not null check (skus >= 0),
    actual_units bigint        not null check (actual_units >= 0),
    error        numeric(16,3) not null check (error >= 0),
    scored_at    timestamptz   not null,
    primary key (region_id, score_date, method)
);
