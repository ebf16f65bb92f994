-- The Order aggregate is saved with a compare-and-set on its version: a save that finds another version
-- lost a race and is refused (never applied over the other change). Not indexed, so a status move stays
-- a HOT update where it was one; a constant default adds the column without rewriting the table.
alter table orders add column version bigint not null default 0;
