-- Leader operations (issue 13): the nightly ledger reconciliation tells the region's operators and the platform
-- admins of a leader whose commission does not add up.
alter table message drop constraint message_kind_check;
alter table message add constraint message_kind_check
    check (kind in ('ORDER_PAID', 'ORDER_READY', 'PICKUP_REMINDER', 'REFUND', 'ORDER_CANCELLED', 'LEADER_REFUND',
                    'LEADER_PICKUP_SUMMARY', 'PAYMENT_MISMATCH', 'COUPON_EXPIRING', 'AFTERSALES_UPDATE',
                    'REVIEW_HIDDEN', 'LEADER_AFTERSALES', 'COMPLAINT_ESCALATED', 'QUALITY_ALERT', 'LEDGER_MISMATCH'));
