-- Analytics (issue 16, rfm): a message to a segment of residents, and a fired alert in the operators' inbox.
alter table message drop constraint message_kind_check;
alter table message add constraint message_kind_check
    check (kind in ('ORDER_PAID', 'ORDER_READY', 'PICKUP_REMINDER', 'REFUND', 'ORDER_CANCELLED', 'LEADER_REFUND',
                    'LEADER_PICKUP_SUMMARY', 'PAYMENT_MISMATCH', 'COUPON_EXPIRING', 'AFTERSALES_UPDATE',
                    'REVIEW_HIDDEN', 'LEADER_AFTERSALES', 'COMPLAINT_ESCALATED', 'QUALITY_ALERT', 'LEDGER_MISMATCH',
                    'DELIVERY_LATE', 'LEADER_DELIVERY_LATE', 'SEGMENT_MESSAGE', 'ANALYTICS_ALERT'));
