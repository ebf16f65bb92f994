-- Carts, orders, lines, refunds and the order timeline. Other modules' ids are plain bigints.

create table cart_item (
    resident_id bigint      not null,
    listing_id  bigint      not null,
    quantity    int         not null check (quantity between 1 and 99),
    added_at    timestamptz not null,
    primary key (resident_id, listing_id)
);

create table orders (
    id               bigint generated always as identity primary key,
    order_no         varchar(24)  not null unique,
    resident_id      bigint       not null,
    idempotency_key  varchar(80)  not null,
    recipient_name   varchar(60)  not null,
    recipient_phone  varchar(20)  not null,
    region_id        bigint       not null,
    pickup_point_id  bigint       not null,
    pickup_date      date         not null,
    status           varchar(20)  not null check (status in ('PENDING_PAYMENT', 'PAID', 'CONFIRMED', 'SHIPPED',
                                                             'READY_FOR_PICKUP', 'PICKED_UP', 'CANCELLED')),
    total_fen        bigint       not null check (total_fen > 0),
    paid_fen         bigint       not null default 0 check (paid_fen >= 0),
    refunded_fen     bigint       not null default 0 check (refunded_fen >= 0),
    pickup_code      varchar(8),
    cancel_reason    varchar(40),
    created_at       timestamptz  not null,
    expires_at       timestamptz  not null,
    cutoff_at        timestamptz  not null,
    paid_at          timestamptz,
    confirmed_at     timestamptz,
    shipped_at       timestamptz,
    ready_at         timestamptz,
    picked_up_at     timestamptz,
    cancelled_at     timestamptz,
    -- a submit is applied once, whatever the retries
    constraint orders_idempotency unique (resident_id, idempotency_key),
    -- money is exact: what was paid is the total; refunds never exceed it
    constraint orders_paid_is_total check (paid_fen = 0 or paid_fen = total_fen),
    constraint orders_refund_within_paid check (refunded_fen <= paid_fen),
    constraint orders_paid_has_code check (status in ('PENDING_PAYMENT', 'CANCELLED') or pickup_code is not null)
);
create index orders_resident on orders (resident_id, id desc);
create index orders_point_date on orders (pickup_point_id, pickup_date, status);
create index orders_region_date on orders (region_id, pickup_date, status);
create index orders_expiring on orders (expires_at) where status = 'PENDING_PAYMENT';
-- a pickup code identifies one live order at its pickup point
create unique index orders_live_pickup_code on orders (pickup_point_id, pickup_code)
    where pickup_code is not null and status in ('PAID', 'CONFIRMED', 'SHIPPED', 'READY_FOR_PICKUP');

create table order_line (
    id                  bigint generated always as identity primary key,
    order_id            bigint       not null references orders (id),
    listing_id          bigint       not null,
    sku_id              bigint       not null,
    category_id         bigint       not null,
    sku_name            varchar(120) not null,
    spec                varchar(60)  not null,
    unit                varchar(10)  not null,
    unit_price_fen      bigint       not null check (unit_price_fen > 0),
    quantity            int          not null check (quantity between 1 and 99),
    amount_fen          bigint       not null check (amount_fen = unit_price_fen * quantity),
    refunded_quantity   int          not null default 0,
    refunded_fen        bigint       not null default 0,
    short_quantity      int          not null default 0,
    picked_up_quantity  int          not null default 0,
    constraint order_line_quantities check (refunded_quantity >= 0 and picked_up_quantity >= 0
        and short_quantity >= 0 and short_quantity <= refunded_quantity
        and refunded_quantity + picked_up_quantity <= quantity),
    constraint order_line_refund_within_amount check (refunded_fen >= 0 and refunded_fen <= amount_fen),
    unique (order_id, listing_id)
);
create index order_line_order on order_line (order_id);

-- Every refund the platform asked for, once per reference (the idempotency key passed to the provider).
create table order_refund (
    id           bigint generated always as identity primary key,
    order_id     bigint       not null references orders (id),
    line_id      bigint       references order_line (id),
    reference    varchar(80)  not null unique,
    quantity     int          not null check (quantity >= 0),
    amount_fen   bigint       not null check (amount_fen > 0),
    reason       varchar(40)  not null,
    status       varchar(12)  not null check (status in ('REQUESTED', 'SUCCEEDED')),
    requested_at timestamptz  not null,
    completed_at timestamptz
);
create index order_refund_order on order_refund (order_id);

-- What happened to an order, for the resident's order page and for support.
create table order_timeline (
    id        bigint generated always as identity primary key,
    order_id  bigint      not null references orders (id),
    at        timestamptz not null,
    status    varchar(20),
    note      varchar(200)
);
create index order_timeline_order on order_timeline (order_id, id);

create sequence order_no_seq;
