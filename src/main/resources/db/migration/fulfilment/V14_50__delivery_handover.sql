-- Issue 14 (logistics): the driver handed a pickup point's goods of a pickup date to its leader; the leader's
-- receipt follows as before. Once per pickup point and date.
create table delivery_handover (
    id                  bigint generated always as identity primary key,
    pickup_point_id     bigint       not null,
    pickup_date         date         not null,
    driver_account_id   bigint,
    driver_name         varchar(60)  not null,
    handed_over_at      timestamptz  not null,
    unique (pickup_point_id, pickup_date)
);
