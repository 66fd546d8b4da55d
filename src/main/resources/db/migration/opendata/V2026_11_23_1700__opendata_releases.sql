-- OCDS releases, as published: append-only. See docs/open-data.md.

create table opendata_release (
    -- the global publication order: 1, 2, 3… with no gap (publications are serialised by an advisory lock)
    seq          bigint      primary key check (seq > 0),
    ocid         text        not null,
    release_id   text        not null check (release_id <> ''),
    release_date timestamptz not null,
    tags         text[]      not null check (cardinality(tags) > 0),
    published_at timestamptz not null,
    -- the exact JSON served to the public; release_json is a copy for queries only
    release      text        not null,
    release_json jsonb       not null,
    unique (ocid, release_id)
);
create index opendata_release_id_idx on opendata_release (release_id);
create index opendata_release_published_idx on opendata_release (published_at);

create function opendata_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'published releases are never changed: % on % is refused (publish a new release instead)',
        tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;

create trigger opendata_release_append_only before update or delete on opendata_release
    for each row execute function opendata_refuse_change();
create trigger opendata_release_no_truncate before truncate on opendata_release
    for each statement execute function opendata_refuse_change();
