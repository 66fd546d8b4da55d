-- Bidding: submitted envelopes (docs/bidding.md). A row is written in the one transaction that accepts a bid, with
-- its receipt (the transparency log's leaf): before the deadline on the server clock, from a completed upload whose
-- ciphertext is in the document store. The server holds only the manifest (encrypted shares, sizes, hashes) and the
-- address of the ciphertext: nothing here can be read before the committee releases its shares at the opening.
-- Superseded and withdrawn envelopes stay, never to be opened.
create table bidding_envelope (
    id               uuid        primary key,
    ocid             text        not null,
    organisation_id  uuid        not null,
    supplier_name    text        not null,
    submitted_by     uuid        not null,
    kind             text        not null check (kind in ('single', 'technical', 'financial')),
    lots             text[]      not null check (cardinality(lots) > 0),
    manifest         bytea       not null,
    envelope_hash    char(64)    not null,
    document         char(64)    not null,
    ciphertext_size  bigint      not null check (ciphertext_size > 0),
    upload_id        uuid        not null unique references bidding_upload (id),
    received_at      timestamptz not null,
    log_index        bigint      not null unique,
    state            text        not null check (state in ('current', 'superseded', 'withdrawn')),
    replaced_by      uuid        references bidding_envelope (id) deferrable initially deferred,
    ended_at         timestamptz,
    ended_by         uuid,
    check ((state = 'current') = (ended_at is null)),
    check ((state = 'superseded') = (replaced_by is not null))
);

-- One current envelope per company, process and kind: a new one supersedes it in the same transaction.
create unique index bidding_envelope_one_current on bidding_envelope (ocid, organisation_id, kind)
    where state = 'current';
create index bidding_envelope_by_process on bidding_envelope (ocid, received_at);
create index bidding_envelope_by_company on bidding_envelope (organisation_id, received_at desc);

-- An envelope's content never changes: only its state ends (superseded or withdrawn), once.
create function bidding_envelope_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'a submitted envelope is never deleted' using errcode = 'insufficient_privilege';
    end if;
    if old.state <> 'current' or new.id <> old.id or new.ocid <> old.ocid
            or new.organisation_id <> old.organisation_id or new.kind <> old.kind or new.lots <> old.lots
            or new.manifest <> old.manifest or new.envelope_hash <> old.envelope_hash or new.document <> old.document
            or new.received_at <> old.received_at or new.log_index <> old.log_index
            or new.upload_id <> old.upload_id then
        raise exception 'a submitted envelope is immutable; only a current one may be superseded or withdrawn'
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end
$$;
create trigger bidding_envelope_immutable before update or delete on bidding_envelope
    for each row execute function bidding_envelope_guard();
