-- Who runs a pickup point right now (the active leader's account). Modules that may not depend on
-- leader (ordering, fulfilment) scope a leader's screens through it.
create table pickup_point_keeper (
    pickup_point_id bigint      primary key references pickup_point (id),
    account_id      bigint      not null unique,
    since           timestamptz not null
);
