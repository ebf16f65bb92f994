-- Leader commission (佣金): tiered schemes per region (or the default one), and a ledger per leader.
-- Order, order line, category and region ids belong to ordering, catalog and network (no cross-schema
-- references).

-- A scheme: the default one (region_id null) or a region's own.
create table commission_scheme (
    id         bigint generated always as identity primary key,
    region_id  bigint,
    updated_at timestamptz not null,
    updated_by bigint
);
create unique index commission_scheme_one_per_region on commission_scheme ((coalesce(region_id, 0)));

-- Bands by the leader's picked-up sales in the calendar month: from floor_fen up, rate_bp applies.
create table commission_band (
    scheme_id bigint not null references commission_scheme (id) on delete cascade,
    floor_fen bigint not null check (floor_fen >= 0),
    rate_bp   int    not null check (rate_bp between 0 and 5000),
    primary key (scheme_id, floor_fen)
);

-- A fixed rate for a category (and its subcategories), whatever the band.
create table commission_category_rate (
    scheme_id   bigint not null references commission_scheme (id) on delete cascade,
    category_id bigint not null,
    rate_bp     int    not null check (rate_bp between 0 and 5000),
    primary key (scheme_id, category_id)
);

-- The default scheme: below 5,000 yuan a month 8%, from 5,000 yuan 10%, from 20,000 yuan 12%.
insert into commission_scheme (region_id, updated_at) values (null, now());
insert into commission_band (scheme_id, floor_fen, rate_bp)
select id, b.floor_fen, b.rate_bp from commission_scheme,
       (values (0, 800), (500000, 1000), (2000000, 1200)) as b (floor_fen, rate_bp)
 where region_id is null;

-- One row per leader: the balance and what made it. The row is also the lock that puts a leader's
-- entries in one order (running balance, month-to-date sales).
create table commission_account (
    leader_id    bigint primary key references leader (id),
    accrued_fen  bigint not null default 0 check (accrued_fen >= 0),
    reversed_fen bigint not null default 0 check (reversed_fen >= 0),
    balance_fen  bigint not null default 0,
    entries      int    not null default 0,
    constraint commission_account_balances check (balance_fen = accrued_fen - reversed_fen)
);

-- The ledger. ACCRUAL: commission earned on a picked-up order line (one per line); REVERSAL: the
-- share of an accrual given back when picked-up units are refunded (one per refund). amount_fen is
-- signed (accruals >= 0, reversals <= 0); balance_after_fen is the leader's balance after the entry.
create table commission_entry (
    id                 bigint generated always as identity primary key,
    leader_id          bigint       not null references leader (id),
    kind               varchar(10)  not null check (kind in ('ACCRUAL', 'REVERSAL')),
    order_id           bigint       not null,
    order_no           varchar(32)  not null,
    order_line_id      bigint       not null,
    sku_name           varchar(200),
    category_id        bigint,
    -- units picked up (accrual) or refunded (reversal), and what the resident paid for them
    quantity           int          not null check (quantity > 0),
    base_fen           bigint       not null check (base_fen >= 0),
    rate_bp            int          not null check (rate_bp between 0 and 5000),
    rate_source        varchar(10)  not null check (rate_source in ('BAND', 'CATEGORY')),
    -- accrual: the month-to-date sales (this line included) that chose the band
    month_sales_fen    bigint,
    -- the calendar month of the sale (pickup), and of the entry (a reversal's own month)
    sales_month        date         not null check (extract(day from sales_month) = 1),
    month              date         not null check (extract(day from month) = 1),
    amount_fen         bigint       not null,
    balance_after_fen  bigint       not null,
    refund_reference   varchar(120),
    accrual_id         bigint references commission_entry (id),
    -- accrual only: how much of it later reversals gave back
    reversed_quantity  int          not null default 0,
    reversed_base_fen  bigint       not null default 0,
    reversed_fen       bigint       not null default 0,
    occurred_at        timestamptz  not null,
    recorded_at        timestamptz  not null,
    constraint commission_entry_accrual check (kind <> 'ACCRUAL' or (amount_fen >= 0 and month_sales_fen is not null
        and refund_reference is null and accrual_id is null)),
    constraint commission_entry_reversal check (kind <> 'REVERSAL' or (amount_fen <= 0 and refund_reference is not null
        and accrual_id is not null and reversed_quantity = 0 and reversed_fen = 0 and reversed_base_fen = 0)),
    -- never reverse more than was accrued
    constraint commission_entry_reversed_within check (reversed_quantity between 0 and quantity
        and reversed_fen between 0 and greatest(amount_fen, 0) and reversed_base_fen between 0 and base_fen)
);
create unique index commission_entry_one_accrual_per_line on commission_entry (order_line_id) where kind = 'ACCRUAL';
create unique index commission_entry_one_reversal_per_refund on commission_entry (refund_reference) where kind = 'REVERSAL';
create index commission_entry_leader on commission_entry (leader_id, id desc);
create index commission_entry_leader_month on commission_entry (leader_id, sales_month);
create index commission_entry_month on commission_entry (month, leader_id);

-- Refunds after pickup that arrived before the accrual of their line (events may cross): applied
-- when the accrual is written.
create table commission_pending_reversal (
    refund_reference varchar(120) primary key,
    order_line_id    bigint       not null,
    quantity         int          not null check (quantity > 0),
    amount_fen       bigint       not null check (amount_fen >= 0),
    received_at      timestamptz  not null
);
create index commission_pending_reversal_line on commission_pending_reversal (order_line_id);
