-- After-sales (issue 12). A refund for a cause the supplier answers for (quality) charges the supplier back once
-- per after-sales request; the request id is kept on the chargeback, unique.
alter table chargeback add column aftersales_request_id bigint unique;

-- After-sales requests about goods a supplier delivered, for its scorecard: attributed to the purchase order of
-- the region and pickup date that carried the SKU (po_id), else to the product's default supplier (po_id null).
-- units: the units the request is about; refunded_quality_units: units refunded (or replaced) for quality.
-- dropped: the request was rejected or withdrawn (it no longer counts as a case). A row may come from a later
-- event before the request's own (listeners run apart): then only request_id and what that event knows are set.
create table aftersales_case (
    request_id             bigint       primary key,
    supplier_id            bigint       references supplier (id),
    po_id                  bigint       references purchase_order (id),
    region_id              bigint,
    sku_id                 bigint,
    pickup_date            date,
    reason                 varchar(12)  check (reason in ('QUALITY', 'WRONG_ITEM', 'MISSING', 'DAMAGED', 'EXPIRED', 'OTHER')),
    product_cause          boolean      not null default false,
    units                  int          not null default 0 check (units >= 0),
    refunded_quality_units int          not null default 0 check (refunded_quality_units >= 0),
    dropped                boolean      not null default false,
    check (supplier_id is null or (sku_id is not null and pickup_date is not null and reason is not null))
);
create index aftersales_case_supplier on aftersales_case (supplier_id, pickup_date);

-- Complaints about a product (subject PRODUCT with a SKU), one unit each on the supplier's scorecard.
create table product_complaint (
    complaint_id bigint      primary key,
    supplier_id  bigint      not null references supplier (id),
    po_id        bigint      references purchase_order (id),
    region_id    bigint      not null,
    sku_id       bigint      not null,
    filed_on     date        not null
);
create index product_complaint_supplier on product_complaint (supplier_id, filed_on);
