-- Logistics (issue 14): the fleet of each grid warehouse and the morning's route plans.
-- Zones: the three temperature zones of catalog.StorageTemperature (AMBIENT, CHILLED, FROZEN).

-- A vehicle of a grid warehouse: capacity per compartment in crates, a total weight limit,
-- and what it costs (fen per km, fen per hour, fen per morning it is used).
create table vehicle (
    id                  bigint generated always as identity primary key,
    region_id           bigint       not null,
    grid_warehouse_id   bigint       not null,
    plate               varchar(16)  not null,
    name                varchar(60)  not null,
    ambient_crates      int          not null check (ambient_crates >= 0),
    chilled_crates      int          not null check (chilled_crates >= 0),
    frozen_crates       int          not null check (frozen_crates >= 0),
    max_kg              int          not null check (max_kg >= 0),
    cost_per_km_fen     bigint       not null check (cost_per_km_fen >= 0),
    cost_per_hour_fen   bigint       not null check (cost_per_hour_fen >= 0),
    fixed_cost_fen      bigint       not null check (fixed_cost_fen >= 0),
    driver_account_id   bigint,
    -- the vehicle's usual shift (local time of the region): leaves no earlier, back no later
    shift_start         time         not null default '04:30',
    latest_return       time         not null default '10:00',
    active              boolean      not null default true,
    version             int          not null default 0,
    check (ambient_crates + chilled_crates + frozen_crates > 0),
    check (latest_return > shift_start),
    unique (plate)
);
create index vehicle_grid on vehicle (grid_warehouse_id, active);

-- A vehicle's shift on one date, when it differs from its usual one (another driver, other hours),
-- or off that day (available = false).
create table shift (
    id                  bigint generated always as identity primary key,
    vehicle_id          bigint       not null references vehicle (id),
    shift_date          date         not null,
    driver_account_id   bigint,
    starts_at           time         not null,
    latest_return       time         not null,
    available           boolean      not null default true,
    version             int          not null default 0,
    check (latest_return > starts_at),
    unique (vehicle_id, shift_date)
);

-- A pickup point's delivery window and service time, when it differs from the default (05:00–08:00, 10 min).
create table drop_window (
    pickup_point_id     bigint       primary key,
    window_start        time         not null,
    window_end          time         not null,
    service_minutes     int          not null check (service_minutes between 0 and 120),
    check (window_end > window_start)
);

-- How many units of a SKU fill a crate, when it differs from the default of its temperature zone.
create table sku_packing (
    sku_id              bigint       primary key,
    units_per_crate     int          not null check (units_per_crate > 0)
);

-- An imported road distance and driving time between two places of a grid warehouse's area
-- (node 0 is the warehouse itself, otherwise a pickup point id); missing pairs fall back to
-- haversine × the road factor.
create table travel_leg (
    grid_warehouse_id   bigint       not null,
    from_node           bigint       not null,
    to_node             bigint       not null,
    metres              int          not null check (metres >= 0),
    seconds             int          not null check (seconds >= 0),
    primary key (grid_warehouse_id, from_node, to_node)
);

-- The plan of one grid warehouse for one cutoff run (its pickup date's morning). A new plan of the
-- same run and warehouse replaces the previous one (superseded), so exactly one is current.
create table route_plan (
    id                  bigint generated always as identity primary key,
    run_id              bigint       not null,
    region_id           bigint       not null,
    grid_warehouse_id   bigint       not null,
    pickup_date         date         not null,
    status              varchar(12)  not null check (status in ('SOLVING', 'READY', 'FAILED', 'SUPERSEDED')),
    time_limit_ms       int          not null check (time_limit_ms > 0),
    best_cost_fen       bigint,
    elapsed_ms          int          not null default 0 check (elapsed_ms >= 0),
    total_km            numeric(10, 2),
    total_cost_fen      bigint,
    late_stops          int          not null default 0 check (late_stops >= 0),
    failure             varchar(400),
    created_by          bigint,
    created_at          timestamptz  not null,
    finished_at         timestamptz,
    version             int          not null default 0
);
create unique index route_plan_current on route_plan (run_id, grid_warehouse_id) where status <> 'SUPERSEDED' and status <> 'FAILED';
create index route_plan_grid_date on route_plan (grid_warehouse_id, pickup_date);

-- One vehicle's route in a plan: leaves the grid warehouse at depart_at, stops in sequence.
create table route (
    id                  bigint generated always as identity primary key,
    plan_id             bigint       not null references route_plan (id),
    route_no            int          not null check (route_no > 0),
    vehicle_id          bigint       not null references vehicle (id),
    driver_account_id   bigint,
    status              varchar(12)  not null check (status in ('PLANNED', 'LOCKED', 'DISPATCHED', 'COMPLETED')),
    depart_at           timestamptz  not null,
    return_at           timestamptz  not null,
    km                  numeric(10, 2) not null check (km >= 0),
    cost_fen            bigint       not null check (cost_fen >= 0),
    ambient_crates      int          not null default 0 check (ambient_crates >= 0),
    chilled_crates      int          not null default 0 check (chilled_crates >= 0),
    frozen_crates       int          not null default 0 check (frozen_crates >= 0),
    kg                  numeric(10, 2) not null default 0 check (kg >= 0),
    departed_at         timestamptz,
    completed_at        timestamptz,
    version             int          not null default 0,
    unique (plan_id, route_no),
    unique (plan_id, vehicle_id)
);
create index route_driver on route (driver_account_id, depart_at);

-- A stop of a route: one pickup point, its load per zone, its window and the planned arrival.
create table route_stop (
    id                  bigint generated always as identity primary key,
    route_id            bigint       not null references route (id),
    plan_id             bigint       not null references route_plan (id),
    seq                 int          not null check (seq > 0),
    pickup_point_id     bigint       not null,
    pickup_point_name   varchar(60)  not null,
    address             varchar(200) not null,
    latitude            double precision not null,
    longitude           double precision not null,
    window_start        timestamptz  not null,
    window_end          timestamptz  not null check (window_end > window_start),
    service_minutes     int          not null check (service_minutes >= 0),
    planned_arrival     timestamptz  not null,
    late_minutes        int          not null default 0 check (late_minutes >= 0),
    ambient_crates      int          not null default 0 check (ambient_crates >= 0),
    chilled_crates      int          not null default 0 check (chilled_crates >= 0),
    frozen_crates       int          not null default 0 check (frozen_crates >= 0),
    kg                  numeric(10, 2) not null default 0 check (kg >= 0),
    orders              int          not null default 0 check (orders >= 0),
    status              varchar(12)  not null check (status in ('PENDING', 'ARRIVED', 'HANDED_OVER', 'SKIPPED')),
    arrived_at          timestamptz,
    handed_over_at      timestamptz,
    skip_reason         varchar(200),
    version             int          not null default 0,
    check (status <> 'SKIPPED' or skip_reason is not null),
    unique (route_id, seq) deferrable initially deferred,
    -- every pickup point of a plan is on exactly one of its routes
    unique (plan_id, pickup_point_id)
);
create index route_stop_point on route_stop (pickup_point_id, planned_arrival);
