-- Membership levels (会员等级): growth value (成长值) per resident from paid amounts and check-ins, written
-- once per reference like the points ledger; operators configure the levels and their privileges.
create table growth_account (
    resident_id bigint primary key,
    growth      bigint not null default 0 check (growth >= 0)
);

create table growth_entry (
    id          bigserial primary key,
    resident_id bigint       not null,
    growth      bigint       not null check (growth <> 0),
    reason      varchar(200) not null,
    reference   varchar(120) not null unique,
    at          timestamptz  not null
);
create index growth_entry_resident on growth_entry (resident_id, at desc);

create table member_level (
    id                     bigserial primary key,
    rank                   int          not null unique check (rank >= 0),
    name                   varchar(30)  not null unique,
    growth_threshold       bigint       not null unique check (growth_threshold >= 0),
    privileges             varchar(500) not null default '',
    monthly_coupon_template_id bigint,
    flash_early_minutes    int          not null default 0 check (flash_early_minutes >= 0 and flash_early_minutes <= 1440),
    check (rank > 0 or growth_threshold = 0)
);

-- Member prices: a listing at a price for residents of a minimum level.
create table member_price (
    listing_id bigint not null references listing (id),
    min_rank   int    not null check (min_rank >= 0),
    price_fen  bigint not null check (price_fen > 0),
    primary key (listing_id, min_rank)
);

-- The monthly coupon of a level, once per resident and month.
create table level_coupon_grant (
    resident_id bigint      not null,
    month       varchar(7)  not null,
    rank        int         not null,
    coupon_id   bigint      not null,
    at          timestamptz not null,
    primary key (resident_id, month)
);
