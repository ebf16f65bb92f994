-- Issue 16 (analytics, ops): one order's commission for its unit economics (GET /api/analytics/economics/orders/{id}).
create index commission_entry_order on commission_entry (order_id);
