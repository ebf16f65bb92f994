-- Listing controls: market-closed days (休市) per region, leader-only listings (sold only at chosen pickup
-- points) and a per-listing commission rate for the leader.

create table market_closed_day (
    region_id  bigint       not null,
    day        date         not null,
    reason     varchar(100) not null,
    created_at timestamptz  not null,
    created_by bigint,
    primary key (region_id, day)
);

-- A listing with rows here is sold only at these pickup points; without rows, everywhere in its region.
create table listing_pickup_point (
    listing_id      bigint not null references listing (id),
    pickup_point_id bigint not null,
    primary key (listing_id, pickup_point_id)
);

-- The leader's commission on this listing's lines instead of the scheme's rate (basis points, at most 50%
-- as the leader's ledger allows). Frozen once the listing's cutoff has passed.
create table listing_commission (
    listing_id bigint      primary key references listing (id),
    rate_bp    int         not null check (rate_bp between 0 and 5000),
    updated_at timestamptz not null
);
