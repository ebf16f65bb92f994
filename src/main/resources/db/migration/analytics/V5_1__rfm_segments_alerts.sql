-- Issue 16 (rfm): RFM scores per resident (the latest nightly run), the daily segment snapshot, segment pushes,
-- alert rules and the alerts they fired.

-- One row per resident of a region: the scores of the latest run; a rerun replaces them.
create table rfm_score (
    region_id        bigint      not null,
    resident_id      bigint      not null,
    as_of            date        not null,
    last_order_on    date        not null,
    first_order_on   date        not null,
    recency_days     int         not null check (recency_days >= 0),
    orders_365       int         not null check (orders_365 >= 0),
    monetary_365_fen bigint      not null check (monetary_365_fen >= 0),
    r_score          smallint    not null check (r_score between 1 and 5),
    f_score          smallint    not null check (f_score between 1 and 5),
    m_score          smallint    not null check (m_score between 1 and 5),
    segment          varchar(20) not null check (segment in ('CHAMPIONS', 'LOYAL', 'POTENTIAL', 'NEW', 'AT_RISK',
                                                            'HIBERNATING', 'LOST')),
    primary key (region_id, resident_id)
);
create index rfm_score_segment on rfm_score (region_id, segment, monetary_365_fen desc);

-- A segment's size and value on a day: one row per region, day and segment; a rerun of the day replaces them.
create table segment_snapshot (
    region_id     bigint      not null,
    day           date        not null,
    segment       varchar(20) not null,
    residents     int         not null check (residents >= 0),
    monetary_fen  bigint      not null check (monetary_fen >= 0),
    primary key (region_id, day, segment)
);

-- A coupon or a message sent to a segment's residents; once per client key.
create table segment_push (
    id                 bigint generated always as identity primary key,
    region_id          bigint       not null,
    segment            varchar(20)  not null,
    kind               varchar(10)  not null check (kind in ('COUPON', 'MESSAGE')),
    coupon_template_id bigint,
    text               varchar(500),
    client_key         varchar(80)  not null,
    residents          int          not null check (residents >= 0),
    pushed_at          timestamptz  not null,
    pushed_by          bigint,
    constraint segment_push_client_key unique (region_id, client_key),
    constraint segment_push_what check ((kind = 'COUPON' and coupon_template_id is not null)
                                     or (kind = 'MESSAGE' and text is not null))
);

create table alert_rule (
    id               bigint generated always as identity primary key,
    region_id        bigint        not null,
    metric_key       varchar(60)   not null,
    pickup_point_id  bigint,
    period_kind      varchar(10)   not null check (period_kind in ('DAY', 'WEEK', 'MONTH', 'QUARTER')),
    kind             varchar(12)   not null check (kind in ('BELOW', 'ABOVE', 'FALLS_BY', 'RISES_BY')),
    threshold        numeric(18,4) not null,
    name             varchar(80)   not null,
    enabled          boolean       not null default true,
    created_at       timestamptz   not null,
    created_by       bigint,
    -- a change is a percentage, more than nothing
    constraint alert_rule_change_positive check (kind in ('BELOW', 'ABOVE') or threshold > 0)
);
create index alert_rule_region on alert_rule (region_id, id desc);

-- A fired alert: each rule fires at most once per period (the unique key makes a rerun of the evaluation harmless).
create table alert (
    id              bigint generated always as identity primary key,
    rule_id         bigint        not null references alert_rule (id),
    region_id       bigint        not null,
    period_kind     varchar(10)   not null,
    period_start    date          not null,
    value           numeric(20,4) not null,
    previous_value  numeric(20,4),
    raised_at       timestamptz   not null,
    acknowledged_at timestamptz,
    acknowledged_by bigint,
    constraint alert_once_per_period unique (rule_id, period_start),
    constraint alert_ack_whole check ((acknowledged_at is null) = (acknowledged_by is null))
);
create index alert_region on alert (region_id, id desc);
