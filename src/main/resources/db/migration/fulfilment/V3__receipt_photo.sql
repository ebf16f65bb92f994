-- A photo the leader attaches to a receipt (what arrived missing or damaged). The file itself is kept by
-- shared.storage.FileStorage under storage_key; one photo per receipt.
create table receipt_photo (
    receipt_id    bigint       primary key references receipt (id),
    storage_key   varchar(200) not null,
    content_type  varchar(40)  not null,
    size_bytes    int          not null check (size_bytes > 0),
    attached_at   timestamptz  not null
);
