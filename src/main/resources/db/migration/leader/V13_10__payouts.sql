-- Settlement and withdrawals (issue 13). Region ids belong to network (no cross-schema references).

-- One row per accrual: pending until matures_at (its pickup plus the after-sales window), then matured.
-- reversed_fen: how much of the accrual's reversals the balance has taken already (an event told twice moves
-- the balance once).
create table commission_settlement (
    entry_id     bigint      primary key references commission_entry (id),
    leader_id    bigint      not null references leader (id),
    matures_at   timestamptz not null,
    matured_at   timestamptz,
    reversed_fen bigint      not null default 0 check (reversed_fen >= 0)
);
create index commission_settlement_due on commission_settlement (matures_at) where matured_at is null;
create index commission_settlement_leader on commission_settlement (leader_id) where matured_at is null;

-- A leader's money: accrued − reversed − in_flight − paid = pending + available (the ledger's balance_fen,
-- checked nightly). A withdrawal takes from available only by "update ... where available_fen >= amount", so
-- concurrent requests never overdraw it; available goes below zero only when a refund reverses commission
-- that was withdrawn already.
create table commission_balance (
    leader_id     bigint primary key references leader (id),
    pending_fen   bigint not null default 0 check (pending_fen >= 0),
    available_fen bigint not null default 0,
    in_flight_fen bigint not null default 0 check (in_flight_fen >= 0),
    paid_fen      bigint not null default 0 check (paid_fen >= 0)
);

-- Withdrawals (提现): REQUESTED -> APPROVED -> PAID | FAILED, or REQUESTED -> REJECTED (with a reason).
create table withdrawal (
    id              bigint generated always as identity primary key,
    leader_id       bigint       not null references leader (id),
    region_id       bigint       not null,
    amount_fen      bigint       not null check (amount_fen > 0),
    status          varchar(10)  not null check (status in ('REQUESTED', 'APPROVED', 'PAID', 'REJECTED', 'FAILED')),
    requested_month date         not null check (extract(day from requested_month) = 1),
    requested_at    timestamptz  not null,
    decided_at      timestamptz,
    decided_by      bigint,
    reject_reason   varchar(200),
    completed_at    timestamptz,
    failure_reason  varchar(200),
    version         int          not null default 0,
    check ((status = 'REQUESTED') = (decided_at is null)),
    check ((status = 'REJECTED') = (reject_reason is not null)),
    check ((status = 'FAILED') = (failure_reason is not null)),
    check ((status in ('PAID', 'FAILED', 'REJECTED')) = (completed_at is not null))
);
create index withdrawal_leader on withdrawal (leader_id, id desc);
create index withdrawal_region_status on withdrawal (region_id, status, id desc);
create index withdrawal_approved on withdrawal (decided_at) where status = 'APPROVED';

-- The ledger written before settlement existed: every accrual pending, matured by the next settlement round
-- (its pickup plus the default window of 7 days).
insert into commission_settlement (entry_id, leader_id, matures_at, reversed_fen)
select id, leader_id, occurred_at + interval '7 days', reversed_fen from commission_entry where kind = 'ACCRUAL';
insert into commission_balance (leader_id, pending_fen)
select leader_id, sum(amount_fen - reversed_fen) from commission_entry where kind = 'ACCRUAL' group by leader_id;
