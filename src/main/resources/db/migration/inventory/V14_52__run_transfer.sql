-- Central -> grid transfers made ahead of a truck (logistics' transfer plan, issue 14): per cutoff run, grid
-- warehouse and SKU, the units planned when first executed and those moved so far. The key makes an execution
-- idempotent (a rerun moves only what is still owed, never twice); 'used' counts the moved units a later
-- dispatch of the run sold out of the grid warehouse instead of moving them from central a second time.
create table run_transfer (
    run_id            bigint      not null,
    grid_warehouse_id bigint      not null,
    central_id        bigint      not null,
    sku_id            bigint      not null,
    wanted            bigint      not null check (wanted > 0),
    moved             bigint      not null default 0 check (moved >= 0 and moved <= wanted),
    used              bigint      not null default 0 check (used >= 0 and used <= moved),
    moved_by          bigint,
    moved_at          timestamptz not null,
    primary key (run_id, grid_warehouse_id, sku_id)
);
