-- Route execution (issue 14, driver): what the driver did at each stop, in order or not, the exceptions reported
-- on the way (with an optional photo kept by the shared file storage), the phone's positions, and the window
-- alerts raised once per stop.

create table stop_event (
    id                  bigint generated always as identity primary key,
    stop_id             bigint       not null references route_stop (id),
    route_id            bigint       not null references route (id),
    kind                varchar(12)  not null check (kind in ('ARRIVED', 'HANDED_OVER', 'SKIPPED')),
    at                  timestamptz  not null,
    by_account_id       bigint,
    -- the driver took the stops in their planned order (every earlier stop done)
    in_order            boolean      not null,
    unique (stop_id, kind)
);
create index stop_event_route on stop_event (route_id, at);

create table route_exception (
    id                  bigint generated always as identity primary key,
    route_id            bigint       not null references route (id),
    stop_id             bigint       references route_stop (id),
    kind                varchar(16)  not null check (kind in ('LATE', 'VEHICLE', 'DAMAGED_GOODS', 'OTHER')),
    reason              varchar(200) not null check (length(trim(reason)) > 0),
    photo_key           varchar(200),
    photo_type          varchar(40),
    reported_by         bigint,
    reported_at         timestamptz  not null,
    check ((photo_key is null) = (photo_type is null))
);
create index route_exception_route on route_exception (route_id, reported_at);

create table route_position (
    id                  bigint generated always as identity primary key,
    route_id            bigint       not null references route (id),
    latitude            double precision not null check (latitude between -90 and 90),
    longitude           double precision not null check (longitude between -180 and 180),
    accuracy_m          double precision check (accuracy_m >= 0),
    recorded_at         timestamptz  not null,
    received_at         timestamptz  not null
);
create index route_position_route on route_position (route_id, recorded_at desc);

-- a stop whose estimated arrival passed its window's end: raised once (StopWillBeLate)
create table late_alert (
    stop_id             bigint       primary key references route_stop (id),
    route_id            bigint       not null references route (id),
    eta                 timestamptz  not null,
    window_end          timestamptz  not null,
    raised_at           timestamptz  not null
);
