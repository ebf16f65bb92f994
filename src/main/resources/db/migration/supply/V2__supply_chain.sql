-- Supply, second part: tiers and contract terms, qualifications and their alerts, the SKUs each
-- supplier delivers, purchase orders from cutoff demand, receiving, shortages, chargebacks and
-- settlement statements. SKU, region, warehouse and cutoff-run ids belong to other modules: no
-- cross-schema foreign keys.

alter table supplier
    add column tier           varchar(10) not null default 'PREFERRED'
        check (tier in ('STRATEGIC', 'PREFERRED', 'EMERGENCY')),
    add column payment_period varchar(10) not null default 'MONTHLY'
        check (payment_period in ('WEEKLY', 'MONTHLY', 'DAYS')),
    add column payment_days   int check (payment_days between 1 and 180),
    add constraint supplier_payment_days check ((payment_period = 'DAYS') = (payment_days is not null));

-- A licence (营业执照, 食品经营许可证, ...): valid on the days [valid_from, valid_until].
create table qualification (
    id          bigint generated always as identity primary key,
    supplier_id bigint      not null references supplier (id),
    kind        varchar(30) not null check (length(trim(kind)) > 0),
    licence_no  varchar(60) not null check (length(trim(licence_no)) > 0),
    valid_from  date        not null,
    valid_until date        not null,
    created_at  timestamptz not null,
    check (valid_until >= valid_from),
    unique (supplier_id, kind, licence_no)
);
create index qualification_until on qualification (valid_until);

-- One open alert per qualification and kind; resolved when the licence is renewed or removed.
create table supplier_alert (
    id               bigint generated always as identity primary key,
    supplier_id      bigint      not null references supplier (id),
    qualification_id bigint      not null references qualification (id) on delete cascade,
    kind             varchar(20) not null check (kind in ('EXPIRED', 'EXPIRING')),
    raised_at        timestamptz not null,
    resolved_at      timestamptz
);
create unique index supplier_alert_open on supplier_alert (qualification_id, kind) where resolved_at is null;

-- What a supplier can deliver: purchase price, lead time, minimum order quantity.
create table supplier_sku (
    id             bigint generated always as identity primary key,
    supplier_id    bigint  not null references supplier (id),
    sku_id         bigint  not null,
    price_fen      bigint  not null check (price_fen > 0),
    lead_time_days int     not null check (lead_time_days between 0 and 60),
    moq            int     not null check (moq between 1 and 100000),
    active         boolean not null default true,
    unique (supplier_id, sku_id)
);
create index supplier_sku_sku on supplier_sku (sku_id) where active;

create table purchase_order (
    id              bigint generated always as identity primary key,
    po_no           varchar(30) not null unique,
    supplier_id     bigint      not null references supplier (id),
    region_id       bigint      not null,
    warehouse_id    bigint      not null,
    cutoff_run_id   bigint,
    pickup_date     date        not null,
    status          varchar(10) not null default 'DRAFT'
        check (status in ('DRAFT', 'SENT', 'CONFIRMED', 'DELIVERED', 'SETTLED', 'CANCELLED')),
    expected_at     timestamptz not null,
    announced_at    timestamptz,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    confirmed_at    timestamptz,
    delivered_at    timestamptz,
    settled_at      timestamptz,
    cancelled_at    timestamptz,
    shortage_rule   varchar(20) not null default 'NEWEST_FIRST'
        check (shortage_rule in ('NEWEST_FIRST', 'LARGEST_ORDER_FIRST', 'PROPORTIONAL')),
    statement_id    bigint,
    check (status <> 'SENT' or sent_at is not null),
    check (status not in ('CONFIRMED', 'DELIVERED', 'SETTLED') or confirmed_at is not null),
    check (status not in ('DELIVERED', 'SETTLED') or delivered_at is not null),
    check (status <> 'SETTLED' or statement_id is not null)
);
-- one purchase order per cutoff run and supplier: a redelivered CutoffCompleted drafts nothing twice
create unique index purchase_order_run_supplier on purchase_order (cutoff_run_id, supplier_id)
    where cutoff_run_id is not null;
create index purchase_order_supplier on purchase_order (supplier_id, status);
create index purchase_order_status on purchase_order (status, region_id);

create table purchase_order_line (
    id              bigint generated always as identity primary key,
    po_id           bigint       not null references purchase_order (id),
    sku_id          bigint       not null,
    sku_name        varchar(120) not null,
    unit            varchar(10)  not null,
    price_fen       bigint       not null check (price_fen > 0),
    ordered_qty     int          not null check (ordered_qty >= 0),
    confirmed_qty   int,
    for_demand      int          not null default 0 check (for_demand >= 0),
    accepted_qty    int,
    rejected_qty    int,
    reject_reason   varchar(12) check (reject_reason in ('QUALITY', 'DAMAGE', 'WRONG_ITEM')),
    batch_no        varchar(40),
    production_date date,
    received_at     timestamptz,
    stock_batch_id  bigint,
    unique (po_id, sku_id),
    check (confirmed_qty is null or confirmed_qty between 0 and ordered_qty),
    check (accepted_qty is null or accepted_qty >= 0),
    check (rejected_qty is null or rejected_qty >= 0),
    check ((accepted_qty is null) = (received_at is null)),
    check (accepted_qty is null or accepted_qty + rejected_qty <= coalesce(confirmed_qty, ordered_qty)),
    check ((rejected_qty is null or rejected_qty = 0) = (reject_reason is null))
);

-- Units of a received line the run's demand did not get, and the refunds that followed.
create table shortage (
    id          bigint generated always as identity primary key,
    po_line_id  bigint      not null unique references purchase_order_line (id),
    sku_id      bigint      not null,
    units       int         not null check (units > 0),
    rule        varchar(20) not null,
    refunded_units int      not null check (refunded_units between 0 and units),
    refunded_fen bigint     not null check (refunded_fen >= 0),
    orders      int         not null check (orders >= 0),
    found_at    timestamptz not null
);

create table statement (
    id             bigint generated always as identity primary key,
    supplier_id    bigint      not null references supplier (id),
    period_start   date        not null,
    period_end     date        not null,
    goods_fen      bigint      not null check (goods_fen >= 0),
    chargeback_fen bigint      not null check (chargeback_fen >= 0),
    total_fen      bigint      not null,
    status         varchar(10) not null default 'OPEN' check (status in ('OPEN', 'SETTLED')),
    created_at     timestamptz not null,
    settled_at     timestamptz,
    check (period_end >= period_start),
    check (total_fen = goods_fen - chargeback_fen),
    check ((status = 'SETTLED') = (settled_at is not null)),
    unique (supplier_id, period_start)
);
alter table purchase_order add constraint purchase_order_statement foreign key (statement_id) references statement (id);

-- Money taken off a supplier's statement: goods rejected after acceptance, penalties.
create table chargeback (
    id           bigint generated always as identity primary key,
    supplier_id  bigint       not null references supplier (id),
    po_id        bigint references purchase_order (id),
    amount_fen   bigint       not null check (amount_fen > 0),
    reason       varchar(200) not null check (length(trim(reason)) > 0),
    created_at   timestamptz  not null,
    statement_id bigint references statement (id)
);
create index chargeback_open on chargeback (supplier_id) where statement_id is null;

create sequence purchase_order_no;
