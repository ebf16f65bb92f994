-- A cutoff rerun that raised the demand drafts the difference: a supplier whose order of the run was already
-- sent gets a second one (round 2, 3...) for the new units; a draft is topped up in place.
alter table purchase_order add column round int not null default 1 check (round >= 1);
drop index purchase_order_run_supplier;
create unique index purchase_order_run_supplier on purchase_order (cutoff_run_id, supplier_id, round)
    where cutoff_run_id is not null;
