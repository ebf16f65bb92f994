-- Orders waiting at a pickup point, by how long: the overdue list and the pickup reminders read it.
create index orders_ready_since on orders (ready_at) where status = 'READY_FOR_PICKUP';
