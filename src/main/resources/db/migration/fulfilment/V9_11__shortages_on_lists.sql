-- Lines refunded after the cutoff (short from the supplier, rejected at receiving, missing at the pickup
-- point) stay on the sorting lists, marked: short_quantity of a line's quantity will not arrive. The pick
-- lines and pickup point totals count the units that will arrive (units) and those that will not (short_units).
alter table sorting_line add column short_quantity int not null default 0;
alter table sorting_line add constraint sorting_line_short check (short_quantity between 0 and quantity);
alter table pick_line drop constraint pick_line_units_check;
alter table pick_line add constraint pick_line_units check (units >= 0);
alter table pick_line add column short_units bigint not null default 0 check (short_units >= 0);
alter table cutoff_pickup_point add column short_units bigint not null default 0 check (short_units >= 0);
