-- After-sales requests (售后申请) on order lines: the core columns that reports and the other parts read.
-- The requests' own details (photos, the thread, region settings) come in later migrations of the V12_1x range.
create table request (
    id bigserial primary key,
    request_no varchar(24) not null unique,
    resident_id bigint not null,
    order_id bigint not null,
    order_no varchar(32) not null,
    line_id bigint not null,
    region_id bigint not null,
    pickup_point_id bigint not null,
    pickup_date date not null,
    sku_id bigint not null,
    product_id bigint,
    category_id bigint,
    supplier_id bigint,
    sku_name varchar(200) not null,
    kind varchar(20) not null check (kind in ('REFUND_ONLY', 'RETURN_AND_REFUND', 'EXCHANGE')),
    reason varchar(20) not null
        check (reason in ('QUALITY', 'WRONG_ITEM', 'MISSING', 'DAMAGED', 'EXPIRED', 'OTHER')),
    description varchar(500),
    quantity int not null check (quantity between 1 and 999),
    -- what the units paid: their share of the line's paid amount (the most a refund gives back)
    amount_fen bigint not null check (amount_fen >= 0),
    refunded_fen bigint check (refunded_fen >= 0 and refunded_fen <= amount_fen),
    status varchar(20) not null check (status in ('SUBMITTED', 'INFO_REQUESTED', 'APPROVED', 'REFUNDED',
        'EXCHANGED', 'REJECTED', 'WITHDRAWN')),
    quick boolean not null default false,
    submit_key varchar(64) not null,
    submitted_at timestamptz not null,
    decided_at timestamptz,
    decided_by bigint,
    decision_note varchar(500),
    return_collected_at timestamptz,
    return_collected_by bigint,
    completed_at timestamptz,
    refund_reference varchar(60) unique,
    replacement_order_id bigint,
    version bigint not null default 0,
    unique (resident_id, submit_key)
);

create index request_queue on request (region_id, status, submitted_at);
create index request_resident on request (resident_id, submitted_at desc);
create index request_line on request (line_id);
create index request_pickup_point on request (pickup_point_id, status);
create index request_sku_day on request (sku_id, region_id, submitted_at);
