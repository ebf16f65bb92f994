-- Issue 16 facts: analytics' read models of ordering's paid orders, kept by the events (OrderPaid,
-- OrderCancelled, OrderLineRefunded) and rebuilt from ordering's API (OrderFacts). The day is always the
-- business date (Asia/Shanghai) on which the order was paid; refunds count on their order's day.
-- Other modules' ids are plain bigints. Dashboards read these tables only, never orders.

-- per day x pickup point x category; orders = paid orders with a line of the category (not additive
-- over categories: daily_point has the orders of a pickup point)
create table daily_sales (
    region_id       bigint not null,
    day             date   not null,
    pickup_point_id bigint not null,
    category_id     bigint not null,
    orders          int    not null default 0 check (orders >= 0),
    lines           int    not null default 0 check (lines >= 0),
    units           int    not null default 0 check (units >= 0),
    gmv_fen         bigint not null default 0 check (gmv_fen >= 0),
    paid_fen        bigint not null default 0 check (paid_fen >= 0),
    discount_fen    bigint not null default 0 check (discount_fen >= 0),
    refund_fen      bigint not null default 0 check (refund_fen >= 0),
    refund_lines    int    not null default 0 check (refund_lines >= 0),
    primary key (region_id, day, pickup_point_id, category_id)
);

-- per day x pickup point (= its leader): a few hundred rows a day
create table daily_point (
    region_id       bigint not null,
    day             date   not null,
    pickup_point_id bigint not null,
    orders          int    not null default 0 check (orders >= 0),
    gmv_fen         bigint not null default 0 check (gmv_fen >= 0),
    paid_fen        bigint not null default 0 check (paid_fen >= 0),
    discount_fen    bigint not null default 0 check (discount_fen >= 0),
    refund_fen      bigint not null default 0 check (refund_fen >= 0),
    primary key (region_id, day, pickup_point_id)
);

-- per day: the region's totals, one row a day (the sales metrics of a year of periods read a few hundred rows)
create table daily_region (
    region_id    bigint not null,
    day          date   not null,
    orders       int    not null default 0 check (orders >= 0),
    gmv_fen      bigint not null default 0 check (gmv_fen >= 0),
    paid_fen     bigint not null default 0 check (paid_fen >= 0),
    discount_fen bigint not null default 0 check (discount_fen >= 0),
    refund_fen   bigint not null default 0 check (refund_fen >= 0),
    primary key (region_id, day)
);

-- per day x SKU
create table daily_sku (
    region_id   bigint not null,
    day         date   not null,
    sku_id      bigint not null,
    category_id bigint not null,
    units       int    not null default 0 check (units >= 0),
    paid_fen    bigint not null default 0 check (paid_fen >= 0),
    refund_fen  bigint not null default 0 check (refund_fen >= 0),
    primary key (region_id, day, sku_id)
);

-- per resident x period (DAY, WEEK, MONTH, QUARTER): paid orders and what was paid
create table resident_period (
    region_id   bigint     not null,
    kind        varchar(8) not null check (kind in ('DAY', 'WEEK', 'MONTH', 'QUARTER')),
    start       date       not null,
    resident_id bigint     not null,
    orders      int        not null check (orders > 0),
    paid_fen    bigint     not null check (paid_fen >= 0),
    primary key (region_id, kind, start, resident_id)
);

-- per period: residents who paid, and those with two orders or more (one row a period: the metrics never
-- count residents at request time)
create table period_residents (
    region_id  bigint     not null,
    kind       varchar(8) not null check (kind in ('DAY', 'WEEK', 'MONTH', 'QUARTER')),
    start      date       not null,
    paying     int        not null default 0 check (paying >= 0),
    repeaters  int        not null default 0 check (repeaters >= 0 and repeaters <= paying),
    primary key (region_id, kind, start)
);

-- per pickup point x period: paid orders and paid amount (the leaders' ranking of a period, ~300 rows)
create table period_point (
    region_id       bigint     not null,
    kind            varchar(8) not null check (kind in ('DAY', 'WEEK', 'MONTH', 'QUARTER')),
    start           date       not null,
    pickup_point_id bigint     not null,
    orders          int        not null check (orders >= 0),
    paid_fen        bigint     not null check (paid_fen >= 0),
    primary key (region_id, kind, start, pickup_point_id)
);

-- a resident's first day with a paid order, and the next later day with one (new residents, retention)
create table resident_first (
    region_id   bigint not null,
    resident_id bigint not null,
    first_day   date   not null,
    second_day  date,
    primary key (region_id, resident_id),
    check (second_day is null or second_day > first_day)
);
create index resident_first_day on resident_first (region_id, first_day) include (second_day);

-- the events applied, once each (a redelivered event changes nothing); pruned after 90 days
create table fact_event (
    key          varchar(120) primary key,
    processed_at timestamptz  not null
);
create index fact_event_processed on fact_event (processed_at);
