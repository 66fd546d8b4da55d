-- Organisations, users, memberships with roles, one-time tokens and the login-attempt log.

create table identity_organisation (
    id         uuid        primary key,
    kind       text        not null check (kind in ('CONTRACTING_AUTHORITY', 'SUPPLIER', 'CONTROL_BODY', 'REGULATOR')),
    name       text        not null check (length(trim(name)) between 2 and 300),
    country    char(2)     not null,
    created_at timestamptz not null,
    version    int         not null default 0
);
create unique index identity_organisation_name_uq on identity_organisation (country, lower(name));

create table identity_user (
    id                 uuid        primary key,
    email              text        not null check (position('@' in email) > 1),
    full_name          text        not null,
    password_hash      text        not null,
    email_verified     boolean     not null default false,
    active             boolean     not null default true,
    language           text        not null default 'fr',
    -- TOTP secret, encrypted with the platform's data key (AES-GCM); null until the user enrols
    totp_secret        text,
    -- the last 30-second time step accepted, so that a code cannot be replayed
    totp_last_step     bigint,
    failed_logins      int         not null default 0,
    locked_until       timestamptz,
    created_at         timestamptz not null,
    version            int         not null default 0
);
create unique index identity_user_email_uq on identity_user (lower(email));

create table identity_membership (
    user_id         uuid        not null references identity_user (id),
    organisation_id uuid        not null references identity_organisation (id),
    role            text        not null,
    granted_at      timestamptz not null,
    granted_by      text        not null,
    primary key (user_id, organisation_id, role)
);
create index identity_membership_org_idx on identity_membership (organisation_id);

-- One-time tokens sent by mail (e-mail verification, password reset, invitation). Only the SHA-256 of the token is
-- stored: a database reader cannot use them.
create table identity_token (
    token_hash      text        primary key,
    purpose         text        not null check (purpose in ('VERIFY_EMAIL', 'RESET_PASSWORD', 'INVITATION')),
    user_id         uuid        references identity_user (id),
    email           text        not null,
    organisation_id uuid        references identity_organisation (id),
    role            text,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    used_at         timestamptz
);
create index identity_token_user_idx on identity_token (user_id, purpose);

-- Every sign-in attempt, for the per-address rate limit and for investigations.
create table identity_login_attempt (
    id         bigserial   primary key,
    at         timestamptz not null,
    email      text        not null,
    ip         text        not null,
    outcome    text        not null
);
create index identity_login_attempt_ip_idx on identity_login_attempt (ip, at);
