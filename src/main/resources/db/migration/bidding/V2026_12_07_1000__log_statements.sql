-- The transparency log holds typed statements (docs/sealing-format.md, "Statements of the log"): bid receipts (BR1),
-- committee key enrolments (BKE1), sealing sets fixed at publication (BSS1) and checkpoints of the audit journal
-- (BJC1). Each leaf keeps its kind and, for the kinds looked up by what they are about, that subject: the process's
-- ocid (BSS1), the member's user id (BKE1), the journal sequence number (BJC1). Receipts keep their envelope id.
-- Adding columns rewrites no row: the append-only triggers stay as they are.
-- the rows that exist are receipts: the default fills them without updating a row, then every append names its kind
alter table bidding_log_leaf add column kind text not null default 'BR1';
alter table bidding_log_leaf alter column kind drop default;
alter table bidding_log_leaf add column subject text;
alter table bidding_log_leaf add constraint bidding_log_leaf_kind check (kind in ('BR1', 'BKE1', 'BSS1', 'BJC1'));
alter table bidding_log_leaf alter column envelope_id drop not null;
alter table bidding_log_leaf add constraint bidding_log_leaf_envelope_of_receipts
    check ((kind = 'BR1') = (envelope_id is not null));
alter table bidding_log_leaf add constraint bidding_log_leaf_subject
    check ((kind = 'BR1') = (subject is null));

-- one sealing set per process, one leaf per journal checkpoint; a member may enrol several keys over time
create unique index bidding_log_leaf_one_set on bidding_log_leaf (subject) where kind = 'BSS1';
create unique index bidding_log_leaf_one_checkpoint on bidding_log_leaf (subject) where kind = 'BJC1';
create index bidding_log_leaf_by_subject on bidding_log_leaf (kind, subject, leaf_index);
