-- Issue 12, exchange (换货): the platform places a replacement order for units an after-sales request
-- exchanged. Its line is at the listing's group price like any other, and the platform bears all of it:
-- a share of its own kind (AFTER_SALES_REPLACEMENT), so what the resident paid for it (the generated
-- paid_fen) is 0, no commission accrues on it and no refund can pay it out.
alter table order_line
    add column after_sales_replacement_fen bigint not null default 0 check (after_sales_replacement_fen >= 0);

-- paid_fen is generated from every share: rebuilt with the new one (its checks go with it and come back).
alter table order_line drop column paid_fen;
alter table order_line
    add column paid_fen bigint generated always as (amount_fen - member_price_fen - listing_discount_fen
        - flash_price_fen - team_price_fen - new_resident_offer_fen - one_yuan_offer_fen - full_reduction_fen
        - coupon_fen - points_fen - after_sales_replacement_fen) stored;
alter table order_line
    add constraint order_line_paid_not_negative check (paid_fen >= 0),
    add constraint order_line_refund_within_paid check (refunded_fen <= paid_fen);

-- The order replacing units of a line: one per after-sales request (its reference is the order's
-- idempotency key), and the only kind of order that may cost the resident nothing.
alter table orders add column replaces_line_id bigint references order_line (id);
alter table orders drop constraint orders_total_fen_check;
alter table orders add constraint orders_total check (total_fen > 0 or (total_fen = 0 and replaces_line_id is not null));
create index orders_replacing on orders (replaces_line_id) where replaces_line_id is not null;
