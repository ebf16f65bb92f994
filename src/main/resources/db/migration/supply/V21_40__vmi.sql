-- Supplier-managed inventory (VMI, issue 15): a supplier marked VMI sees the stock, forecast and on-order of its
-- own SKUs at the central warehouses and proposes replenishment, which an operator approves into a purchase order.
alter table supplier add column vmi boolean not null default false;

create table vmi_proposal (
    id              bigint generated always as identity primary key,
    supplier_id     bigint       not null references supplier (id),
    sku_id          bigint       not null,
    region_id       bigint       not null,
    warehouse_id    bigint       not null,
    units           int          not null check (units between 1 and 100000),
    delivery_date   date         not null,
    note            varchar(200),
    status          varchar(10)  not null default 'PROPOSED'
        check (status in ('PROPOSED', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    proposed_by     bigint,
    proposed_at     timestamptz  not null,
    decided_by      bigint,
    decided_at      timestamptz,
    reject_reason   varchar(200),
    purchase_order_id bigint     unique references purchase_order (id),
    version         bigint       not null default 0,
    check ((status = 'APPROVED') = (purchase_order_id is not null)),
    check ((status = 'REJECTED') = (reject_reason is not null)),
    check ((status = 'PROPOSED') = (decided_at is null))
);
-- at most one open proposal per SKU and central warehouse: two would order the same gap twice
create unique index vmi_proposal_open on vmi_proposal (sku_id, warehouse_id) where status = 'PROPOSED';
create index vmi_proposal_supplier on vmi_proposal (supplier_id, proposed_at desc);
create index vmi_proposal_region on vmi_proposal (region_id, status);
