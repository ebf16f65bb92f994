-- What a dispatch sold out of the grid warehouse (the transferred units and any already there).
alter table dispatch_move add column sold bigint not null default 0 check (sold >= 0 and sold <= wanted);

-- Stocktake (盘点): a count of one warehouse, one open at a time. Lines snapshot what the ledger expected
-- per batch when the count opened; staff enter what they counted; closing books the variance as ADJUSTMENT.
create table stocktake (
    id           bigint generated always as identity primary key,
    warehouse_id bigint       not null,
    status       varchar(8)   not null check (status in ('OPEN', 'CLOSED')),
    note         varchar(200),
    opened_by    bigint,
    opened_at    timestamptz  not null,
    closed_by    bigint,
    closed_at    timestamptz,
    constraint stocktake_closed check ((status = 'CLOSED') = (closed_at is not null))
);
create unique index stocktake_one_open on stocktake (warehouse_id) where status = 'OPEN';

create table stocktake_line (
    stocktake_id bigint      not null references stocktake (id),
    batch_id     bigint      not null references batch (id),
    sku_id       bigint      not null,
    expected     bigint      not null check (expected >= 0),
    counted      bigint      check (counted >= 0),
    counted_by   bigint,
    counted_at   timestamptz,
    adjusted     bigint,
    primary key (stocktake_id, batch_id)
);

-- Safety stock and alert settings (DESIGN.md section 6): one row.
create table settings (
    id                 int          primary key check (id = 1),
    sales_window_days  int          not null check (sales_window_days between 1 and 90),
    safety_days        numeric(5,2) not null check (safety_days > 0 and safety_days <= 60),
    overstock_days     numeric(6,1) not null check (overstock_days > 0 and overstock_days <= 365),
    near_expiry_days   int          not null check (near_expiry_days between 0 and 60),
    updated_at         timestamptz  not null
);
insert into settings values (1, 14, 1.5, 30, 2, now());

-- Seasonal factor per month (1 = no change), multiplies the safety stock.
create table seasonal_factor (
    month  int          primary key check (month between 1 and 12),
    factor numeric(4,2) not null check (factor > 0 and factor <= 5)
);
insert into seasonal_factor (month, factor) select m, 1.00 from generate_series(1, 12) m;

-- An alert is unique per (kind, warehouse, SKU[, batch]) while open.
create table alert (
    id             bigint generated always as identity primary key,
    kind           varchar(16)  not null check (kind in ('STOCK_OUT_RISK', 'OVERSTOCK', 'NEAR_EXPIRY')),
    warehouse_id   bigint       not null,
    region_id      bigint       not null,
    sku_id         bigint       not null,
    batch_id       bigint references batch (id),
    status         varchar(8)   not null check (status in ('OPEN', 'RESOLVED')),
    available      bigint       not null,
    safety_stock   bigint       not null check (safety_stock >= 0),
    avg_daily      numeric(12,2) not null check (avg_daily >= 0),
    days_of_cover  numeric(10,1),
    expires_on     date,
    units          bigint       not null check (units >= 0),
    raised_at      timestamptz  not null,
    updated_at     timestamptz  not null,
    resolved_at    timestamptz,
    constraint alert_batch check ((kind = 'NEAR_EXPIRY') = (batch_id is not null))
);
create unique index alert_open on alert (kind, warehouse_id, sku_id, coalesce(batch_id, 0)) where status = 'OPEN';
create index alert_status on alert (status, raised_at desc);

-- A clearance suggestion for an overstock or near-expiry alert; accepting it publishes one listing.
create table clearance (
    id               bigint generated always as identity primary key,
    alert_id         bigint       not null unique references alert (id),
    kind             varchar(8)   not null check (kind in ('DISCOUNT', 'BUNDLE')),
    region_id        bigint       not null,
    sku_id           bigint       not null,
    base_price_fen   bigint       not null check (base_price_fen > 0),
    discount_percent int          not null check (discount_percent between 5 and 90),
    price_fen        bigint       not null check (price_fen > 0 and price_fen < base_price_fen),
    cap              int          not null check (cap > 0),
    pickup_date      date         not null,
    last_pickup_date date         not null check (last_pickup_date >= pickup_date),
    bundle_sku_id    bigint,
    bundle_name      varchar(120),
    status           varchar(10)  not null check (status in ('SUGGESTED', 'ACCEPTED')),
    listing_id       bigint,
    accepted_by      bigint,
    accepted_at      timestamptz,
    created_at       timestamptz  not null,
    constraint clearance_accepted check ((status = 'ACCEPTED') = (listing_id is not null)),
    constraint clearance_bundle check ((kind = 'BUNDLE') = (bundle_sku_id is not null))
);
