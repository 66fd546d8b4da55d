-- Faster public search (measured in docs/benchmarks.md).
--
-- 1. A leaner search vector. The Arabic configuration used to index the whole title and description, so every
--    French or English word was stored a third time, unstemmed and with its stop words: two thirds of a row's bytes
--    were search vector, and ranking reads every byte of every match. The Arabic part now indexes the Arabic-script
--    text only (Arabic, its supplements and presentation forms); French and English still index everything, so a
--    bilingual Cameroonian notice or a French-and-Arabic Tunisian one is found in each of its languages.
-- 2. Indexes that serve the portal's sorts without a sort step: newest first, and nearest deadline first by status
--    and by country and status, each ending with the id that breaks ties in the queries.

drop index tendering_process_search;
drop index tendering_process_public;
drop index tendering_process_published;

alter table tendering_process drop column search_vector;

alter table tendering_process add column search_vector tsvector generated always as (
    setweight(to_tsvector('baobab_fr', title), 'A')
    || setweight(to_tsvector('baobab_en', title), 'A')
    || setweight(to_tsvector('baobab_ar', regexp_replace(title,
        '[^\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+', ' ', 'g')), 'A')
    || setweight(to_tsvector('baobab_fr', authority_name || ' ' || reference), 'B')
    || setweight(to_tsvector('baobab_fr', description), 'C')
    || setweight(to_tsvector('baobab_en', description), 'C')
    || setweight(to_tsvector('baobab_ar', regexp_replace(description,
        '[^\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+', ' ', 'g')), 'C')
) stored;

create index tendering_process_search on tendering_process using gin (search_vector) where published_at is not null;
create index tendering_process_published on tendering_process (published_at desc, id) where published_at is not null;
create index tendering_process_deadline on tendering_process (status, submission_deadline, id)
    where published_at is not null;
create index tendering_process_country_deadline on tendering_process (country, status, submission_deadline, id)
    where published_at is not null;
