-- Catalog: category tree, products (SPU), their SKUs and one image per product.
-- Supplier ids belong to the supply module: plain bigint, no cross-schema foreign key.

create table category (
    id         bigint generated always as identity primary key,
    parent_id  bigint references category (id),
    name       varchar(30) not null check (length(trim(name)) > 0),
    sort_order int         not null default 0 check (sort_order between 0 and 9999),
    created_at timestamptz not null default now(),
    check (parent_id is null or parent_id <> id)
);
-- a name is unique among its siblings (top-level categories are siblings of each other)
create unique index category_sibling_name on category (coalesce(parent_id, 0), lower(name));
create index category_parent on category (parent_id);

-- No cycles: a category may not be moved below itself or one of its descendants.
-- The service takes an advisory lock for moves, so two concurrent moves cannot slip past this check.
create function category_refuse_cycle() returns trigger language plpgsql as $$
begin
    if new.parent_id is not null and exists (
            with recursive up (id, parent_id) as (
                select c.id, c.parent_id from catalog.category c where c.id = new.parent_id
                union
                select c.id, c.parent_id from catalog.category c join up on c.id = up.parent_id)
            select 1 from up where up.id = new.id) then
        raise exception 'category % cannot move below its own descendant %', new.id, new.parent_id
            using errcode = 'check_violation';
    end if;
    return new;
end
$$;
create trigger category_no_cycle before update of parent_id on category
    for each row execute function category_refuse_cycle();

-- array_to_string is only STABLE in general; for text[] it is immutable, which lets tags be indexed.
create function tags_text(tags text[]) returns text language sql immutable parallel safe
    return array_to_string(tags, ' ');

create table product (
    id            bigint generated always as identity primary key,
    category_id   bigint       not null references category (id),
    name          varchar(60)  not null check (length(trim(name)) > 0),
    description   varchar(2000),
    origin        varchar(60),
    seasonal_tags text[]       not null default '{}' check (cardinality(seasonal_tags) <= 10),
    tags_text     text generated always as (tags_text(seasonal_tags)) stored,
    supplier_id   bigint,
    active        boolean      not null default true,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);
create index product_category on product (category_id);
create index product_created on product (created_at desc, id desc);

create table sku (
    id              bigint generated always as identity primary key,
    product_id      bigint      not null references product (id),
    spec            varchar(40) not null check (length(trim(spec)) > 0),
    unit            varchar(8)  not null check (length(trim(unit)) > 0),
    barcode         varchar(14) check (barcode ~ '^[0-9]{8,14}$'),
    storage         varchar(8)  not null check (storage in ('AMBIENT', 'CHILLED', 'FROZEN')),
    shelf_life_days int         not null check (shelf_life_days between 1 and 3650),
    weight_grams    int         not null check (weight_grams between 1 and 100000),
    active          boolean     not null default true,
    created_at      timestamptz not null
);
create unique index sku_product_spec on sku (product_id, lower(spec));
create unique index sku_barcode on sku (barcode) where barcode is not null;
create index sku_product on sku (product_id);

-- One image per product, uploaded by operators; PNG, JPEG or WebP up to 2 MB (checked by magic bytes).
create table product_image (
    product_id   bigint primary key references product (id),
    content_type varchar(20) not null check (content_type in ('image/png', 'image/jpeg', 'image/webp')),
    bytes        bytea       not null check (length(bytes) between 1 and 2097152),
    sha256       char(64)    not null,
    uploaded_at  timestamptz not null
);

-- Substring search ("苹果" finds "红富士苹果") runs on ILIKE; trigram GIN indexes serve it where
-- pg_trgm is available (it ships with the embedded PostgreSQL). Without it ILIKE still finds everything.
do $$
declare
    ext_schema text;
begin
    if exists (select 1 from pg_available_extensions where name = 'pg_trgm') then
        create extension if not exists pg_trgm with schema public;
        select n.nspname into ext_schema
          from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm';
        execute format('create index product_name_trgm on catalog.product using gin (name %I.gin_trgm_ops)', ext_schema);
        execute format('create index product_tags_trgm on catalog.product using gin (tags_text %I.gin_trgm_ops)', ext_schema);
        execute format('create index sku_spec_trgm on catalog.sku using gin (spec %I.gin_trgm_ops)', ext_schema);
    end if;
end
$$;
