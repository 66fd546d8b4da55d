-- Suppliers: what each company sells, as CPV codes. The stem (the code without its trailing zeros, at least the two
-- digits of the division) lets a match go both ways: a company selling "72" (IT services) is found for a notice coded
-- 72212000, and one selling 72212000 is found when someone looks for the division 72000000.
create table supplier_category (
    organisation_id uuid        not null,
    cpv_code        text        not null check (cpv_code ~ '^[0-9]{8}$'),
    stem            text        not null check (stem ~ '^[0-9]{2,8}$'),
    added_by        text        not null,
    added_at        timestamptz not null,
    primary key (organisation_id, cpv_code)
);

create index supplier_category_stem on supplier_category (stem text_pattern_ops);
