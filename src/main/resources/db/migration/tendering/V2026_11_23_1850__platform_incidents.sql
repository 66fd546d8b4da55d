-- Platform incidents: an outage declared by a platform admin or a country's regulator, and the processes whose bid
-- deadline fell inside it, each extended by its rule pack's INCIDENT_EXTENSION through a public addendum. Public,
-- never edited.
create table tendering_incident (
    id          uuid        primary key,
    country     text        check (country ~ '^[A-Z]{2}$'),
    starts_at   timestamptz not null,
    ends_at     timestamptz not null check (ends_at > starts_at),
    description text        not null check (length(description) between 10 and 2000),
    declared_by text        not null,
    declared_at timestamptz not null
);

create table tendering_incident_process (
    incident_id  uuid        not null references tendering_incident (id),
    process_id   uuid        not null references tendering_process (id),
    old_deadline timestamptz not null,
    new_deadline timestamptz not null check (new_deadline > old_deadline),
    addendum     integer     not null,
    primary key (incident_id, process_id)
);

create index tendering_incident_process_by_process on tendering_incident_process (process_id);
