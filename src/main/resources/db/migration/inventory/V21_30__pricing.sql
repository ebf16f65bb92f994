-- Price suggestions (动态定价, issue 15). Competitor prices the operator records per region and SKU, and
-- the price suggestions made from stock, shelf life, cost, forecast, elasticity and those prices; an
-- accepted suggestion names the marketing discount (or raised listing price) it became.

create table competitor_price (
    id          bigint generated always as identity primary key,
    region_id   bigint      not null,
    sku_id      bigint      not null,
    competitor  varchar(60) not null check (length(trim(competitor)) > 0),
    price_fen   bigint      not null check (price_fen > 0 and price_fen <= 100000000),
    observed_on date        not null,
    recorded_by bigint,
    recorded_at timestamptz not null
);
create index competitor_price_sku on competitor_price (region_id, sku_id, observed_on desc);

create table price_suggestion (
    id                  bigint generated always as identity primary key,
    region_id           bigint        not null,
    listing_id          bigint        not null,
    sku_id              bigint        not null,
    sku_name            text          not null,
    pickup_date         date          not null,
    kind                varchar(8)    not null check (kind in ('DISCOUNT', 'RAISE')),
    reason              varchar(16)   not null check (reason in ('EXPIRY', 'COMPETITOR', 'SHORT_COVER')),
    current_price_fen   bigint        not null check (current_price_fen > 0),
    suggested_price_fen bigint        not null check (suggested_price_fen > 0),
    unit_cost_fen       bigint        check (unit_cost_fen >= 0),
    available           bigint        not null,
    daily_demand        numeric(14,3) not null check (daily_demand >= 0),
    cover_days          numeric(10,2),
    shelf_days          int,
    elasticity          numeric(8,4)  not null check (elasticity < 0),
    elasticity_source   varchar(8)    not null check (elasticity_source in ('MEASURED', 'DEFAULT')),
    promotion_lift      numeric(8,4),
    promotion_ratio     numeric(8,4),
    competitor_low_fen  bigint        check (competitor_low_fen > 0),
    horizon_days        int           not null check (horizon_days > 0),
    risk_until          date,
    sold_now            numeric(14,3) not null check (sold_now >= 0),
    waste_now           numeric(14,3) not null check (waste_now >= 0),
    sold_new            numeric(14,3) not null check (sold_new >= 0),
    waste_new           numeric(14,3) not null check (waste_new >= 0),
    margin_now_fen      bigint,
    margin_new_fen      bigint,
    status              varchar(10)   not null check (status in ('PROPOSED', 'ACCEPTED', 'DISMISSED', 'EXPIRED')),
    created_at          timestamptz   not null,
    decided_by          bigint,
    decided_at          timestamptz,
    discount_id         bigint,
    sold_at_accept      int           check (sold_at_accept >= 0),
    constraint price_suggestion_moves check (kind = 'DISCOUNT' and suggested_price_fen < current_price_fen
        or kind = 'RAISE' and suggested_price_fen > current_price_fen),
    constraint price_suggestion_decided check ((status = 'PROPOSED') = (decided_at is null)),
    constraint price_suggestion_accepted check (status <> 'ACCEPTED' or sold_at_accept is not null)
);
-- one open suggestion per listing: computing again expires the earlier one first
create unique index price_suggestion_open on price_suggestion (listing_id) where status = 'PROPOSED';
create index price_suggestion_region on price_suggestion (region_id, status, created_at desc);
