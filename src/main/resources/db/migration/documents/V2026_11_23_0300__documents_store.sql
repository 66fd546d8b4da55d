-- Documents: content-addressed blobs (the bytes live in the blob store, addressed by their SHA-256)
-- and every upload of them, with the name it came with and who sent it.
create table documents_blob (
    sha256       text        primary key check (sha256 ~ '^[0-9a-f]{64}$'),
    size         bigint      not null check (size >= 0),
    content_type text        not null,
    created_at   timestamptz not null
);

create table documents_upload (
    id           uuid        primary key,
    sha256       text        not null references documents_blob (sha256),
    file_name    text        not null,
    uploaded_by  text        not null,
    organisation text,
    uploaded_at  timestamptz not null
);

create index documents_upload_sha256 on documents_upload (sha256, uploaded_at);
