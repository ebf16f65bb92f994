-- Complaints (投诉) with two SLA clocks (first response, resolution), their thread and photos, and each region's
-- SLA settings. The clocks are set when the complaint is filed from the region's settings of that moment.
create table complaint (
    id bigserial primary key,
    complaint_no varchar(24) not null unique,
    resident_id bigint not null,
    region_id bigint not null,
    subject varchar(20) not null check (subject in ('PRODUCT', 'LEADER', 'DELIVERY', 'SERVICE')),
    order_id bigint,
    pickup_point_id bigint,
    sku_id bigint,
    text varchar(1000) not null check (char_length(text) between 1 and 1000),
    status varchar(20) not null check (status in ('OPEN', 'RESPONDED', 'ESCALATED', 'RESOLVED', 'CLOSED')),
    assignee_id bigint,
    filed_at timestamptz not null,
    first_response_due timestamptz not null check (first_response_due > filed_at),
    first_responded_at timestamptz,
    resolution_due timestamptz not null check (resolution_due > filed_at),
    resolved_at timestamptz,
    resolution_summary varchar(1000),
    closed_at timestamptz,
    satisfaction int check (satisfaction between 1 and 5),
    -- the last escalation: when, and which clock ran out (FIRST_RESPONSE or RESOLUTION)
    escalated_at timestamptz,
    escalation_clock varchar(20) check (escalation_clock in ('FIRST_RESPONSE', 'RESOLUTION')),
    -- each clock escalates once
    first_response_escalated boolean not null default false,
    resolution_escalated boolean not null default false,
    version bigint not null default 0,
    submit_key varchar(64) not null,
    unique (resident_id, submit_key),
    check ((status = 'CLOSED') = (closed_at is not null)),
    check ((status = 'CLOSED') = (satisfaction is not null)),
    check (status not in ('RESOLVED', 'CLOSED') or (resolved_at is not null and resolution_summary is not null)),
    check (status <> 'RESPONDED' or first_responded_at is not null),
    check ((escalated_at is null) = (escalation_clock is null))
);

create index complaint_desk on complaint (region_id, status, filed_at);
create index complaint_resident on complaint (resident_id, filed_at desc);
create index complaint_assignee on complaint (assignee_id, status);
create index complaint_first_due on complaint (first_response_due) where first_responded_at is null and not first_response_escalated;
create index complaint_resolution_due on complaint (resolution_due) where resolved_at is null and not resolution_escalated;

-- the conversation: the resident, staff, and the platform's own notes (assignment, escalation)
create table complaint_message (
    id bigserial primary key,
    complaint_id bigint not null references complaint (id),
    author_id bigint,
    role varchar(20) not null check (role in ('RESIDENT', 'STAFF', 'SYSTEM')),
    body varchar(1000) not null check (char_length(body) between 1 and 1000),
    at timestamptz not null
);

create index complaint_message_thread on complaint_message (complaint_id, at, id);

create table complaint_photo (
    complaint_id bigint not null references complaint (id),
    position int not null check (position between 1 and 6),
    file_key varchar(200) not null,
    content_type varchar(40) not null,
    primary key (complaint_id, position)
);

-- a region's SLA: first response within minutes, resolution within hours; its supervisor (an operator of the
-- region) takes escalated complaints, else the platform admins do. No row: the defaults (2 h, 48 h, none).
create table complaint_settings (
    region_id bigint primary key,
    first_response_minutes int not null check (first_response_minutes between 5 and 10080),
    resolution_hours int not null check (resolution_hours between 1 and 720),
    supervisor_id bigint,
    updated_at timestamptz not null,
    updated_by bigint
);
