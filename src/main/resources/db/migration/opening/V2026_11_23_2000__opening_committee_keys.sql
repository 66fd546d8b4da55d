-- Opening: committee members' enrolled public keys, the short-lived enrolment challenges, the committee a PRM
-- designates before publication, and the sealing set fixed at publication (docs/opening.md).

-- One row per key ever enrolled; a member's active key is the one not revoked (at most one per user).
create table opening_committee_key (
    id              uuid primary key,
    user_id         uuid not null,
    organisation_id uuid not null,
    point           bytea not null check (octet_length(point) = 65),
    fingerprint     char(64) not null unique,
    enrolled_at     timestamptz not null,
    revoked_at      timestamptz
);
create unique index opening_committee_key_active on opening_committee_key (user_id) where revoked_at is null;

-- A proof-of-possession challenge: the server's ephemeral private key lives here only until the challenge is used
-- or expires (deleted then), never longer.
create table opening_enrolment_challenge (
    id                 uuid primary key,
    user_id            uuid not null,
    challenge          bytea not null check (octet_length(challenge) = 32),
    server_point       bytea not null check (octet_length(server_point) = 65),
    server_private_key bytea not null,
    created_at         timestamptz not null,
    expires_at         timestamptz not null
);
create index opening_enrolment_challenge_expiry on opening_enrolment_challenge (expires_at);

-- The committee the PRM chose for a process before publication (otherwise the default committee applies).
create table opening_designation (
    ocid          text primary key,
    threshold     int not null check (threshold >= 2),
    designated_by text not null,
    designated_at timestamptz not null
);
create table opening_designation_member (
    ocid     text not null references opening_designation (ocid) on delete cascade,
    position int not null check (position between 1 and 255),
    user_id  uuid not null,
    primary key (ocid, position),
    unique (ocid, user_id)
);

-- The sealing set fixed at publication: never changed afterwards.
create table opening_sealing_set (
    ocid       text primary key,
    threshold  int not null check (threshold >= 2),
    designated boolean not null,
    fixed_at   timestamptz not null
);
create table opening_sealing_member (
    ocid        text not null references opening_sealing_set (ocid),
    position    int not null check (position between 1 and 255),
    user_id     uuid not null,
    name        text not null,
    point       bytea not null check (octet_length(point) = 65),
    fingerprint char(64) not null,
    primary key (ocid, position),
    unique (ocid, user_id)
);

create function opening_sealing_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'a sealing set is fixed at publication and never changes';
end $$;
create trigger opening_sealing_set_immutable before update or delete on opening_sealing_set
    for each row execute function opening_sealing_immutable();
create trigger opening_sealing_member_immutable before update or delete on opening_sealing_member
    for each row execute function opening_sealing_immutable();
