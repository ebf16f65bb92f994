-- Pickup-point-only mode (纯自提点, issue 13): the point hands out goods but does not sell; instead of a percentage
-- commission its leader earns a fixed handling fee per picked-up order (HANDLING_FEE entries of the ledger).
create table pickup_only_point (
    pickup_point_id bigint      primary key,
    region_id       bigint      not null,
    since           timestamptz not null,
    set_by          bigint
);

-- The handling fee per picked-up order of a region (absent: the platform default, linli.leader.handling-fee).
create table handling_fee_rate (
    region_id  bigint      primary key,
    fee_fen    bigint      not null check (fee_fen between 0 and 10000),
    updated_at timestamptz not null,
    updated_by bigint
);

-- HANDLING_FEE: one per picked-up order of a pickup-only point; order_line_id is the order's first handed-out line,
-- base_fen 0 (not sales: month-to-date sales ignore it), rate 0, amount the fee. Settled like an accrual (pending for
-- the after-sales window, then available); never reversed (the goods were handed out).
-- The kinds of V13_40 (referral and contest incentives) stay allowed.
alter table commission_entry drop constraint commission_entry_kind_check;
alter table commission_entry add constraint commission_entry_kind_check
    check (kind in ('ACCRUAL', 'REVERSAL', 'REFERRAL', 'REFERRAL_REVERSAL', 'REFERRAL_REWARD', 'CONTEST_REWARD',
                    'HANDLING_FEE'));
alter table commission_entry add constraint commission_entry_handling_fee check (kind <> 'HANDLING_FEE'
    or (amount_fen >= 0 and base_fen = 0 and refund_reference is null and accrual_id is null));
create unique index commission_entry_one_handling_fee_per_order on commission_entry (order_id) where kind = 'HANDLING_FEE';
