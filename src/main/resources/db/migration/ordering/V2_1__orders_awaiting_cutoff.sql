-- The cutoff job asks every minute which regions and pickup dates have paid orders past their cutoff
-- (FulfilmentOrders.dueForCutoff): only orders not yet confirmed or cancelled are looked at.
create index orders_awaiting_cutoff on orders (region_id, pickup_date, cutoff_at)
    where status in ('PENDING_PAYMENT', 'PAID');
