-- Group-buy teams (拼团). A listing's team terms; the teams residents open on it; each team's places, one
-- per order. The database keeps a team within its size under any concurrency: a place is taken by a
-- conditional update (members < team_size, still OPEN, before the deadline) and the checks below.
create table team_terms (
    listing_id         bigint      primary key references listing (id),
    region_id          bigint      not null,
    team_size          int         not null check (team_size between 2 and 50),
    time_limit_minutes int         not null check (time_limit_minutes between 1 and 10080),
    team_price_fen     bigint      not null check (team_price_fen > 0),
    allow_fewer        boolean     not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);

create table team (
    id           bigint      generated always as identity primary key,
    listing_id   bigint      not null references team_terms (listing_id),
    region_id    bigint      not null,
    opened_by    bigint      not null,
    team_size    int         not null check (team_size between 2 and 50),
    allow_fewer  boolean     not null,
    -- places held (orders placed and not cancelled) and the paid ones among them, while the team is OPEN
    members      int         not null default 0,
    paid_members int         not null default 0,
    status       varchar(10) not null default 'OPEN' check (status in ('OPEN', 'FILLED', 'EXPIRED')),
    opened_at    timestamptz not null,
    deadline_at  timestamptz not null,
    closed_at    timestamptz,
    version      int         not null default 0,
    constraint team_within_size check (members between 0 and team_size),
    constraint team_paid_within_members check (paid_members between 0 and members),
    constraint team_deadline_after_opening check (deadline_at > opened_at),
    constraint team_closed_has_time check ((status = 'OPEN') = (closed_at is null))
);

-- The expiry job: open teams by deadline.
create index team_open_by_deadline on team (deadline_at) where status = 'OPEN';
-- The storefront and console: a listing's teams.
create index team_by_listing on team (listing_id, status);

-- A place in a team: one per order (a retry of the same order takes no second place).
create table team_member (
    order_id    bigint      primary key,
    team_id     bigint      not null references team (id),
    resident_id bigint      not null,
    joined_at   timestamptz not null,
    paid_at     timestamptz,
    released_at timestamptz
);

-- A resident holds at most one place in a team (joining one's own team twice is refused here too).
create unique index team_member_once on team_member (team_id, resident_id) where released_at is null;
create index team_member_by_team on team_member (team_id);
