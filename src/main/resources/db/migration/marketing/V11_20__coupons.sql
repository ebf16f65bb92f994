-- Coupon templates (优惠券模板): what a coupon deducts, where and on what it applies, how long it lasts
-- once issued, how many each resident may hold and how many exist. Operators create and pause them.
-- region_ids, scope_ids and created_by refer to other modules (network, catalog, identity): no cross-schema FK.
create table coupon_template (
    id                 bigint generated always as identity primary key,
    name               varchar(60)  not null,
    kind               varchar(10)  not null check (kind in ('FIXED', 'PERCENT')),
    -- FIXED: the amount off; PERCENT: percent off (10 = 9折) and an optional cap
    amount_fen         bigint,
    percent_off        int,
    cap_fen            bigint,
    threshold_fen      bigint       not null default 0 check (threshold_fen >= 0),
    scope              varchar(12)  not null check (scope in ('ALL', 'CATEGORIES', 'SKUS')),
    scope_ids          bigint[]     not null default '{}',
    region_ids         bigint[]     not null check (cardinality(region_ids) > 0),
    -- validity: N days after issue, or a fixed window
    valid_days         int          check (valid_days between 1 and 366),
    valid_from         timestamptz,
    valid_until        timestamptz,
    per_resident_limit int          not null check (per_resident_limit >= 1),
    total_quantity     int          not null check (total_quantity >= 1),
    -- every issuance adds one with a conditional update: never more than the total, under any concurrency
    issued             int          not null default 0 check (issued >= 0),
    claimable          boolean      not null default true,
    on_registration    boolean      not null default false,
    on_first_order     boolean      not null default false,
    status             varchar(10)  not null default 'ACTIVE' check (status in ('ACTIVE', 'PAUSED')),
    created_at         timestamptz  not null,
    created_by         bigint,
    updated_at         timestamptz,
    constraint coupon_template_issued_within_total check (issued <= total_quantity),
    constraint coupon_template_kind_terms check (
        (kind = 'FIXED' and amount_fen > 0 and percent_off is null and cap_fen is null)
        or (kind = 'PERCENT' and amount_fen is null and percent_off between 1 and 99 and (cap_fen is null or cap_fen > 0))),
    constraint coupon_template_scope_ids check ((scope = 'ALL') = (cardinality(scope_ids) = 0)),
    constraint coupon_template_validity check (
        (valid_days is not null and valid_from is null and valid_until is null)
        or (valid_days is null and valid_from is not null and valid_until is not null and valid_from < valid_until))
);

-- How many coupons of a template each resident was given; the per-resident limit is enforced by a
-- conditional upsert of this row (the template's limit is copied into the statement).
create table coupon_holding (
    template_id bigint not null references coupon_template (id),
    resident_id bigint not null,
    issued      int    not null check (issued >= 0),
    primary key (template_id, resident_id)
);

-- A resident's coupon: ISSUED -> USED -> RETURNED (order cancelled, still valid) | EXPIRED.
-- source says why it was given ("claim:2", "push:7", "registration", "first-order:81", "referral:12"):
-- one coupon per resident, template and source, so a retried grant gives nothing twice.
create table coupon (
    id          bigint generated always as identity primary key,
    template_id bigint       not null references coupon_template (id),
    resident_id bigint       not null,
    source      varchar(80)  not null,
    status      varchar(10)  not null default 'ISSUED' check (status in ('ISSUED', 'USED', 'RETURNED', 'EXPIRED')),
    issued_at   timestamptz  not null,
    valid_from  timestamptz  not null,
    valid_until timestamptz  not null,
    order_id    bigint,
    used_at     timestamptz,
    returned_at timestamptz,
    expired_at  timestamptz,
    reminded_at timestamptz,
    version     int          not null default 0,
    constraint coupon_one_per_source unique (resident_id, template_id, source),
    constraint coupon_validity check (valid_from < valid_until),
    constraint coupon_used_has_order check (status <> 'USED' or (order_id is not null and used_at is not null)),
    constraint coupon_expired_has_time check ((status = 'EXPIRED') = (expired_at is not null))
);

-- A resident's usable coupons (the price engine's one query per quote).
create index coupon_usable on coupon (resident_id, valid_until) where status in ('ISSUED', 'RETURNED');
-- The nightly job: usable coupons by end of validity.
create index coupon_expiring on coupon (valid_until) where status in ('ISSUED', 'RETURNED');
-- An order uses at most one coupon, and a cancelled order finds its coupon by order id.
create unique index coupon_one_per_order on coupon (order_id) where status = 'USED';
create index coupon_by_template on coupon (template_id, status);

-- Each resident's first paid order as the coupons saw it (for templates issued on a first order):
-- the primary key makes "first" true once, whatever the retries.
create table coupon_first_order (
    resident_id bigint      primary key,
    order_id    bigint      not null,
    paid_at     timestamptz not null
);

-- An operator's push of a template to a list of residents, all or nothing.
create table coupon_push (
    id          bigint generated always as identity primary key,
    template_id bigint      not null references coupon_template (id),
    residents   int         not null check (residents > 0),
    pushed_at   timestamptz not null,
    pushed_by   bigint
);
