-- issue 16: what the operator knows of a community's residents, for product and community analysis: the age mix
-- (shares in percent of residents under 35, 35 to 59, 60 and over). Households stay on community.
create table community_profile (
    community_id    bigint      primary key references community (id),
    young_percent   smallint    not null check (young_percent between 0 and 100),
    middle_percent  smallint    not null check (middle_percent between 0 and 100),
    senior_percent  smallint    not null check (senior_percent between 0 and 100),
    updated_at      timestamptz not null,
    constraint community_profile_shares_sum check (young_percent + middle_percent + senior_percent = 100)
);
