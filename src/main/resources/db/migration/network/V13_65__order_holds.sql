-- A pickup point that is open (residents bind, leaders hand out) but does not take orders yet, for a
-- reason: TRAINING (its new leader has not passed the region's basic training path). Orders are
-- refused while any hold is on; lifting the last hold opens the point for orders.
create table pickup_point_order_hold (
    pickup_point_id bigint      not null references pickup_point (id),
    reason          varchar(20) not null check (reason in ('TRAINING')),
    since           timestamptz not null,
    primary key (pickup_point_id, reason)
);
