-- The cutoff's confirming update (status PAID -> CONFIRMED, confirmed_at) becomes a HOT update: no index
-- of orders refers to status or confirmed_at any more, and each page keeps room for the new row versions.
-- Before, status was in six indexes (two keys, four partial-index predicates), so confirming 300,000
-- orders wrote a new entry in every one of them for every order (about 0.7 s per index).
-- The partial indexes say the same with the timestamps each transition sets once and the cutoff never
-- touches: paid_at (PAID), cancelled_at (CANCELLED), shipped_at (SHIPPED), ready_at (READY_FOR_PICKUP),
-- picked_up_at (PICKED_UP). Queries that use them repeat the predicate next to their status condition.

-- the status was only ever filtered after region/point and date: the rows of one day are few
drop index orders_point_date;
create index orders_point_date on orders (pickup_point_id, pickup_date);
drop index orders_region_date;
create index orders_region_date on orders (region_id, pickup_date);

-- unpaid orders to expire: PENDING_PAYMENT is "neither paid nor cancelled"
drop index orders_expiring;
create index orders_expiring on orders (expires_at) where paid_at is null and cancelled_at is null;

-- a pickup code identifies one live order at its pickup point: paid (it has a code), neither picked up
-- nor cancelled (PAID, CONFIRMED, SHIPPED, READY_FOR_PICKUP, as before)
drop index orders_live_pickup_code;
create unique index orders_live_pickup_code on orders (pickup_point_id, pickup_code)
    where pickup_code is not null and picked_up_at is null and cancelled_at is null;

-- the orders on their way (not yet dispatched, made ready, picked up or cancelled): those awaiting the
-- cutoff (PENDING_PAYMENT, PAID) are among them; confirmed ones leave at dispatch, so history stays out
drop index orders_awaiting_cutoff;
create index orders_on_the_way on orders (region_id, pickup_date, cutoff_at)
    where cancelled_at is null and shipped_at is null and ready_at is null and picked_up_at is null;

-- orders waiting at the pickup point since: made ready, neither picked up nor cancelled
drop index orders_ready_since;
create index orders_ready_since on orders (ready_at)
    where ready_at is not null and picked_up_at is null and cancelled_at is null;

-- room on each page for the confirmed version of every row of it: a cutoff confirms a whole day's orders
-- at once, and the old versions cannot be pruned while that update runs (applies to pages written from now)
alter table orders set (fillfactor = 50);
