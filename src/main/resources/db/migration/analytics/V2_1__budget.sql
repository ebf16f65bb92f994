-- Issue 16 (ops): the operator's monthly budget per region (GMV, contribution margin, costs), in fen.
-- month is the month's first day; one budget per region and month, changed in place.
create table budget (
    region_id   bigint      not null,
    month       date        not null check (extract(day from month) = 1),
    gmv_fen     bigint      not null check (gmv_fen >= 0),
    margin_fen  bigint      not null check (margin_fen >= 0),
    costs_fen   bigint      not null check (costs_fen >= 0),
    updated_by  bigint,
    updated_at  timestamptz not null,
    primary key (region_id, month)
);
