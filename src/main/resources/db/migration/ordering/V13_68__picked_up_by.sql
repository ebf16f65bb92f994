-- Who handed the order out last: the leader or their helper (核销员, issue 13); account ids belong to identity.
alter table orders add column picked_up_by bigint;
