-- The daily quality check's alerts: a SKU whose after-sales rate (product-cause requests per unit picked up) in
-- a region jumped on a day. Recorded once per region, SKU and day: a rerun of the check adds nothing.
create table quality_alert (
    id bigserial primary key,
    region_id bigint not null,
    sku_id bigint not null,
    sku_name varchar(200) not null,
    day date not null,
    requests int not null check (requests > 0),
    rate double precision not null check (rate >= 0),
    baseline_rate double precision not null check (baseline_rate >= 0),
    basis varchar(10) not null check (basis in ('SKU', 'CATEGORY', 'FLOOR')),
    raised_at timestamptz not null,
    raised_by varchar(60) not null,
    unique (region_id, sku_id, day)
);

create index quality_alert_region_day on quality_alert (region_id, day desc);

-- The reports and the quality check read a region's requests by the time they were submitted, whatever their
-- status (request_queue leads with the status after the region, so it would read all of the region's history).
create index request_region_submitted on request (region_id, submitted_at);
