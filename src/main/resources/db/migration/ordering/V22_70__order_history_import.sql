-- Issue 16: a year of history is bulk-loaded (OrderHistoryImport), one batch (a region's pickup date) per
-- transaction. A batch is written once: its row here is the marker that makes a second load skip it, and
-- lets an interrupted load resume where it stopped.
create table history_import (
    batch        varchar(80) primary key,
    orders       int         not null check (orders >= 0),
    lines        int         not null check (lines >= 0),
    imported_at  timestamptz not null
);
