-- A truck leaves only with its goods there, or on staff's override with a reason (kept with the units it
-- lacked); a later truck may carry goods received since for orders already on their way (no new orders).
alter table dispatch add column override_reason varchar(200);
alter table dispatch add column missing_units bigint not null default 0 check (missing_units >= 0);
alter table dispatch drop constraint dispatch_orders_shipped_check;
alter table dispatch add constraint dispatch_orders_shipped check (orders_shipped >= 0);
alter table dispatch add constraint dispatch_override_reason check (missing_units = 0 or override_reason is not null);
