-- A leader's helpers at the pickup point (核销员, issue 13): accounts with the VERIFIER role that may hand out
-- orders at this point only. Account and pickup point ids belong to identity and network (no cross-schema
-- references). A removed helper keeps their row (removed_at) for the record; their account is disabled.
create table pickup_helper (
    id              bigint generated always as identity primary key,
    leader_id       bigint      not null references leader (id),
    pickup_point_id bigint      not null,
    account_id      bigint      not null,
    name            varchar(30) not null check (length(trim(name)) > 0 and name = trim(name)),
    phone           varchar(20) not null check (phone ~ '^1[3-9][0-9]{9}$'),
    added_at        timestamptz not null,
    added_by        bigint,
    removed_at      timestamptz,
    removed_by      bigint
);
-- an account helps at one point at a time
create unique index pickup_helper_one_point_per_account on pickup_helper (account_id) where removed_at is null;
create index pickup_helper_leader on pickup_helper (leader_id) where removed_at is null;
