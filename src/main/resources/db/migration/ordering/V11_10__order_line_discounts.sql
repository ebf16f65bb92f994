-- Issue 11: every order line keeps its share of each kind of deduction the price engine made (one column
-- per marketing DiscountKind, in fen, 0 when none) and what was paid for it. Separate columns rather than
-- a json or an array: each is checked (never negative), reports sum them with plain SQL (what coupons or
-- points cost a region) and an order without promotions keeps every one at its default.
alter table order_line
    add column member_price_fen        bigint not null default 0 check (member_price_fen >= 0),
    add column listing_discount_fen    bigint not null default 0 check (listing_discount_fen >= 0),
    add column flash_price_fen         bigint not null default 0 check (flash_price_fen >= 0),
    add column team_price_fen          bigint not null default 0 check (team_price_fen >= 0),
    add column new_resident_offer_fen  bigint not null default 0 check (new_resident_offer_fen >= 0),
    add column one_yuan_offer_fen      bigint not null default 0 check (one_yuan_offer_fen >= 0),
    add column full_reduction_fen      bigint not null default 0 check (full_reduction_fen >= 0),
    add column coupon_fen              bigint not null default 0 check (coupon_fen >= 0),
    add column points_fen              bigint not null default 0 check (points_fen >= 0);

-- What the resident paid for the line: the amount at group price less every share. Generated, so it can
-- never disagree with the shares (and a writer that knows no promotions, as the benchmarks' bulk inserts,
-- still gets paid = amount).
alter table order_line
    add column paid_fen bigint generated always as (amount_fen - member_price_fen - listing_discount_fen
        - flash_price_fen - team_price_fen - new_resident_offer_fen - one_yuan_offer_fen - full_reduction_fen
        - coupon_fen - points_fen) stored;

alter table order_line
    add constraint order_line_paid_not_negative check (paid_fen >= 0),
    -- refunds of a line return at most what was paid for it (at group price before: the amount)
    add constraint order_line_refund_within_paid check (refunded_fen <= paid_fen);

-- A line whose deductions took everything (paid 0) can still have units refunded (they go back to the
-- listing, the coupon or points share to the resident): such a line refund is recorded at 0 fen, once
-- per reference like any other. A whole-order refund still moves money.
alter table order_refund drop constraint order_refund_amount_fen_check;
alter table order_refund add constraint order_refund_amount check (amount_fen > 0 or (line_id is not null and amount_fen = 0));
