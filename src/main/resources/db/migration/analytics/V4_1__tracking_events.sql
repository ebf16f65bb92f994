-- What shoppers do on the storefront (issue 16, event tracking): one row per page view, search, product view,
-- add-to-cart, checkout start, payment and share-link open. Compact: smallint codes, int ids where the id space is
-- small (regions, pickup points, SKUs, categories), a short query. Partitioned by the business day (Asia/Shanghai):
-- the recorder creates a day's partition before its first insert, the daily job creates days ahead and drops the
-- days older than linli.analytics.tracking.retention-days.
create table tracking_event (
    day             date         not null,
    at              timestamptz  not null,
    kind            smallint     not null check (kind between 1 and 7),
    client          smallint     not null check (client between 1 and 3),
    region_id       int,
    pickup_point_id int,
    resident_id     bigint,
    listing_id      bigint,
    sku_id          int,
    category_id     int,
    order_id        bigint,
    results         int          check (results >= 0),
    query           varchar(50)
) partition by range (day);

-- funnels and active users: a region's days by kind; each partition gets its own copy
create index tracking_event_region_day on tracking_event (region_id, day, kind);
