-- The sent-mail log. mail_key identifies one logical mail across retries.
create table notifications_mail_log (
    id         uuid        primary key,
    mail_key   text        not null unique,
    recipient  text        not null,
    template   text        not null,
    subject    text        not null,
    status     text        not null check (status in ('SENT', 'RETRYING', 'NO_SMTP')),
    attempts   int         not null,
    created_at timestamptz not null,
    sent_at    timestamptz,
    error      text,
    -- kept in demo mode only: a body may contain a one-time link
    body       text
);
create index notifications_mail_log_recipient_idx on notifications_mail_log (lower(recipient), created_at desc);
