-- How many units of a listing each resident holds (ordered and not cancelled); the per-resident
-- limit is enforced by a conditional upsert on this row, the stock cap by one on the listing row.
create table listing_purchase (
    listing_id  bigint not null references listing (id),
    resident_id bigint not null,
    quantity    int    not null check (quantity >= 0),
    primary key (listing_id, resident_id)
);
