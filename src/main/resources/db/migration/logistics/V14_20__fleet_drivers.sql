-- Drivers of a region (issue 14, fleet): the DRIVER accounts opened by its operators, the grid warehouse they
-- usually work from, and whether they still drive (a deactivated driver's account is disabled too).
create table driver (
    account_id          bigint       primary key,
    region_id           bigint       not null,
    grid_warehouse_id   bigint,
    active              boolean      not null default true,
    created_at          timestamptz  not null
);
create index driver_region on driver (region_id, active);
