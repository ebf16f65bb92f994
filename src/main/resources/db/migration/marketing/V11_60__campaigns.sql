-- Campaigns (holiday calendar), full reductions, listing discounts, gifts, new-resident and 1-yuan
-- offers, and marketing's own record of what orders did with them (never ordering's tables).

-- A campaign of a region: three phases back to back from starts_on (warm-up, peak, long tail), a budget
-- the discounts of its promotions consume when orders are placed (spent never passes the budget).
create table campaign (
    id           bigserial primary key,
    region_id    bigint      not null,
    name         varchar(60) not null,
    festival     varchar(30) not null,
    starts_on    date        not null,
    warmup_days  int         not null check (warmup_days between 0 and 60),
    peak_days    int         not null check (peak_days between 1 and 60),
    tail_days    int         not null check (tail_days between 0 and 60),
    starts_at    timestamptz not null,
    ends_at      timestamptz not null,
    budget_fen   bigint      not null check (budget_fen > 0),
    spent_fen    bigint      not null default 0 check (spent_fen >= 0 and spent_fen <= budget_fen),
    status       varchar(12) not null check (status in ('DRAFT', 'SCHEDULED', 'RUNNING', 'ENDED', 'CANCELLED')),
    version      int         not null default 0,
    created_at   timestamptz not null,
    check (ends_at > starts_at)
);
create index campaign_region on campaign (region_id, starts_at);

-- Coupon templates (the coupons tool's) that a campaign groups; only their ids are kept here.
create table campaign_coupon_template (
    campaign_id        bigint not null references campaign (id),
    coupon_template_id bigint not null,
    primary key (campaign_id, coupon_template_id)
);

-- A tiered full reduction (满减) of a region for a period, order-wide or on one category.
create table reduction (
    id          bigserial primary key,
    region_id   bigint      not null,
    campaign_id bigint references campaign (id),
    category_id bigint,
    name        varchar(60) not null,
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    active      boolean     not null default true,
    created_at  timestamptz not null,
    check (ends_at > starts_at)
);
create index reduction_region on reduction (region_id, ends_at);

create table reduction_tier (
    reduction_id  bigint not null references reduction (id),
    threshold_fen bigint not null check (threshold_fen > 0),
    amount_fen    bigint not null check (amount_fen > 0 and amount_fen < threshold_fen),
    primary key (reduction_id, threshold_fen)
);

-- A promotional price of a listing between a start and an end.
create table listing_discount (
    id          bigserial primary key,
    region_id   bigint      not null,
    listing_id  bigint      not null references listing (id),
    campaign_id bigint references campaign (id),
    price_fen   bigint      not null check (price_fen > 0),
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    active      boolean     not null default true,
    created_at  timestamptz not null,
    check (ends_at > starts_at)
);
create index listing_discount_listing on listing_discount (listing_id);

-- New-resident (first order) and 1-yuan offers: one unit of a listing at a special price.
create table offer (
    id          bigserial primary key,
    region_id   bigint      not null,
    listing_id  bigint      not null references listing (id),
    campaign_id bigint references campaign (id),
    kind        varchar(12) not null check (kind in ('NEW_RESIDENT', 'ONE_YUAN')),
    audience    varchar(14) not null check (audience in ('NEW_RESIDENTS', 'EVERYONE')),
    price_fen   bigint      not null check (price_fen > 0),
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    active      boolean     not null default true,
    created_at  timestamptz not null,
    check (ends_at > starts_at),
    check (kind = 'ONE_YUAN' or audience = 'NEW_RESIDENTS')
);
create index offer_listing on offer (listing_id);

-- A gift with purchase: an order reaching the threshold (after prices and full reductions) gets the gift.
create table gift (
    id            bigserial primary key,
    region_id     bigint      not null,
    campaign_id   bigint references campaign (id),
    threshold_fen bigint      not null check (threshold_fen > 0),
    gift_name     varchar(60) not null,
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    active        boolean     not null default true,
    created_at    timestamptz not null,
    check (ends_at > starts_at)
);

-- The gift each order was promised; returned_at when the order was cancelled.
create table order_gift (
    order_id    bigint      not null,
    gift_id     bigint      not null references gift (id),
    resident_id bigint      not null,
    given_at    timestamptz not null,
    returned_at timestamptz,
    primary key (order_id, gift_id)
);

-- A resident's first paid order (new residents are those without a row).
create table first_paid_order (
    resident_id bigint primary key,
    order_id    bigint      not null,
    paid_at     timestamptz not null
);

-- The 1-yuan offer a resident used: one per resident, enforced by the key; deleted when the order is cancelled.
create table one_yuan_use (
    resident_id bigint primary key,
    order_id    bigint      not null,
    offer_id    bigint      not null references offer (id),
    used_at     timestamptz not null
);
create index one_yuan_use_order on one_yuan_use (order_id);

-- What an order did in a campaign, written by the order hooks: the campaign's discounts it carried (its
-- budget consumption), whether it was paid and for how much, whether it was the resident's first paid
-- order, and whether it was cancelled (budget given back). The campaign report reads only this table.
create table campaign_order (
    campaign_id  bigint      not null references campaign (id),
    order_id     bigint      not null,
    resident_id  bigint      not null,
    discount_fen bigint      not null check (discount_fen >= 0),
    placed_at    timestamptz not null,
    paid_fen     bigint,
    paid_at      timestamptz,
    new_resident boolean     not null default false,
    cancelled_at timestamptz,
    primary key (campaign_id, order_id)
);
create index campaign_order_order on campaign_order (order_id);
