-- One index less to write on every submit and on every status change (the cutoff rewrites each order):
-- a resident's orders, newest first, are found through the idempotency key's unique index, whose first
-- column is the resident (a resident's few hundred orders are sorted in memory).
drop index orders_resident;
