-- Planning: annual procurement plans (PPM), one row per revision of an authority's plan for a fiscal year. A
-- published revision never changes; a change is a new revision. Lines keep a stable key across revisions, so that a
-- line's launch as a procurement process (its ocid) follows it from one revision to the next.
create table planning_plan (
    id              uuid        primary key,
    authority_id    uuid        not null,
    authority_name  text        not null,
    country         text        not null check (country ~ '^[A-Z]{2}$'),
    fiscal_year     integer     not null check (fiscal_year between 2000 and 2100),
    revision        integer     not null check (revision > 0),
    status          text        not null,
    revision_reason text,
    created_by      text        not null,
    created_at      timestamptz not null,
    validated_by    text,
    validated_at    timestamptz,
    published_by    text,
    published_at    timestamptz,
    unique (authority_id, fiscal_year, revision)
);

create index planning_plan_public on planning_plan (country, fiscal_year, published_at desc) where published_at is not null;

create table planning_line (
    id             uuid           primary key,
    plan_id        uuid           not null references planning_plan (id),
    line_key       uuid           not null,
    position       integer        not null,
    reference      text           not null,
    title          text           not null,
    description    text           not null default '',
    nature         text           not null,
    procedure_code text           not null,
    amount         numeric(20, 2) not null check (amount > 0),
    currency       text           not null check (currency ~ '^[A-Z]{3}$'),
    funding_source text           not null default '',
    launch_date    date,
    opening_date   date,
    award_date     date,
    signature_date date,
    unique (plan_id, reference),
    unique (plan_id, line_key)
);

-- Each line gets its OCDS contracting-process identifier when first published; the process launched from the line
-- later keeps it, so the planning and tender releases of one purchase share one ocid and compile into one record.
create table planning_line_ocid (
    line_key  uuid        primary key,
    ocid      text        not null unique,
    minted_at timestamptz not null
);

create table planning_ocid_counter (
    country text    not null,
    year    integer not null,
    last    integer not null,
    primary key (country, year)
);

-- The line was launched as a procurement process (under the line's ocid).
create table planning_launch (
    line_key    uuid        primary key references planning_line_ocid (line_key),
    launched_by text        not null,
    launched_at timestamptz not null
);
