-- Suppliers: the company profile a supplier's admin keeps (legal form, address, contacts, SME / startup / women-led
-- flags, bank details, whether it is listed in the public directory) and its national identifiers, each unique in
-- its country and scheme, compared in canonical form (upper case, letters and digits only).

create table supplier_profile (
    organisation_id uuid        primary key,
    country         text        not null check (country ~ '^[A-Z]{2}$'),
    legal_name      text        not null check (length(legal_name) between 2 and 300),
    legal_form      text        not null default '',
    address         text        not null default '',
    city            text        not null default '',
    phone           text        not null default '',
    email           text        not null default '',
    website         text        not null default '',
    sme             boolean     not null default false,
    startup         boolean     not null default false,
    women_led       boolean     not null default false,
    listed          boolean     not null default false,
    bank_name       text        not null default '',
    bank_account    text        not null default '',
    updated_by      text        not null,
    updated_at      timestamptz not null
);

create index supplier_profile_directory on supplier_profile (country, legal_name) where listed;

create table supplier_identifier (
    organisation_id uuid not null references supplier_profile (organisation_id),
    country         text not null,
    scheme          text not null,
    value           text not null,
    canonical       text not null,
    primary key (organisation_id, scheme),
    unique (country, scheme, canonical)
);
