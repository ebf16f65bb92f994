-- After-sales requests, the requests part's own tables: photos, the thread, the units each line's open requests
-- hold, quick-refund settings per region and the after-sales window per category.

alter table request add column after_pickup boolean not null default true;

create sequence request_no_seq;

-- The thread of a request: the resident's first description, operators' questions and decisions, the
-- resident's answers, the leader's confirmation. author_kind says who wrote it.
create table request_message (
    id bigserial primary key,
    request_id bigint not null references request (id),
    author_kind varchar(10) not null check (author_kind in ('RESIDENT', 'OPERATOR', 'LEADER', 'SYSTEM')),
    author_id bigint,
    body varchar(1000) not null,
    created_at timestamptz not null
);
create index request_message_request on request_message (request_id, id);

-- Photos of a request (message_id null: filed with the request) or of an answer in the thread.
create table request_photo (
    id bigserial primary key,
    request_id bigint not null references request (id),
    message_id bigint references request_message (id),
    storage_key varchar(200) not null unique,
    content_type varchar(40) not null,
    created_at timestamptz not null
);
create index request_photo_request on request_photo (request_id);

-- The units of an order line that open (submitted, waiting for information, approved) or exchanged requests
-- hold: a submit adds its units with a conditional update that never lets them pass what the line may still
-- give back (cap), so two concurrent requests for the same units cannot both pass; a refund takes the units
-- off both (they leave the line), a rejection or withdrawal gives them back.
create table line_claim (
    line_id bigint primary key,
    order_id bigint not null,
    cap int not null check (cap >= 0),
    claimed int not null default 0 check (claimed >= 0 and claimed <= cap)
);

-- Quick refund (极速退款) per region: a refund only of at most max_fen, for a resident whose after-sales
-- refunds over the last 90 days are at most max_rate_bp of what they paid, is approved and refunded at once.
-- A region without a row uses the defaults (enabled, ¥30, 15 %).
create table quick_refund_setting (
    region_id bigint primary key,
    enabled boolean not null,
    max_fen bigint not null check (max_fen between 0 and 100000000),
    max_rate_bp int not null check (max_rate_bp between 0 and 10000),
    updated_at timestamptz not null,
    updated_by bigint
);

-- The after-sales window of a category, in hours after pickup; without a row a fresh SKU (chilled, frozen or
-- a shelf life of at most 7 days) has 48 hours and any other 7 days (168 hours).
create table window_rule (
    category_id bigint primary key,
    hours int not null check (hours between 1 and 2160)
);
