-- Supply, first part: suppliers and the accounts that sign in for them.
-- Purchase orders, receiving and settlements follow in later migrations.

create table supplier (
    id            bigint generated always as identity primary key,
    name          varchar(60)  not null check (length(trim(name)) > 0),
    contact_name  varchar(30)  not null check (length(trim(contact_name)) > 0),
    contact_phone varchar(20)  not null check (contact_phone ~ '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$'),
    address       varchar(200) not null check (length(trim(address)) > 0),
    active        boolean      not null default true,
    created_at    timestamptz  not null
);
create unique index supplier_name on supplier (lower(name));

-- A SUPPLIER account works for exactly one supplier; a supplier may have several accounts.
-- Account ids belong to the identity module: no cross-schema foreign key.
create table supplier_account (
    account_id  bigint      primary key,
    supplier_id bigint      not null references supplier (id),
    linked_at   timestamptz not null
);
create index supplier_account_supplier on supplier_account (supplier_id);
