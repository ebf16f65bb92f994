-- Reviews (评价) of picked-up order lines: the product's stars and the leader's service, one per line.
create table review (
    id bigserial primary key,
    resident_id bigint not null,
    author_name varchar(40) not null,
    order_id bigint not null,
    line_id bigint not null unique,
    sku_id bigint not null,
    sku_name varchar(200) not null,
    product_id bigint not null,
    pickup_point_id bigint not null,
    region_id bigint not null,
    product_stars int not null check (product_stars between 1 and 5),
    leader_stars int check (leader_stars between 1 and 5),
    text varchar(500),
    hidden boolean not null default false,
    hidden_reason varchar(200),
    hidden_by bigint,
    hidden_at timestamptz,
    created_at timestamptz not null,
    version bigint not null default 0,
    check (not hidden or (hidden_reason is not null and length(hidden_reason) between 1 and 200 and hidden_at is not null))
);

create index review_product on review (product_id, hidden, created_at desc);
create index review_resident on review (resident_id, created_at desc);
create index review_region on review (region_id, created_at desc);

create table review_photo (
    id bigserial primary key,
    review_id bigint not null references review (id),
    position int not null check (position between 0 and 5),
    storage_key varchar(200) not null,
    content_type varchar(40) not null,
    unique (review_id, position)
);

-- The help centre (帮助中心): questions and answers under categories, kept by operators.
create table faq_category (
    id bigserial primary key,
    name varchar(40) not null unique check (length(trim(name)) > 0),
    sort int not null default 0
);

create table faq (
    id bigserial primary key,
    category_id bigint not null references faq_category (id),
    question varchar(200) not null check (length(trim(question)) > 0),
    answer varchar(2000) not null check (length(trim(answer)) > 0),
    sort int not null default 0,
    active boolean not null default true,
    updated_at timestamptz not null
);

create index faq_category_sort on faq (category_id, sort);
