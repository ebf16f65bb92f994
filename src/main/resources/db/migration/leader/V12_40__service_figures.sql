-- A leader's service as residents see it (issue 12, after-sales): the stars they gave the leader's service in
-- their reviews, and the complaints about the leader (subject LEADER) with the satisfaction of their close.
-- Each row is kept for the leader who held the pickup point at the time; review, complaint and pickup point ids
-- belong to aftersales and network (no cross-schema references). One row per review / complaint: an event
-- delivered twice changes nothing.
create table service_rating (
    review_id       bigint      primary key,
    leader_id       bigint      not null references leader (id),
    pickup_point_id bigint      not null,
    stars           int         not null check (stars between 1 and 5),
    rated_at        timestamptz not null
);
create index service_rating_leader on service_rating (leader_id);

create table service_complaint (
    complaint_id    bigint      primary key,
    leader_id       bigint      not null references leader (id),
    pickup_point_id bigint      not null,
    filed_at        timestamptz not null,
    satisfaction    int         check (satisfaction between 1 and 5),
    closed_at       timestamptz,
    check ((satisfaction is null) = (closed_at is null))
);
create index service_complaint_leader on service_complaint (leader_id, filed_at);
