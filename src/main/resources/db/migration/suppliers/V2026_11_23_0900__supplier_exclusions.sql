-- Suppliers: exclusions (debarment) from public procurement, decided by a country's regulator and public. An
-- exclusion is never deleted or edited: an error or an appeal is a lift, with its reason, and both stay public.

create table supplier_exclusion (
    id              uuid        primary key,
    country         text        not null check (country ~ '^[A-Z]{2}$'),
    regulator_id    uuid        not null,
    regulator_name  text        not null,
    organisation_id uuid,
    company_name    text        not null check (length(company_name) between 2 and 300),
    identifiers     text        not null default '',
    nature          text,
    starts_on       date        not null,
    ends_on         date,
    legal_basis     text        not null check (length(legal_basis) between 3 and 500),
    reason          text        not null check (length(reason) between 3 and 4000),
    recorded_by     text        not null,
    recorded_at     timestamptz not null,
    lifted_by       text,
    lifted_at       timestamptz,
    lift_reason     text,
    check (ends_on is null or ends_on >= starts_on),
    check ((lifted_at is null) = (lift_reason is null))
);

create index supplier_exclusion_organisation on supplier_exclusion (organisation_id) where organisation_id is not null;
create index supplier_exclusion_public on supplier_exclusion (country, starts_on desc);
