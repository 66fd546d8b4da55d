-- Suppliers: the administrative documents (attestations) a company keeps on Baobab for every bid: the file (in the
-- documents store, by SHA-256), its issue and expiry dates, its verification by a buyer or the regulator. A new
-- upload of the same kind replaces the current one, which stays as history. reminded_for records the expiry date a
-- reminder was sent for, so that each expiry is reminded once.

create table supplier_document (
    id               uuid        primary key,
    organisation_id  uuid        not null,
    country          text        not null,
    code             text        not null,
    sha256           text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    file_name        text        not null,
    issued_on        date        not null,
    expires_on       date,
    uploaded_by      text        not null,
    uploaded_at      timestamptz not null,
    replaced_by      uuid        references supplier_document (id),
    decision         text        check (decision in ('VERIFIED', 'REJECTED')),
    decided_by       text,
    decided_for      text,
    decided_at       timestamptz,
    rejection_reason text,
    reminded_for     date,
    check (expires_on is null or expires_on > issued_on),
    check ((decision = 'REJECTED') = (rejection_reason is not null))
);

create index supplier_document_current on supplier_document (organisation_id, code) where replaced_by is null;
create index supplier_document_expiry on supplier_document (expires_on) where replaced_by is null;
