-- Tendering: procurement processes (one OCDS ocid each), their notice, lots, tender documents, prior review,
-- addenda and clarifications. Search runs on PostgreSQL full-text search in French, English and Arabic, accent- and
-- case-insensitive (unaccent), ranked; the configurations below are immutable so the search vector can be a stored
-- generated column under a GIN index.

create extension if not exists unaccent;

do $$
begin
    if not exists (select 1 from pg_ts_config where cfgname = 'baobab_fr') then
        create text search configuration baobab_fr (copy = french);
        alter text search configuration baobab_fr
            alter mapping for hword, hword_part, word with unaccent, french_stem;
    end if;
    if not exists (select 1 from pg_ts_config where cfgname = 'baobab_en') then
        create text search configuration baobab_en (copy = english);
        alter text search configuration baobab_en
            alter mapping for hword, hword_part, word with unaccent, english_stem;
    end if;
    if not exists (select 1 from pg_ts_config where cfgname = 'baobab_ar') then
        create text search configuration baobab_ar (copy = arabic);
    end if;
end
$$;

create table tendering_process (
    id                     uuid        primary key,
    ocid                   text        not null unique,
    authority_id           uuid        not null,
    authority_name         text        not null,
    country                text        not null check (country ~ '^[A-Z]{2}$'),
    buyer_category         text        not null,
    reference              text        not null,
    title                  text        not null check (length(title) between 3 and 500),
    description            text        not null default '',
    nature                 text        not null,
    scope                  text,
    procedure_code         text        not null,
    procurement_method     text        not null,
    international          boolean     not null default false,
    plan_line_id           uuid,
    out_of_plan_reason     text,
    language               text        not null default 'fr',
    currency               text        not null check (currency ~ '^[A-Z]{3}$'),
    estimated_value        numeric(20, 2) check (estimated_value > 0),
    value_public           boolean     not null default true,
    eligibility            text        not null default '',
    evaluation_criteria    text        not null default '',
    award_criteria         text        not null default 'priceOnly',
    bid_security           text        not null default '',
    submission_deadline    timestamptz,
    opening_at             timestamptz,
    opening_place          text        not null default '',
    clarification_deadline timestamptz,
    contact_name           text        not null default '',
    contact_email          text        not null default '',
    contact_phone          text        not null default '',
    status                 text        not null,
    review_required        boolean     not null default false,
    published_at           timestamptz,
    closed_at              timestamptz,
    cancelled_at           timestamptz,
    cancel_reason          text,
    created_by             text        not null,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    version                integer     not null default 0,
    check (plan_line_id is not null or out_of_plan_reason is not null),
    search_vector tsvector generated always as (
        setweight(to_tsvector('baobab_fr', coalesce(title, '')), 'A')
        || setweight(to_tsvector('baobab_en', coalesce(title, '')), 'A')
        || setweight(to_tsvector('baobab_ar', coalesce(title, '')), 'A')
        || setweight(to_tsvector('baobab_fr', coalesce(authority_name, '') || ' ' || coalesce(reference, '')), 'B')
        || setweight(to_tsvector('baobab_fr', coalesce(description, '')), 'C')
        || setweight(to_tsvector('baobab_en', coalesce(description, '')), 'C')
        || setweight(to_tsvector('baobab_ar', coalesce(description, '')), 'C')
    ) stored
);

create index tendering_process_search on tendering_process using gin (search_vector);
create index tendering_process_public on tendering_process (status, submission_deadline) where published_at is not null;
create index tendering_process_published on tendering_process (published_at desc) where published_at is not null;
create index tendering_process_authority on tendering_process (authority_id, updated_at desc);
create unique index tendering_process_plan_line on tendering_process (plan_line_id) where plan_line_id is not null;

create table tendering_lot (
    process_id      uuid           not null references tendering_process (id),
    number          integer        not null check (number > 0),
    title           text           not null,
    description     text           not null default '',
    estimated_value numeric(20, 2) check (estimated_value > 0),
    bid_security    text           not null default '',
    primary key (process_id, number)
);

create table tendering_required_document (
    process_id uuid not null references tendering_process (id),
    code       text not null,
    primary key (process_id, code)
);

create table tendering_document (
    id            uuid        primary key,
    process_id    uuid        not null references tendering_process (id),
    sha256        text        not null,
    title         text        not null,
    document_type text        not null,
    file_name     text        not null,
    content_type  text        not null,
    size          bigint      not null,
    addendum      integer,
    added_by      text        not null,
    added_at      timestamptz not null,
    unique (process_id, sha256)
);

create table tendering_review (
    id           uuid        primary key,
    process_id   uuid        not null references tendering_process (id),
    submitted_by text        not null,
    submitted_at timestamptz not null,
    decision     text,
    comments     text,
    decided_by   text,
    decided_at   timestamptz
);

create index tendering_review_process on tendering_review (process_id, submitted_at);

create table tendering_addendum (
    process_id              uuid        not null references tendering_process (id),
    number                  integer     not null check (number > 0),
    description             text        not null,
    previous_deadline       timestamptz not null,
    new_deadline            timestamptz,
    new_opening_at          timestamptz,
    published_by            text        not null,
    published_at            timestamptz not null,
    primary key (process_id, number)
);

create table tendering_question (
    id            uuid        primary key,
    process_id    uuid        not null references tendering_process (id),
    asker_org     uuid        not null,
    asked_by      text        not null,
    question      text        not null,
    asked_at      timestamptz not null,
    answer        text,
    answered_by   text,
    answered_at   timestamptz
);

create index tendering_question_process on tendering_question (process_id, asked_at);

create table tendering_ocid_counter (
    country text    not null,
    year    integer not null,
    last    integer not null,
    primary key (country, year)
);
