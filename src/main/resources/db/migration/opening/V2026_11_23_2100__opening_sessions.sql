-- Opening sessions (docs/opening.md): one per process and kind of envelope opened (single, technical, financial),
-- the members present and their declarations, the share keys they released (kept only until their envelope is
-- opened), and what was read from each envelope. The data keys are never stored.

create table opening_session (
    id          uuid primary key,
    ocid        text not null,
    kind        text not null check (kind in ('single', 'technical', 'financial')),
    started_by  text not null,
    started_at  timestamptz not null,
    unique (ocid, kind)
);

-- The envelopes a session opens, in order of receipt (the order of reading).
create table opening_session_envelope (
    session_id  uuid not null references opening_session (id),
    envelope_id uuid not null unique,
    read_order  int not null,
    primary key (session_id, read_order)
);

-- A member of the sealing set who came: present, and whether they declared a conflict of interest (then they
-- release nothing).
create table opening_attendance (
    session_id  uuid not null references opening_session (id),
    user_id     uuid not null,
    position    int not null check (position between 1 and 255),
    conflict    boolean not null,
    declared_at timestamptz not null,
    primary key (session_id, user_id)
);

-- A member's released share key (KEK_j) for one envelope, checked against the share; deleted when the envelope is
-- opened.
create table opening_release (
    session_id  uuid not null references opening_session (id),
    envelope_id uuid not null,
    position    int not null check (position between 1 and 255),
    share_key   bytea not null check (octet_length(share_key) = 32),
    released_at timestamptz not null,
    primary key (session_id, envelope_id, position)
);

-- What the committee read in an opened envelope: the bid form's lots and amounts, and the list of files.
create table opening_reading (
    envelope_id   uuid primary key,
    session_id    uuid not null references opening_session (id),
    read_order    int not null,
    supplier_name text not null,
    received_at   timestamptz not null,
    lots          jsonb not null,
    bid_security  text,
    files         jsonb not null,
    failure       text,
    opened_at     timestamptz not null,
    unique (session_id, read_order)
);
