-- Leader levels (团长等级, issue 13). Region ids belong to network (no cross-schema references);
-- region_id 0 holds the platform's defaults, a region's own rows replace them.

-- The thresholds of each level: the last three full months' picked-up sales (net of refunds) and the average
-- rating. TRAINEE starts at 0; sales thresholds strictly increase with the level (checked by the service).
create table level_threshold (
    region_id      bigint       not null default 0,
    level          varchar(10)  not null check (level in ('TRAINEE', 'BRONZE', 'SILVER', 'GOLD')),
    min_sales_fen  bigint       not null check (min_sales_fen >= 0),
    min_rating_x10 int          not null check (min_rating_x10 between 0 and 50),
    updated_at     timestamptz  not null default now(),
    primary key (region_id, level)
);
insert into level_threshold (region_id, level, min_sales_fen, min_rating_x10) values
    (0, 'TRAINEE', 0, 0), (0, 'BRONZE', 1000000, 40), (0, 'SILVER', 3000000, 43), (0, 'GOLD', 8000000, 46);

-- A level's own commission bands in a region (its tiered table); a level without bands earns by the region's
-- scheme. Validated as a scheme's bands are (first from 0, floors and rates rising).
create table level_band (
    region_id  bigint      not null,
    level      varchar(10) not null check (level in ('TRAINEE', 'BRONZE', 'SILVER', 'GOLD')),
    floor_fen  bigint      not null check (floor_fen >= 0),
    rate_bp    int         not null check (rate_bp between 0 and 5000),
    primary key (region_id, level, floor_fen)
);

-- The level history: one row per leader and month (the first day of the month the level applies in), with
-- the figures it was based on. A recompute of the same month replaces the row (rerun-safe).
create table leader_level (
    leader_id      bigint       not null references leader (id),
    month          date         not null check (extract(day from month) = 1),
    level          varchar(10)  not null check (level in ('TRAINEE', 'BRONZE', 'SILVER', 'GOLD')),
    sales_fen      bigint       not null,
    rating         numeric(3, 2),
    ratings        int          not null default 0,
    computed_at    timestamptz  not null,
    computed_by    varchar(60)  not null,
    primary key (leader_id, month)
);
