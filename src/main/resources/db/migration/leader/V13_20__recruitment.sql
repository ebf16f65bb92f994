-- Recruitment of leaders (招募): applications from the public page, the SMS codes that prove the phone,
-- and the photos of the proposed pickup point. Region, community, pickup point and account ids belong to
-- network and identity (no cross-schema references).

-- One-time codes sent by SMS to prove an applicant's phone; only a hash of the code is kept.
create table phone_code (
    id         bigint generated always as identity primary key,
    phone      varchar(20) not null check (phone ~ '^1[3-9][0-9]{9}$'),
    code_hash  varchar(64) not null,
    sent_at    timestamptz not null,
    expires_at timestamptz not null,
    attempts   integer     not null default 0 check (attempts between 0 and 5),
    used_at    timestamptz,
    check (expires_at > sent_at)
);
create index phone_code_by_phone on phone_code (phone, sent_at desc);

create table application (
    id                bigint generated always as identity primary key,
    application_no    varchar(20)  not null unique check (application_no ~ '^LA[0-9A-Z]{6,18}$'),
    status            varchar(20)  not null
        check (status in ('SUBMITTED', 'MORE_INFO_REQUESTED', 'APPROVED', 'REJECTED')),
    version           integer      not null default 0,
    region_id         bigint       not null,
    community_id      bigint       not null,
    name              varchar(30)  not null check (length(trim(name)) > 0 and name = trim(name)),
    phone             varchar(20)  not null check (phone ~ '^1[3-9][0-9]{9}$'),
    -- only the first four and last four characters of the ID number are ever stored
    id_number_masked  varchar(18)  not null check (id_number_masked ~ '^[0-9]{4}\*{10}[0-9]{3}[0-9X]$'),
    point_kind        varchar(16)  not null check (point_kind in ('SHOP', 'HOME', 'PROPERTY_OFFICE')),
    point_name        varchar(60)  not null check (length(trim(point_name)) > 0),
    address           varchar(200) not null check (length(trim(address)) > 0),
    latitude          double precision not null check (latitude between -90 and 90),
    longitude         double precision not null check (longitude between -180 and 180),
    opens_at          time         not null,
    closes_at         time         not null,
    followers         integer      not null check (followers between 0 and 100000),
    households        integer      not null check (households between 0 and 100000),
    storage_sqm       integer      not null check (storage_sqm between 0 and 10000),
    referral_code     varchar(16),
    -- the recruitment standards' score when submitted (or answered): its parts and total, 0..100
    score_households  integer      not null check (score_households between 0 and 30),
    score_followers   integer      not null check (score_followers between 0 and 30),
    score_storage     integer      not null check (score_storage between 0 and 20),
    score_distance    integer      not null check (score_distance between 0 and 20),
    score             integer      not null check (score = score_households + score_followers + score_storage + score_distance),
    nearest_point_m   integer,
    checklist         varchar(200) not null default '',
    reason            varchar(300),
    question          varchar(300),
    answer            varchar(500),
    pickup_point_id   bigint,
    leader_id         bigint,
    decided_by        bigint,
    submitted_at      timestamptz  not null,
    updated_at        timestamptz  not null,
    check (opens_at < closes_at),
    check (status <> 'APPROVED' or (pickup_point_id is not null and leader_id is not null)),
    check (status <> 'REJECTED' or reason is not null),
    check (status <> 'MORE_INFO_REQUESTED' or question is not null)
);
-- one open application per phone
create unique index application_one_open_per_phone on application (phone)
    where status in ('SUBMITTED', 'MORE_INFO_REQUESTED');
create index application_queue on application (region_id, status, submitted_at);

create table application_photo (
    application_id bigint       not null references application (id),
    position       integer      not null check (position between 0 and 5),
    storage_key    varchar(200) not null,
    content_type   varchar(40)  not null,
    primary key (application_id, position)
);
