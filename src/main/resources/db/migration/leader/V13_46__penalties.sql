-- Penalties of leaders (issue 13): rules per region (region_id 0 = the platform's defaults) and the penalty records.
create table penalty_rule (
    region_id             bigint primary key,
    inactive_days         int not null check (inactive_days between 1 and 90),
    late_receipts         int not null check (late_receipts between 1 and 30),
    complaint_rate_bp     int not null check (complaint_rate_bp between 1 and 10000),
    min_orders_for_rate   int not null check (min_orders_for_rate >= 1),
    lower_band_reduction_bp int not null check (lower_band_reduction_bp between 0 and 5000),
    updated_at            timestamptz not null default now()
);
insert into penalty_rule values (0, 7, 3, 1000, 10, 200, now());

-- A penalty: PROPOSED -> ACTIVE -> EXPIRED, or REVOKED from PROPOSED or ACTIVE. One open (PROPOSED or ACTIVE)
-- penalty per leader and reason, so a nightly evaluation run twice proposes nothing new.
create table penalty (
    id            bigint generated always as identity primary key,
    leader_id     bigint       not null references leader (id),
    region_id     bigint       not null,
    kind          varchar(12)  not null check (kind in ('WARNING', 'LOWER_BAND', 'SUSPENSION')),
    reason        varchar(16)  not null check (reason in ('INACTIVITY', 'LATE_RECEIPTS', 'COMPLAINTS', 'OPERATOR')),
    detail        varchar(300) not null,
    status        varchar(10)  not null check (status in ('PROPOSED', 'ACTIVE', 'EXPIRED', 'REVOKED')),
    created_at    timestamptz  not null,
    created_by    varchar(60)  not null,
    starts_at     timestamptz,
    ends_at       timestamptz,
    decided_by    varchar(60),
    revoke_reason varchar(200),
    version       bigint       not null default 0,
    constraint penalty_active_has_start check (status <> 'ACTIVE' or starts_at is not null),
    constraint penalty_revoked_has_reason check (status <> 'REVOKED' or revoke_reason is not null)
);
create unique index penalty_one_open_per_reason on penalty (leader_id, reason, kind)
    where status in ('PROPOSED', 'ACTIVE') and reason <> 'OPERATOR';
create index penalty_by_region on penalty (region_id, status);
create index penalty_by_leader on penalty (leader_id, created_at);

-- Residents and orders moved from one pickup point to another (a suspension, or an operator's 更换团长).
create table reassignment (
    id             bigint generated always as identity primary key,
    leader_id      bigint,
    region_id      bigint       not null,
    subject        varchar(10)  not null check (subject in ('RESIDENT', 'ORDER')),
    subject_id     bigint       not null,
    from_point_id  bigint       not null,
    to_point_id    bigint,
    outcome        varchar(10)  not null check (outcome in ('MOVED', 'CANCELLED', 'STAYED', 'UNMOVED')),
    reason         varchar(200) not null,
    at             timestamptz  not null,
    by_actor       varchar(60)  not null,
    check (outcome <> 'MOVED' or to_point_id is not null)
);
create index reassignment_by_leader on reassignment (leader_id, at);
create index reassignment_by_region on reassignment (region_id, at);
