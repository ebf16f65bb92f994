-- Flash sales (秒杀): a listing sold at a flash price from a start time. The listing's stock cap and
-- per-resident limit are the sale's cap and limit (the reservation enforces them); residents of a level of
-- rank >= early_access_rank may buy early_access_minutes before the start.
create table flash_sale (
    listing_id           bigint      primary key references listing (id),
    region_id            bigint      not null,
    flash_price_fen      bigint      not null check (flash_price_fen > 0),
    starts_at            timestamptz not null,
    ends_at              timestamptz not null,
    early_access_minutes int         not null default 0 check (early_access_minutes between 0 and 1440),
    early_access_rank    int check (early_access_rank >= 0),
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    constraint flash_sale_starts_before_end check (starts_at < ends_at),
    constraint flash_sale_early_access_has_rank check (early_access_minutes = 0 or early_access_rank is not null)
);

create index flash_sale_by_region on flash_sale (region_id, ends_at);
