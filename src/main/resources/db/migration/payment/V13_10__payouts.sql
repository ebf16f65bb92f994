-- Payouts (企业付款): money the platform pays out, a leader's withdrawal for one; one per reference, so a
-- retried payout pays once.
create table payout (
    reference          varchar(64)  primary key,
    payee_account      varchar(64)  not null,
    payee_name         varchar(60)  not null,
    amount_fen         bigint       not null check (amount_fen > 0),
    status             varchar(10)  not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    provider_payout_id varchar(64),
    failure_reason     varchar(200),
    created_at         timestamptz  not null,
    completed_at       timestamptz,
    check ((status = 'PENDING') = (completed_at is null)),
    check (status <> 'SUCCEEDED' or provider_payout_id is not null)
);

-- The simulated bank's side of payouts.
create table sim_payout (
    id             varchar(40)  primary key,
    reference      varchar(64)  not null unique,
    payee_account  varchar(64)  not null,
    amount_fen     bigint       not null check (amount_fen > 0),
    succeeded      boolean      not null,
    failure_reason varchar(300),
    created_at     timestamptz  not null
);
