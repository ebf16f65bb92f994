-- Listings (团购上架): a SKU offered in a region for one pickup date, between opening and cutoff.
-- region_id, sku_id and created_by refer to other modules (network, catalog, identity): no cross-schema FK.
create table listing (
    id                 bigint generated always as identity primary key,
    region_id          bigint      not null,
    sku_id             bigint      not null,
    group_price_fen    bigint      not null check (group_price_fen > 0),
    list_price_fen     bigint,
    stock_cap          int         not null check (stock_cap >= 0),
    -- ordering reserves units with a conditional update of this row; the checks hold under any concurrency
    sold               int         not null default 0 check (sold >= 0),
    per_resident_limit int         not null check (per_resident_limit >= 1),
    opens_at           timestamptz not null,
    cutoff_at          timestamptz not null,
    pickup_date        date        not null,
    status             varchar(20) not null default 'ACTIVE' check (status in ('ACTIVE', 'WITHDRAWN')),
    created_at         timestamptz not null,
    created_by         bigint,
    updated_at         timestamptz,
    withdrawn_at       timestamptz,
    constraint listing_list_price_not_below_group_price
        check (list_price_fen is null or list_price_fen >= group_price_fen),
    constraint listing_sold_within_cap check (sold <= stock_cap),
    constraint listing_opens_before_cutoff check (opens_at < cutoff_at),
    constraint listing_withdrawn_has_time check ((status = 'WITHDRAWN') = (withdrawn_at is not null))
);

-- One ACTIVE listing per SKU, region and pickup date; a withdrawn one may be listed again.
create unique index listing_one_active on listing (region_id, sku_id, pickup_date) where status = 'ACTIVE';

-- "Open now in a region": active rows of the region whose window contains now.
create index listing_open_now on listing (region_id, cutoff_at, opens_at) where status = 'ACTIVE';

-- Console and cutoff runs: the listings of a pickup date.
create index listing_by_pickup_date on listing (pickup_date, region_id);
