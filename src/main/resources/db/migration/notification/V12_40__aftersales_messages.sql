-- After-sales (issue 12): residents hear of their requests and of a hidden review; leaders of requests at their
-- point and goods to collect; operators of overdue complaints and quality alerts.
alter table message drop constraint message_kind_check;
alter table message add constraint message_kind_check
    check (kind in ('ORDER_PAID', 'ORDER_READY', 'PICKUP_REMINDER', 'REFUND', 'ORDER_CANCELLED', 'LEADER_REFUND',
                    'LEADER_PICKUP_SUMMARY', 'PAYMENT_MISMATCH', 'COUPON_EXPIRING', 'AFTERSALES_UPDATE',
                    'REVIEW_HIDDEN', 'LEADER_AFTERSALES', 'COMPLAINT_ESCALATED', 'QUALITY_ALERT'));
