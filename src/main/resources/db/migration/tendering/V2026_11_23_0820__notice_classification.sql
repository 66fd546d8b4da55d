-- What a notice buys, as CPV codes (eight digits, the main one first): suppliers' categories, alerts and the search
-- by field match them by their beginning (a division's two digits cover every code under it).
alter table tendering_process add column cpv_codes text[] not null default '{}'
    check (array_position(cpv_codes, null) is null);

create index tendering_process_cpv on tendering_process using gin (cpv_codes) where published_at is not null;
