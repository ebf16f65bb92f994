-- Every change of an account's roles, regions, enabled state or password raises its security version:
-- a session signed in under an older version ends at its next request, on whichever node.
alter table account add column security_version bigint not null default 0;
-- The platform admin with a generated password must choose their own at first sign-in.
alter table account add column password_change_required boolean not null default false;
-- Failed sign-ins no longer lock an account (anyone could lock anyone out): sign_in_throttle delays attempts.
alter table account drop column failed_attempts;
alter table account drop column locked_until;

-- Failed sign-ins per phone ('phone:...') and per client address ('ip:...'): after a few free failures,
-- further attempts wait until blocked_until, a delay that doubles with each failure.
create table sign_in_throttle (
    key             varchar(100) primary key,
    failures        int          not null check (failures > 0),
    last_failure_at timestamptz  not null,
    blocked_until   timestamptz
);
create index sign_in_throttle_last_failure on sign_in_throttle (last_failure_at);
