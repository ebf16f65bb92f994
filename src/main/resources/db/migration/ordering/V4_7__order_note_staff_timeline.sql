-- The resident's note to the leader, written at the review step before paying.
alter table orders add column note varchar(200);

-- Staff entries of the timeline (an operator's internal note) are shown to staff only.
alter table order_timeline add column staff_only boolean not null default false;
alter table order_timeline alter column note type varchar(400);
