-- A purchase order is saved with a compare-and-set on its version: two people (or two clicks) that changed
-- the same order from the same state cannot both win, whatever the change (a partial receipt keeps the status).
alter table purchase_order add column version bigint not null default 0;
