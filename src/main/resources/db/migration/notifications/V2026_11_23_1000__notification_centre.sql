-- The in-app notification centre: one row per user per fact (an addendum to a followed notice, an answer, a deadline
-- approaching, a cancellation, a company document expiring, a new notice matching an alert). The text is not stored:
-- a message key and its arguments are, and the text is rendered in the reader's language when read.
create table notifications_inbox (
    id            uuid        primary key,
    recipient_id  uuid        not null,
    kind          text        not null check (kind in ('NOTICE_ADDENDUM', 'NOTICE_ANSWER', 'NOTICE_DEADLINE',
                                                       'NOTICE_CANCELLED', 'DOCUMENT_EXPIRING', 'ALERT_MATCH')),
    -- what the fact is about: a notice's ocid, a company document's id
    subject       text        not null,
    -- tells two facts of one kind about one subject apart: an addendum's number, a question's id, a deadline
    discriminator text        not null default '',
    -- a path inside Baobab, e.g. /notices/ocds-xxx or /supplier/documents
    link          text        not null check (link like '/%' and link not like '//%'),
    message_key   text        not null,
    -- a JSON array of typed arguments ({"type": "text" | "date" | "instant" | "document", "value": ..., "country": ...})
    arguments     jsonb       not null default '[]',
    created_at    timestamptz not null,
    read_at       timestamptz,
    -- a listener handed the same event again (the outbox retries until it succeeds) writes nothing more
    constraint notifications_inbox_once unique (recipient_id, kind, subject, discriminator)
);

-- the centre's page: a user's notifications, newest first
create index notifications_inbox_recipient_idx on notifications_inbox (recipient_id, created_at desc, id desc);
-- the unread count in every page's header, and the unread ones newest first
create index notifications_inbox_unread_idx on notifications_inbox (recipient_id, created_at desc)
    where read_at is null;
