-- Points (积分): a ledger per resident and a balance row. Every entry has a unique reference, so a retried
-- award, spend or reversal is written once; the balance is changed only by conditional statements in the
-- entry's transaction and can never go below zero (the check is the last guard).
create table points_account (
    resident_id bigint primary key,
    balance     bigint not null default 0 check (balance >= 0)
);

create table points_entry (
    id          bigserial primary key,
    resident_id bigint      not null,
    kind        varchar(16) not null check (kind in ('EARNED', 'SPENT', 'EXPIRED', 'REVERSED', 'GIVEN_BACK')),
    points      bigint      not null check (points > 0),
    reason      varchar(200) not null,
    reference   varchar(120) not null unique,
    at          timestamptz not null
);
create index points_entry_resident on points_entry (resident_id, at desc, id desc);
create index points_entry_earned on points_entry (at) where kind = 'EARNED';

-- What points did for one order: spent at placement, earned at payment, and how much of each has been
-- given back / reversed since, so refunds of lines never give back or reverse more than there was.
create table points_order (
    order_id          bigint primary key,
    resident_id       bigint not null,
    spent_points      bigint not null default 0 check (spent_points >= 0),
    spent_fen         bigint not null default 0 check (spent_fen >= 0),
    given_back_points bigint not null default 0 check (given_back_points >= 0 and given_back_points <= spent_points),
    paid_fen          bigint not null default 0 check (paid_fen >= 0),
    earned_points     bigint not null default 0 check (earned_points >= 0),
    reversed_points   bigint not null default 0 check (reversed_points >= 0 and reversed_points <= earned_points),
    cancelled         boolean not null default false
);

-- Daily check-in (签到): once per resident per day of the region's calendar; the streak counts the days in a row.
create table check_in (
    resident_id bigint not null,
    day         date   not null,
    streak      int    not null check (streak >= 1),
    points      bigint not null check (points >= 0),
    at          timestamptz not null,
    primary key (resident_id, day)
);

-- The points shop: items an operator lists in a region (a coupon of a template for points), never sold beyond stock.
create table points_shop_item (
    id                 bigserial primary key,
    region_id          bigint       not null,
    name               varchar(60)  not null,
    coupon_template_id bigint       not null,
    points_price       bigint       not null check (points_price > 0),
    stock              int          not null check (stock >= 0),
    exchanged          int          not null default 0 check (exchanged >= 0 and exchanged <= stock),
    active             boolean      not null default true,
    created_at         timestamptz  not null
);
create index points_shop_item_region on points_shop_item (region_id) where active;

-- One exchange per resident and idempotency key: a retried exchange answers the first one.
create table points_exchange (
    id              bigserial primary key,
    item_id         bigint      not null references points_shop_item (id),
    resident_id     bigint      not null,
    idempotency_key varchar(64) not null,
    points          bigint      not null check (points > 0),
    coupon_id       bigint,
    at              timestamptz not null,
    unique (resident_id, idempotency_key)
);
create index points_exchange_item on points_exchange (item_id);

-- Each year's expiry run, once (the job takes an advisory lock; the row says the year is done).
create table points_expiry_run (
    year        int primary key,
    residents   int         not null,
    points      bigint      not null,
    finished_at timestamptz not null
);

-- Refund events of orders already applied to points (a retried refund finds its reference here).
create table points_order_event (
    reference varchar(160) primary key,
    at        timestamptz not null
);
