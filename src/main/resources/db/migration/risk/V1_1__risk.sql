-- issue 16: risk cases (one per subject while open), their flags with score and evidence, the accounts they hold
create table risk_case (
    id             bigint generated always as identity primary key,
    region_id      bigint       not null,
    subject_kind   varchar(16)  not null check (subject_kind in ('ACCOUNT', 'LEADER', 'DEVICE', 'PHONE_PREFIX')),
    subject_key    varchar(80)  not null,
    subject_label  varchar(120) not null,
    status         varchar(12)  not null check (status in ('OPEN', 'CONFIRMED', 'CLEARED')),
    score          int          not null check (score between 0 and 100),
    top_rule       varchar(32)  not null,
    opened_at      timestamptz  not null,
    updated_at     timestamptz  not null,
    decided_at     timestamptz,
    decided_by     bigint,
    decision_note  varchar(300),
    blocked_at     timestamptz,
    version        int          not null default 0,
    constraint risk_case_decided check ((status = 'OPEN') = (decided_at is null)),
    constraint risk_case_blocked_confirmed check (blocked_at is null or status = 'CONFIRMED')
);
-- one open case per subject: flags of a subject gather there
create unique index risk_case_one_open on risk_case (region_id, subject_kind, subject_key) where status = 'OPEN';
create index risk_case_list on risk_case (region_id, status, score desc, id desc);

create table risk_flag (
    id            bigint generated always as identity primary key,
    case_id       bigint       not null references risk_case (id),
    rule          varchar(32)  not null,
    score         int          not null check (score between 0 and 100),
    fingerprint   varchar(64)  not null,
    summary       varchar(400) not null,
    evidence      jsonb        not null,
    first_seen_at timestamptz  not null,
    last_seen_at  timestamptz  not null,
    constraint risk_flag_one_per_rule unique (case_id, rule)
);
create index risk_flag_fingerprint on risk_flag (fingerprint);

-- the accounts a case holds (payouts, coupon use) while it is OPEN or CONFIRMED
create table risk_case_account (
    case_id    bigint not null references risk_case (id),
    account_id bigint not null,
    primary key (case_id, account_id)
);
create index risk_case_account_by_account on risk_case_account (account_id);
