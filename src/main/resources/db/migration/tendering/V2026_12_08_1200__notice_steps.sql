-- The steps of the guided notice editor a buyer has completed on a draft (what, lots, dates, documents, committee),
-- so that the process page shows where the work stands and the editor resumes at the first step left to do.
create table tendering_notice_step (
    process_id   uuid        not null references tendering_process (id),
    step         text        not null check (step ~ '^[a-z]{2,20}$'),
    completed_by text        not null,
    completed_at timestamptz not null,
    primary key (process_id, step)
);
