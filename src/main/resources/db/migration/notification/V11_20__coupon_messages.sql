-- Residents hear of a coupon ending within three days (marketing's nightly coupon job).
alter table message drop constraint message_kind_check;
alter table message add constraint message_kind_check
    check (kind in ('ORDER_PAID', 'ORDER_READY', 'PICKUP_REMINDER', 'REFUND', 'ORDER_CANCELLED', 'LEADER_REFUND',
                    'LEADER_PICKUP_SUMMARY', 'PAYMENT_MISMATCH', 'COUPON_EXPIRING'));
