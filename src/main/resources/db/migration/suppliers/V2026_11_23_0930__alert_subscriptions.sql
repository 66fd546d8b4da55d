-- Alerts: subscriptions to new notices by country, category, procedure, authority and words, for a signed-in user or
-- an anonymous visitor (active once the address is confirmed: double opt-in). The token is a random capability used
-- by the confirmation link and by the one-click unsubscribe link of every alert (kept: every alert carries it).

create table supplier_subscription (
    id           uuid        primary key,
    email        text        not null,
    language     text        not null,
    user_id      uuid,
    country      text,
    nature       text,
    procedure    text,
    authority_id uuid,
    words        text        not null default '',
    token        text        not null unique,
    confirmed_at timestamptz,
    created_at   timestamptz not null
);

create index supplier_subscription_user on supplier_subscription (user_id) where user_id is not null;
create index supplier_subscription_active on supplier_subscription (country) where confirmed_at is not null;
