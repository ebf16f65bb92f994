-- Incentives (issue 13): referral of leaders (邀请团长: a one-off reward and 平推佣金) and monthly contests (月度评比).
-- Region and account ids belong to network and identity (no cross-schema references).

-- New ledger kinds. REFERRAL: the referrer's commission on one accrual of the leader they referred (accrual_id =
-- that accrual; order and line are the referred leader's; base_fen 0 so that no sales query counts it as the
-- referrer's sales; rate_bp the referral rate). REFERRAL_REVERSAL: its proportional share given back when the
-- underlying accrual is reversed (accrual_id = the REFERRAL entry). REFERRAL_REWARD and CONTEST_REWARD: one-off
-- cash credits, no order (order_id and order_line_id 0, order_no the reward's reference, refund_reference its
-- unique key). rate_source is 'BAND' for all of them (meaningless here).
alter table commission_entry alter column kind type varchar(20);
alter table commission_entry drop constraint commission_entry_kind_check;
alter table commission_entry add constraint commission_entry_kind_check
    check (kind in ('ACCRUAL', 'REVERSAL', 'REFERRAL', 'REFERRAL_REVERSAL', 'REFERRAL_REWARD', 'CONTEST_REWARD'));
alter table commission_entry add constraint commission_entry_incentive check (
    kind not in ('REFERRAL', 'REFERRAL_REVERSAL', 'REFERRAL_REWARD', 'CONTEST_REWARD') or (base_fen = 0
    and (kind <> 'REFERRAL' or (amount_fen >= 0 and accrual_id is not null and refund_reference is not null))
    and (kind <> 'REFERRAL_REVERSAL' or (amount_fen <= 0 and accrual_id is not null and reversed_fen = 0))
    and (kind not in ('REFERRAL_REWARD', 'CONTEST_REWARD') or (amount_fen > 0 and refund_reference is not null
        and accrual_id is null and reversed_fen = 0))));
create unique index commission_entry_one_referral_per_accrual on commission_entry (accrual_id) where kind = 'REFERRAL';
-- a reward is paid once: one entry per reference ('referral:<id>', 'contest:<id>:<rank>')
create unique index commission_entry_one_reward_per_reference on commission_entry (refund_reference)
    where kind in ('REFERRAL_REWARD', 'CONTEST_REWARD');

-- Every leader's referral code (for the link /join?ref=CODE).
create table referral_code (
    leader_id bigint      primary key references leader (id),
    code      varchar(16) not null unique check (code ~ '^[0-9A-Z]{6,16}$')
);
insert into referral_code (leader_id, code)
select id, upper(substr(md5(id || ':' || random()::text), 1, 8)) from leader;

-- A leader referred by another: recorded when the referred leader's application is approved with the code.
-- The reward is paid once (reward_entry_id, and the ledger's unique reference); the referral commission runs
-- from started_at for the configured days.
create table referral (
    id                bigint generated always as identity primary key,
    referrer_id       bigint      not null references leader (id),
    referred_id       bigint      not null unique references leader (id),
    code              varchar(16) not null,
    region_id         bigint      not null,
    started_at        timestamptz not null,
    reward_entry_id   bigint references commission_entry (id),
    reward_paid_at    timestamptz,
    check (referrer_id <> referred_id),
    check ((reward_entry_id is null) = (reward_paid_at is null))
);
create index referral_referrer on referral (referrer_id, started_at desc);
create index referral_unpaid on referral (started_at) where reward_entry_id is null;

-- Monthly contests (月度评比) of a region: OPEN until closed, then its winners are fixed and paid.
create table contest (
    id          bigint generated always as identity primary key,
    region_id   bigint       not null,
    month       date         not null check (extract(day from month) = 1),
    metric      varchar(12)  not null check (metric in ('SALES', 'GROWTH', 'SATISFACTION')),
    title       varchar(60)  not null check (length(trim(title)) > 0),
    winners     int          not null check (winners between 1 and 20),
    min_orders  int          not null default 0 check (min_orders >= 0),
    status      varchar(10)  not null check (status in ('OPEN', 'CLOSED')),
    version     int          not null default 0,
    created_by  bigint,
    created_at  timestamptz  not null,
    closed_by   bigint,
    closed_at   timestamptz,
    check ((status = 'CLOSED') = (closed_at is not null))
);
create unique index contest_one_per_metric on contest (region_id, month, metric);

-- The reward of each rank: cash (credited to the ledger) and/or a description (coupon, goods) handed out.
create table contest_prize (
    contest_id  bigint       not null references contest (id),
    rank        int          not null check (rank >= 1),
    cash_fen    bigint       not null default 0 check (cash_fen >= 0),
    description varchar(100),
    primary key (contest_id, rank)
);

-- The winners fixed when the contest closed; one per rank (ties: the lower leader id first), paid once.
create table contest_winner (
    contest_id  bigint       not null references contest (id),
    rank        int          not null check (rank >= 1),
    leader_id   bigint       not null references leader (id),
    value       double precision,
    cash_fen    bigint       not null check (cash_fen >= 0),
    description varchar(100),
    entry_id    bigint unique references commission_entry (id),
    primary key (contest_id, rank),
    unique (contest_id, leader_id),
    check ((cash_fen > 0) = (entry_id is not null))
);
