-- Issue 16 (analytics facts): a region's paid orders by payment time, for OrderFacts (daily facts by the
-- business date of payment, rebuilt over a range of days). Neither status nor confirmed_at is in it, so the
-- cutoff's confirming update stays a HOT update; payment already rewrote index entries (orders_expiring).
create index orders_region_paid on orders (region_id, paid_at) where paid_at is not null;
