-- A line may earn the rate its listing sets for the leader (marketing's per-item commission override).
alter table commission_entry drop constraint commission_entry_rate_source_check;
alter table commission_entry add constraint commission_entry_rate_source_check
    check (rate_source in ('BAND', 'CATEGORY', 'LISTING'));
