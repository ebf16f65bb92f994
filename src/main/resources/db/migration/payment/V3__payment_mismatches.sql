-- When the reconciliation compared a settled payment (paid or closed) with its provider's record (a
-- disagreement is recorded in payment_mismatch); null until then: the payments the sweep has still to compare.
alter table payment add column provider_checked_at timestamptz;
create index payment_unchecked on payment (id) where provider_checked_at is null and status <> 'PENDING';

-- Payments whose record here disagrees with the provider's, found by the reconciliation: a payment paid
-- here that the provider says is not paid (what a forged notification leaves), or paid for another amount.
-- One row per payment and kind, so that a mismatch is reported once however often it is found.
create table payment_mismatch (
    id                  bigint generated always as identity primary key,
    payment_id          bigint      not null references payment (id),
    kind                varchar(30) not null check (kind in ('PAID_HERE_NOT_AT_PROVIDER', 'AMOUNT_DIFFERS')),
    platform_status     varchar(12) not null,
    platform_amount_fen bigint      not null,
    provider_state      varchar(12) not null,
    provider_amount_fen bigint,
    found_at            timestamptz not null,
    unique (payment_id, kind)
);
create index payment_mismatch_found on payment_mismatch (found_at desc);
