-- Bidding: resumable uploads of sealed envelopes' ciphertext (docs/sealing-format.md). The bidder announces the size
-- and SHA-256, sends the bytes in pieces at the offset the server has reached (resuming after a cut), and the
-- complete ciphertext goes to the document store only if it is exactly what was announced. An upload is not a bid:
-- submission (a separate, single transaction) refers to a completed upload.
create table bidding_upload (
    id              uuid        primary key,
    organisation_id uuid        not null,
    user_id         uuid        not null,
    ocid            text        not null,
    size            bigint      not null check (size > 0),
    sha256          text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    received        bigint      not null default 0,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    completed_at    timestamptz,
    document        text,
    check (received between 0 and size),
    check ((completed_at is null) = (document is null))
);

create index bidding_upload_unfinished on bidding_upload (updated_at) where completed_at is null;
