-- Inventory: stock per warehouse and SKU, batches with expiry, the movement ledger and reservations.
-- Warehouse and SKU ids belong to network and catalog: no cross-schema foreign keys.
-- The ledger invariant: per batch, sum(movement.quantity) = batch.remaining; per warehouse and SKU,
-- sum(movement.quantity) = stock.on_hand. Every change locks the stock row first (select ... for update),
-- then writes the batch, the ledger row and the stock row in one transaction; the checks below refuse
-- anything that would go negative even if a code path forgot to look.

create table stock (
    warehouse_id bigint      not null,
    sku_id       bigint      not null,
    on_hand      bigint      not null default 0 check (on_hand >= 0),
    reserved     bigint      not null default 0 check (reserved >= 0),
    updated_at   timestamptz not null,
    primary key (warehouse_id, sku_id),
    constraint stock_reserved_within_on_hand check (reserved <= on_hand)
);
create index stock_sku on stock (sku_id);

-- A batch of one SKU in one warehouse. A received batch carries its receipt reference (idempotency);
-- a batch that arrived by transfer points at the received batch it came from (origin_id).
create table batch (
    id              bigint generated always as identity primary key,
    warehouse_id    bigint      not null,
    sku_id          bigint      not null,
    batch_no        varchar(40) not null check (length(trim(batch_no)) > 0),
    production_date date,
    expires_on      date,
    received        bigint      not null check (received >= 0),
    remaining       bigint      not null check (remaining >= 0),
    received_at     timestamptz not null,
    reference       varchar(80) unique,
    origin_id       bigint references batch (id),
    unit_cost_fen   bigint check (unit_cost_fen >= 0),
    constraint batch_remaining_within_received check (remaining <= received),
    constraint batch_expiry_after_production check (expires_on is null or production_date is null
        or expires_on >= production_date)
);
create index batch_fefo on batch (warehouse_id, sku_id, expires_on, id) where remaining > 0;
create unique index batch_origin on batch (warehouse_id, origin_id) where origin_id is not null;

-- The ledger: one row per batch touched by a movement, quantity signed (+ in, - out).
create table movement (
    id                 bigint generated always as identity primary key,
    warehouse_id       bigint      not null,
    sku_id             bigint      not null,
    batch_id           bigint      not null references batch (id),
    kind               varchar(12) not null check (kind in ('RECEIPT', 'TRANSFER_OUT', 'TRANSFER_IN', 'SALE',
                                                              'RETURN', 'DAMAGE', 'ADJUSTMENT')),
    quantity           bigint      not null check (quantity <> 0),
    reference          varchar(80),
    reason             varchar(200),
    other_warehouse_id bigint,
    created_by         bigint,
    created_at         timestamptz not null,
    constraint movement_sign check (
        (kind in ('RECEIPT', 'TRANSFER_IN', 'RETURN') and quantity > 0)
        or (kind in ('TRANSFER_OUT', 'SALE', 'DAMAGE') and quantity < 0)
        or kind = 'ADJUSTMENT'),
    constraint movement_damage_reason check (kind <> 'DAMAGE' or length(trim(reason)) > 0)
);
create index movement_stock on movement (warehouse_id, sku_id, id desc);
create index movement_batch on movement (batch_id);
create index movement_sales on movement (warehouse_id, created_at) where kind = 'SALE';

-- Units held at a warehouse for a demand reference (e.g. "cutoff-run:42") and SKU. answered is what the
-- first reserve() call gave (a retry returns it); held is what is still held now (receipts reserved for
-- the reference add to it, a dispatch consumes it).
create table reservation (
    reference    varchar(80) not null,
    sku_id       bigint      not null,
    warehouse_id bigint      not null,
    answered     bigint check (answered >= 0),
    held         bigint      not null default 0 check (held >= 0),
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    primary key (reference, sku_id)
);
create index reservation_stock on reservation (warehouse_id, sku_id) where held > 0;

-- A movement request applied once: a retry with the same reference changes nothing.
create table applied_request (
    reference  varchar(80) primary key,
    applied_at timestamptz not null
);

-- What a dispatch moved per SKU: wanted (ordered for the grid warehouse's pickup points) and moved (what
-- there was); the gap is wanted - moved. One row per run, grid warehouse and SKU.
create table dispatch_move (
    run_id            bigint      not null,
    grid_warehouse_id bigint      not null,
    central_id        bigint      not null,
    sku_id            bigint      not null,
    wanted            bigint      not null check (wanted >= 0),
    moved             bigint      not null check (moved >= 0 and moved <= wanted),
    moved_at          timestamptz not null,
    primary key (run_id, grid_warehouse_id, sku_id)
);
