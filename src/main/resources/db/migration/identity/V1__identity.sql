create table account (
    id              bigint generated always as identity primary key,
    phone           varchar(20)  not null unique check (phone ~ '^1[3-9][0-9]{9}$'),
    display_name    varchar(60)  not null check (length(trim(display_name)) > 0),
    password_hash   varchar(100) not null,
    enabled         boolean      not null default true,
    failed_attempts int          not null default 0 check (failed_attempts >= 0),
    locked_until    timestamptz,
    created_at      timestamptz  not null default now()
);

create table account_role (
    account_id bigint      not null references account (id) on delete cascade,
    role       varchar(30) not null check (role in ('PLATFORM_ADMIN', 'OPERATOR', 'LEADER', 'SUPPLIER',
                                                    'WAREHOUSE_STAFF', 'DRIVER', 'RESIDENT')),
    primary key (account_id, role)
);

-- An operator works in one or more regions; region ids belong to the network module (no cross-schema FK).
create table operator_region (
    account_id bigint not null references account (id) on delete cascade,
    region_id  bigint not null,
    primary key (account_id, region_id)
);

-- API bearer tokens: only the SHA-256 of the token is stored.
create table api_token (
    token_hash char(64)    primary key,
    account_id bigint      not null references account (id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null
);
create index api_token_account on api_token (account_id);

create table audit_log (
    id         bigint generated always as identity primary key,
    at         timestamptz  not null,
    actor_id   bigint,
    actor      varchar(60),
    action     varchar(60)  not null,
    target     varchar(200),
    detail     text,
    remote_ip  varchar(64)
);
create index audit_log_at on audit_log (at desc);
