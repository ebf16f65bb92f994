-- In-app messages (消息中心) and the record of their delivery through outbound channels (SMS, WeChat).
-- dedupe_key names the fact a message tells (the payment of order 42, the reminder for order 42 ...):
-- a redelivered event or a second run of a job finds the key taken and creates nothing.
create table message (
    id           bigint generated always as identity primary key,
    recipient_id bigint        not null,
    kind         varchar(30)   not null check (kind in ('ORDER_PAID', 'ORDER_READY', 'PICKUP_REMINDER', 'REFUND',
                                                        'ORDER_CANCELLED', 'LEADER_REFUND', 'LEADER_PICKUP_SUMMARY')),
    title        varchar(120)  not null check (length(title) > 0),
    body         varchar(1000) not null,
    link         varchar(300)  check (link ~ '^/[^/]'),
    dedupe_key   varchar(160)  not null unique,
    created_at   timestamptz   not null,
    read_at      timestamptz,
    check (read_at is null or read_at >= created_at)
);
create index message_recipient on message (recipient_id, id desc);
create index message_unread on message (recipient_id) where read_at is null;

-- One row per attempt to send a message through a channel; a failure is recorded, never hidden.
create table delivery (
    id           bigint generated always as identity primary key,
    message_id   bigint       not null references message (id),
    channel      varchar(30)  not null,
    status       varchar(10)  not null check (status in ('SENT', 'FAILED')),
    attempted_at timestamptz  not null,
    error        varchar(500),
    check ((status = 'FAILED') = (error is not null))
);
create index delivery_message on delivery (message_id);
