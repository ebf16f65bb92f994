-- The physical network of the business: regions (cities), their central and grid warehouses,
-- communities, the pickup points in them, and which pickup point each resident collects from.

create table region (
    id         bigint generated always as identity primary key,
    name       varchar(60) not null unique check (length(trim(name)) > 0 and name = trim(name)),
    code       varchar(20) not null unique check (code ~ '^[A-Z][A-Z0-9_-]{1,19}$'),
    -- an IANA zone id such as Asia/Shanghai (checked against the JVM's zone rules when written)
    zone       varchar(64) not null check (zone ~ '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$'),
    active     boolean     not null default true,
    created_at timestamptz not null
);

create table warehouse (
    id         bigint generated always as identity primary key,
    region_id  bigint           not null references region (id),
    kind       varchar(10)      not null check (kind in ('CENTRAL', 'GRID')),
    name       varchar(60)      not null check (length(trim(name)) > 0 and name = trim(name)),
    address    varchar(200)     not null check (length(trim(address)) > 0),
    latitude   double precision not null check (latitude between -90 and 90),
    longitude  double precision not null check (longitude between -180 and 180),
    active     boolean          not null default true,
    created_at timestamptz      not null,
    unique (region_id, name),
    -- target of pickup_point's composite reference: "a GRID warehouse of this region"
    unique (id, region_id, kind)
);

create table community (
    id         bigint generated always as identity primary key,
    region_id  bigint           not null references region (id),
    name       varchar(60)      not null check (length(trim(name)) > 0 and name = trim(name)),
    district   varchar(40)      not null check (length(trim(district)) > 0 and district = trim(district)),
    address    varchar(200)     not null check (length(trim(address)) > 0),
    latitude   double precision not null check (latitude between -90 and 90),
    longitude  double precision not null check (longitude between -180 and 180),
    households integer          not null check (households >= 0),
    created_at timestamptz      not null,
    unique (region_id, district, name),
    -- target of pickup_point's composite reference: "a community of this region"
    unique (id, region_id)
);

create table pickup_point (
    id                bigint generated always as identity primary key,
    region_id         bigint           not null references region (id),
    community_id      bigint           not null,
    grid_warehouse_id bigint           not null,
    -- constant, so that the reference below can only hit a GRID warehouse
    grid_kind         varchar(10)      not null default 'GRID' check (grid_kind = 'GRID'),
    name              varchar(60)      not null check (length(trim(name)) > 0 and name = trim(name)),
    address           varchar(200)     not null check (length(trim(address)) > 0),
    latitude          double precision not null check (latitude between -90 and 90),
    longitude         double precision not null check (longitude between -180 and 180),
    opens_at          time             not null,
    closes_at         time             not null,
    active            boolean          not null default true,
    created_at        timestamptz      not null,
    check (opens_at < closes_at),
    unique (community_id, name),
    -- the community and the grid warehouse are both of the pickup point's region
    foreign key (community_id, region_id) references community (id, region_id),
    foreign key (grid_warehouse_id, region_id, grid_kind) references warehouse (id, region_id, kind)
);
create index pickup_point_region_active on pickup_point (region_id) where active;
create index pickup_point_warehouse on pickup_point (grid_warehouse_id);

-- One row per resident (identity's account id; no cross-schema reference), changed in place.
create table resident_pickup_point (
    account_id      bigint      primary key,
    pickup_point_id bigint      not null references pickup_point (id),
    bound_at        timestamptz not null
);
create index resident_pickup_point_point on resident_pickup_point (pickup_point_id);
