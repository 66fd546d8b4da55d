-- What the application's own monitor of the transparency log (the transparency-self-check job) kept from its last
-- clean run: the head it checked, the frontier of the tree and the statements it needs later (format BLM1,
-- docs/sealing-format.md, "Monitoring the log"). One row, replaced at each clean run.
create table bidding_log_monitor (
    singleton  boolean     primary key default true check (singleton),
    state      text        not null,
    checked_at timestamptz not null
);
