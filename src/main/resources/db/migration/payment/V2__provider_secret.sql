-- The secret a built-in provider signs its notifications with, generated at random at the first start of
-- an installation (unless one is configured), and shared by every node through this table.
create table provider_secret (
    provider   varchar(20)  primary key,
    secret     varchar(200) not null check (length(secret) >= 32),
    created_at timestamptz  not null
);
