-- Alerts by daily digest: a match of a DAILY alert waits here until the digest job mails them together (one mail per
-- alert per run) and removes them in the same transaction as it asks for the mail.

alter table supplier_subscription add column frequency text not null default 'INSTANT'
    check (frequency in ('INSTANT', 'DAILY'));

create table supplier_alert_pending (
    subscription_id uuid        not null references supplier_subscription (id) on delete cascade,
    ocid            text        not null,
    title           text        not null,
    matched_at      timestamptz not null,
    primary key (subscription_id, ocid)
);
