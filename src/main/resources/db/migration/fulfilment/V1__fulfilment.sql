-- Cutoff runs, the sorting lists they write, dispatches from grid warehouses and receipts at pickup points.
-- Other modules' ids (regions, pickup points, warehouses, orders, lines, SKUs, accounts) are plain bigints;
-- names are copied at cutoff so a printed list never changes under the warehouse's feet.

-- One cutoff per region and pickup date. A run killed half way stays RUNNING with the last pickup point
-- whose lines were committed; started again, it resumes after that point.
create table cutoff_run (
    id                   bigint generated always as identity primary key,
    region_id            bigint       not null,
    pickup_date          date         not null,
    status               varchar(12)  not null check (status in ('RUNNING', 'COMPLETED')),
    started_by           bigint,
    started_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    finished_at          timestamptz,
    attempts             int          not null default 1 check (attempts >= 1),
    orders_confirmed     int          not null default 0 check (orders_confirmed >= 0),
    -- progress: pickup points of the region done out of those expected
    points_expected      int          not null default 0 check (points_expected >= 0),
    points_done          int          not null default 0 check (points_done >= 0),
    orders               int          not null default 0 check (orders >= 0),
    lines                bigint       not null default 0 check (lines >= 0),
    units                bigint       not null default 0 check (units >= 0),
    pickup_points        int          not null default 0 check (pickup_points >= 0),
    grid_warehouses      int          not null default 0 check (grid_warehouses >= 0),
    progress_percent     int          not null default 0 check (progress_percent between 0 and 100),
    last_pickup_point_id bigint,
    -- lines may already exist past last_pickup_point_id (a rerun): insert them with "on conflict do nothing"
    merge_lines          boolean      not null default false,
    last_error           varchar(500),
    constraint cutoff_run_once unique (region_id, pickup_date),
    constraint cutoff_run_completed check (status = 'RUNNING' or (finished_at is not null and progress_percent = 100))
);
create index cutoff_run_recent on cutoff_run (pickup_date desc, id desc);
create index cutoff_run_running on cutoff_run (id) where status = 'RUNNING';

-- Every confirmed order line once per run (the primary key makes a rerun or a resume unable to
-- duplicate one). No foreign key to cutoff_run: a million lines are copied in seconds, and only the
-- cutoff writes here, with the id of its own run.
create table sorting_line (
    run_id          bigint       not null,
    order_line_id   bigint       not null,
    order_id        bigint       not null,
    order_no        varchar(24)  not null,
    pickup_code     varchar(8)   not null,
    recipient_name  varchar(60)  not null,
    phone_tail      varchar(4)   not null,
    pickup_point_id bigint       not null,
    sku_id          bigint       not null,
    sku_name        varchar(120) not null,
    spec            varchar(60)  not null,
    unit            varchar(10)  not null,
    quantity        int          not null check (quantity > 0),
    primary key (run_id, order_line_id)
);
create index sorting_line_point on sorting_line (run_id, pickup_point_id, order_id);

-- Per pickup point totals, with the grid warehouse that serves it (from the network at cutoff).
create table cutoff_pickup_point (
    run_id              bigint       not null references cutoff_run (id),
    pickup_point_id     bigint       not null,
    pickup_point_name   varchar(60)  not null,
    community_name      varchar(60)  not null,
    address             varchar(200) not null,
    grid_warehouse_id   bigint       not null,
    grid_warehouse_name varchar(60)  not null,
    orders              int          not null check (orders >= 0),
    lines               int          not null check (lines >= 0),
    units               bigint       not null check (units >= 0),
    primary key (run_id, pickup_point_id)
);
create index cutoff_pickup_point_grid on cutoff_pickup_point (run_id, grid_warehouse_id, pickup_point_name);

-- Pick by product: units of each SKU for each pickup point, grouped under its grid warehouse.
create table pick_line (
    run_id            bigint       not null references cutoff_run (id),
    grid_warehouse_id bigint       not null,
    pickup_point_id   bigint       not null,
    sku_id            bigint       not null,
    sku_name          varchar(120) not null,
    spec              varchar(60)  not null,
    unit              varchar(10)  not null,
    lines             int          not null check (lines > 0),
    units             bigint       not null check (units > 0),
    primary key (run_id, pickup_point_id, sku_id)
);
create index pick_line_grid on pick_line (run_id, grid_warehouse_id, sku_id);

-- Demand per SKU for the region and pickup date: what supply has to buy.
create table sku_demand (
    run_id   bigint       not null references cutoff_run (id),
    sku_id   bigint       not null,
    sku_name varchar(120) not null,
    spec     varchar(60)  not null,
    unit     varchar(10)  not null,
    lines    int          not null check (lines > 0),
    units    bigint       not null check (units > 0),
    primary key (run_id, sku_id)
);

-- A truck left a grid warehouse with its pickup points' goods (发车).
create table dispatch (
    id                bigint generated always as identity primary key,
    run_id            bigint      not null references cutoff_run (id),
    grid_warehouse_id bigint      not null,
    dispatched_by     bigint,
    dispatched_at     timestamptz not null,
    pickup_points     int         not null check (pickup_points > 0),
    orders_shipped    int         not null check (orders_shipped > 0)
);
create index dispatch_run on dispatch (run_id, grid_warehouse_id, id desc);

-- A leader confirmed the goods of a pickup date at their pickup point, with what was missing or damaged.
create table receipt (
    id               bigint generated always as identity primary key,
    pickup_point_id  bigint       not null,
    pickup_date      date         not null,
    region_id        bigint       not null,
    received_by      bigint,
    received_at      timestamptz  not null,
    orders_ready     int          not null check (orders_ready >= 0),
    orders_cancelled int          not null check (orders_cancelled >= 0),
    short_lines      int          not null check (short_lines >= 0),
    short_units      int          not null check (short_units >= 0),
    refunded_fen     bigint       not null check (refunded_fen >= 0),
    reason           varchar(200),
    constraint receipt_received_something check (orders_ready + orders_cancelled > 0)
);
create index receipt_point_date on receipt (pickup_point_id, pickup_date, id desc);

create table receipt_shortage (
    receipt_id    bigint not null references receipt (id),
    order_line_id bigint not null,
    quantity      int    not null check (quantity > 0),
    primary key (receipt_id, order_line_id)
);
