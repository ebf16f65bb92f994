-- The platform's record of payments and refunds. Amounts are integer fen.
-- refunded_fen counts refunds that succeeded or are in progress, so that concurrent refunds can never
-- promise more than was paid: the check below is the last line of defence, a conditional update the first.
create table payment (
    id                      bigint generated always as identity primary key,
    merchant_reference      varchar(64)  not null unique,
    description             varchar(200) not null,
    amount_fen              bigint       not null check (amount_fen > 0),
    refunded_fen            bigint       not null default 0 check (refunded_fen >= 0),
    status                  varchar(12)  not null check (status in ('PENDING', 'SUCCEEDED', 'CLOSED')),
    provider                varchar(20)  not null,
    provider_transaction_id varchar(64)  not null unique,
    cashier_url             varchar(500) not null,
    payer_account_id        bigint,
    created_at              timestamptz  not null,
    expires_at              timestamptz  not null,
    paid_at                 timestamptz,
    closed_at               timestamptz,
    check (refunded_fen <= amount_fen),
    check ((status = 'SUCCEEDED') = (paid_at is not null)),
    check (refunded_fen = 0 or status = 'SUCCEEDED')
);
create index payment_pending on payment (created_at) where status = 'PENDING';
create index payment_payer on payment (payer_account_id);

create table refund (
    id                 bigint generated always as identity primary key,
    payment_id         bigint       not null references payment (id),
    refund_reference   varchar(64)  not null unique,
    amount_fen         bigint       not null check (amount_fen > 0),
    reason             varchar(200),
    status             varchar(12)  not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    provider_refund_id varchar(64),
    failure_reason     varchar(200),
    created_at         timestamptz  not null,
    completed_at       timestamptz,
    check ((status = 'PENDING') = (completed_at is null))
);
create index refund_payment on refund (payment_id);
create index refund_pending on refund (created_at) where status = 'PENDING';

-- The simulated provider's "bank side": its own state, kept apart from the platform's records above,
-- as a real provider's would be. Only the simulated provider reads or writes the sim_ tables.
create table sim_transaction (
    id                 varchar(40)  primary key,
    merchant_reference varchar(64)  not null unique,
    description        varchar(200) not null,
    amount_fen         bigint       not null check (amount_fen > 0),
    refunded_fen       bigint       not null default 0 check (refunded_fen >= 0),
    status             varchar(10)  not null check (status in ('NOT_PAID', 'PAID', 'CLOSED')),
    payer_account_id   bigint,
    created_at         timestamptz  not null,
    expires_at         timestamptz  not null,
    paid_at            timestamptz,
    closed_at          timestamptz,
    check (refunded_fen <= amount_fen),
    check ((status = 'PAID') = (paid_at is not null)),
    check (refunded_fen = 0 or status = 'PAID')
);

create table sim_refund (
    id               varchar(40) primary key,
    transaction_id   varchar(40) not null references sim_transaction (id),
    refund_reference varchar(64) not null unique,
    amount_fen       bigint      not null check (amount_fen > 0),
    created_at       timestamptz not null
);

-- One row per payment notification the bank owes the platform; a poller sends the due ones and
-- reschedules failures with backoff, so retries survive a restart.
create table sim_notification (
    id              bigint generated always as identity primary key,
    transaction_id  varchar(40) not null references sim_transaction (id),
    attempts        int         not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz,
    delivered_at    timestamptz,
    gave_up_at      timestamptz,
    created_at      timestamptz not null,
    check (delivered_at is null or gave_up_at is null)
);
create index sim_notification_due on sim_notification (next_attempt_at)
    where delivered_at is null and gave_up_at is null;

-- Every HTTP attempt of a notification, with the platform's answer: the bank's delivery log.
create table sim_notification_attempt (
    id              bigint generated always as identity primary key,
    notification_id bigint       not null references sim_notification (id),
    attempt         int          not null check (attempt > 0),
    duplicate       boolean      not null default false,
    at              timestamptz  not null,
    http_status     int,
    error           varchar(500)
);
create index sim_notification_attempt_notification on sim_notification_attempt (notification_id);
