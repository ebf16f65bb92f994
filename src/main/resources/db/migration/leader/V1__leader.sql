-- Group leaders (团长): who runs which pickup point. Account, pickup point and region ids belong to
-- identity and network (no cross-schema references).
create table leader (
    id                bigint generated always as identity primary key,
    account_id        bigint      not null unique,
    -- the name residents know the leader by, and their phone (the account's login)
    name              varchar(30) not null check (length(trim(name)) > 0 and name = trim(name)),
    phone             varchar(20) not null unique check (phone ~ '^1[3-9][0-9]{9}$'),
    pickup_point_id   bigint      not null,
    region_id         bigint      not null,
    status            varchar(12) not null check (status in ('ACTIVE', 'SUSPENDED', 'CLOSED')),
    since             date        not null,
    status_changed_at timestamptz not null,
    created_at        timestamptz not null
);

-- One leader per pickup point: a suspended leader still holds the point, a closed one frees it.
create unique index leader_one_per_pickup_point on leader (pickup_point_id) where status in ('ACTIVE', 'SUSPENDED');
create index leader_region_status on leader (region_id, status);
