-- The state of the pieces of each opened bid, as the committee records it during the session (PV d'ouverture,
-- DOMAIN-RULES §7.3): per required document of the notice, present, absent or non-compliant; the bid security
-- (present or not, amount, issuer); and the bidders' representatives present at the session. Editable until the
-- first approval of the minutes (the service checks it), then frozen.

create table opening_piece (
    envelope_id   uuid not null references opening_reading (envelope_id),
    document_code text not null,
    state         text not null check (state in ('present', 'absent', 'non-compliant')),
    primary key (envelope_id, document_code)
);

create table opening_bid_security (
    envelope_id uuid primary key references opening_reading (envelope_id),
    session_id  uuid not null references opening_session (id),
    present     boolean not null,
    amount      numeric(20, 2) check (amount is null or amount >= 0),
    currency    text,
    issuer      text check (length(issuer) <= 200),
    recorded_by text not null,
    recorded_at timestamptz not null,
    check (present or (amount is null and issuer is null))
);

alter table opening_minutes
    add column representatives text not null default '' check (length(representatives) <= 4000);
