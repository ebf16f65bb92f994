-- Referrals (老带新): each resident's invite code, the binding of an invitee to an inviter, the rewards on
-- the invitee's first paid order and every refused reward with its reason. Account, pickup point, order
-- and coupon ids belong to other modules (or other tools): no cross-schema foreign keys.

create table referral_code (
    resident_id bigint      primary key,
    code        varchar(12) not null unique,
    created_at  timestamptz not null
);

-- The first paid order of each resident as marketing saw it (OrderPromotionHook.paid): an invitee binds only
-- while they have none, and the reward waits for this order.
create table resident_first_order (
    resident_id bigint      primary key,
    order_id    bigint      not null unique,
    paid_at     timestamptz not null
);

-- One inviter per invitee, ever. Phone and device are those of the invitee at binding time.
create table referral (
    id              bigint generated always as identity primary key,
    inviter_id      bigint       not null,
    invitee_id      bigint       not null unique,
    code            varchar(12)  not null,
    invitee_phone   varchar(20)  not null,
    device_id       varchar(64)  not null,
    bound_at        timestamptz  not null,
    status          varchar(10)  not null default 'BOUND' check (status in ('BOUND', 'REWARDED', 'REFUSED')),
    first_order_id  bigint       unique,
    pickup_point_id bigint,
    region_id       bigint,
    decided_at      timestamptz,
    refusal_reason  varchar(30),
    constraint referral_not_self check (inviter_id <> invitee_id),
    constraint referral_decided check ((status = 'BOUND') = (decided_at is null)),
    constraint referral_refused_has_reason check ((status = 'REFUSED') = (refusal_reason is not null))
);

create index referral_by_inviter on referral (inviter_id, bound_at desc);

-- The pattern rule counts an inviter's rewarded invitees at one pickup point on one day.
create index referral_by_inviter_point on referral (inviter_id, pickup_point_id, decided_at) where status = 'REWARDED';

-- The pickup point of orders placed by invitees still waiting for their first paid order (the paid hook
-- does not carry it): one row per such order, written by the placed hook.
create table referral_order (
    order_id        bigint primary key,
    referral_id     bigint not null references referral (id),
    pickup_point_id bigint not null
);

-- "One reward per phone, per device": whoever inserts the key first is rewarded; the others are refused.
create table referral_claim (
    claim_key   varchar(90) primary key,
    referral_id bigint      not null references referral (id)
);

-- Rewards given: one per referral and side.
create table referral_reward (
    id          bigint generated always as identity primary key,
    referral_id bigint      not null references referral (id),
    side        varchar(10) not null check (side in ('INVITER', 'INVITEE')),
    account_id  bigint      not null,
    kind        varchar(10) not null check (kind in ('COUPON', 'POINTS')),
    coupon_id   bigint,
    points      bigint,
    granted_at  timestamptz not null,
    unique (referral_id, side),
    constraint referral_reward_what check ((kind = 'COUPON' and coupon_id is not null)
        or (kind = 'POINTS' and points > 0))
);

-- Every refused reward (or side of one) with its reason, for the console.
create table referral_refusal (
    id          bigint generated always as identity primary key,
    referral_id bigint      not null references referral (id),
    side        varchar(10) check (side in ('INVITER', 'INVITEE')),
    reason      varchar(30) not null,
    detail      varchar(300),
    order_id    bigint,
    refused_at  timestamptz not null,
    unique (referral_id, reason, side)
);

create index referral_refusal_recent on referral_refusal (refused_at desc);

-- What operators configure per region: each side's reward (a coupon template or points, or nothing) and
-- the pickup point pattern limit.
create table referral_rule (
    region_id               bigint      primary key,
    enabled                 boolean     not null,
    inviter_coupon_template bigint,
    inviter_points          bigint      check (inviter_points > 0),
    invitee_coupon_template bigint,
    invitee_points          bigint      check (invitee_points > 0),
    max_per_point_per_day   int         not null check (max_per_point_per_day between 1 and 1000),
    updated_at              timestamptz not null,
    updated_by              bigint,
    constraint referral_rule_one_inviter_reward check (inviter_coupon_template is null or inviter_points is null),
    constraint referral_rule_one_invitee_reward check (invitee_coupon_template is null or invitee_points is null)
);
