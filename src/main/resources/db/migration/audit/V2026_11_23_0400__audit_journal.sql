-- The audit journal: append-only and hash-chained. See docs/audit-journal.md for the hash format.

create table audit_entry (
    seq           bigint      primary key check (seq > 0),
    occurred_at   timestamptz not null,
    actor         text        not null,
    organisation  text,
    action        text        not null,
    subject_type  text        not null,
    subject_id    text        not null,
    legal_reason  text,
    -- the exact canonical JSON that was hashed (RFC 8785); payload_json is a copy for queries only
    payload       text        not null,
    payload_json  jsonb       not null,
    previous_hash char(64)    not null,
    entry_hash    char(64)    not null unique
);
create index audit_entry_subject_idx on audit_entry (subject_type, subject_id, seq desc);
create index audit_entry_action_idx on audit_entry (action, seq desc);
create index audit_entry_time_idx on audit_entry (occurred_at);

-- Signed checkpoints of the chain head (Ed25519, the platform key), published as open data.
create table audit_checkpoint (
    id         bigserial   primary key,
    seq        bigint      not null,
    entry_hash char(64)    not null,
    signed_at  timestamptz not null,
    key_id     char(64)    not null,
    signature  text        not null
);

create function audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit journal is append-only: % on % is refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_refuse_change();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_refuse_change();
create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function audit_refuse_change();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function audit_refuse_change();
