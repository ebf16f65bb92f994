-- Issue 17, hot stock in Redis (linli.hot-stock=redis): each unit a Redis script takes is named by a token,
-- written here in the same transaction as the reservation or the claim. A token found here was committed
-- (its units are in listing.sold / coupon_template.issued); one Redis still holds but this table does not
-- was never committed and is given back by the reconciliation. Rows are kept an hour.
create table hot_stock_take (
    token    uuid        not null,
    counter  text        not null,
    taken_at timestamptz not null,
    primary key (token, counter)
);
create index hot_stock_take_counter on hot_stock_take (counter, taken_at);
