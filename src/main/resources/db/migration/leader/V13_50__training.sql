-- Training (培训): courses per region with a short quiz each; the region's basic path is its courses
-- with a path position, in that order. Region ids belong to network (no cross-schema reference).
create table training_course (
    id            bigint generated always as identity primary key,
    region_id     bigint       not null,
    title         varchar(80)  not null check (length(trim(title)) > 0 and title = trim(title)),
    category      varchar(20)  not null check (category in ('PLATFORM', 'PRODUCT', 'MARKETING', 'SERVICE')),
    body          text         not null check (length(trim(body)) > 0 and length(body) <= 20000),
    image_urls    text[]       not null default '{}',
    video_urls    text[]       not null default '{}',
    -- its place in the region's basic path for new leaders; null: an elective course
    path_position integer      check (path_position between 1 and 100),
    pass_mark     integer      not null check (pass_mark between 0 and 100),
    version       integer      not null default 0,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);
create index training_course_region on training_course (region_id, path_position);

-- A course's quiz: each question has two or more options and at least one correct option.
create table training_question (
    id        bigint generated always as identity primary key,
    course_id bigint      not null references training_course (id) on delete cascade,
    position  integer     not null check (position >= 1),
    text      varchar(300) not null check (length(trim(text)) > 0),
    options   text[]      not null check (cardinality(options) between 2 and 8),
    correct   integer[]   not null check (cardinality(correct) >= 1),
    unique (course_id, position)
);

-- A leader's progress in a course: started when first opened, every attempt counted, passed once.
create table training_progress (
    leader_id  bigint      not null references leader (id),
    course_id  bigint      not null references training_course (id) on delete cascade,
    started_at timestamptz not null,
    attempts   integer     not null default 0 check (attempts >= 0),
    last_score integer     check (last_score between 0 and 100),
    best_score integer     check (best_score between 0 and 100),
    passed_at  timestamptz,
    primary key (leader_id, course_id),
    check (passed_at is null or (best_score is not null and attempts >= 1))
);

-- The training gate per region: while on, a leader appointed since it was switched on has their pickup
-- point held (no orders) until they pass the region's basic path. Off (no row) by default.
create table training_gate (
    region_id  bigint      primary key,
    enabled    boolean     not null,
    since      timestamptz,
    updated_at timestamptz not null,
    check (not enabled or since is not null)
);

-- Leaders whose pickup point waits for their training; released_at when it opened.
create table training_hold (
    leader_id       bigint      primary key references leader (id),
    pickup_point_id bigint      not null,
    region_id       bigint      not null,
    held_at         timestamptz not null,
    released_at     timestamptz
);
