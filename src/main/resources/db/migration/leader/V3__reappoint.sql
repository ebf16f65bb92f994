-- A leader closed once may be appointed again (the same person, the same phone, another pickup point
-- or the same one reopened): only one leader record per account and per phone may be live at a time.
alter table leader drop constraint leader_account_id_key;
alter table leader drop constraint leader_phone_key;
create unique index leader_one_live_per_account on leader (account_id) where status <> 'CLOSED';
create unique index leader_one_live_per_phone on leader (phone) where status <> 'CLOSED';
create index leader_by_account on leader (account_id);
