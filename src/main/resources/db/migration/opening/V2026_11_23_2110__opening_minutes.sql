-- The minutes (PV d'ouverture) of an opening session: the committee's observations, and each present member's
-- approval. The minutes are published once every present member approved.
create table opening_minutes (
    session_id   uuid primary key references opening_session (id),
    observations text not null check (length(observations) <= 4000),
    updated_by   text not null,
    updated_at   timestamptz not null
);

create table opening_approval (
    session_id  uuid not null references opening_session (id),
    user_id     uuid not null,
    position    int not null,
    approved_at timestamptz not null,
    primary key (session_id, user_id)
);
