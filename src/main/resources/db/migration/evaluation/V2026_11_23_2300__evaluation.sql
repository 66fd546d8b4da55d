-- Evaluation of the bids opened (docs/evaluation.md): the criteria fixed when the evaluation starts, the committee's
-- declarations, each member's own marks, the consolidated result with its reasons, the financial examination
-- (arithmetic corrections, preference margins, abnormally low bids) and the report the members approve.

create table evaluation_evaluation (
    id                  uuid primary key,
    ocid                text not null unique,
    country             char(2) not null,
    authority_id        uuid not null,
    -- the OCDS awardCriteria of the notice: priceOnly, costOnly, qualityOnly or ratedCriteria
    method              text not null check (method in ('priceOnly', 'costOnly', 'qualityOnly', 'ratedCriteria')),
    two_stage           boolean not null,
    -- ratedCriteria: the weight of the technical score, in percent (the financial one is the rest)
    technical_weight    int check (technical_weight between 1 and 99),
    -- the technical score out of 100 a bid needs to be qualified, when criteria are scored
    pass_mark           numeric(5, 2) check (pass_mark between 0 and 100),
    -- a price this many percent below the mean of the responsive prices of its lot is flagged abnormally low
    low_bid_percent     numeric(5, 2) not null check (low_bid_percent between 1 and 90),
    -- declarations → individual → consolidation → financial-opening → financial → report → approved
    stage               text not null,
    started_by          text not null,
    started_at          timestamptz not null,
    technical_settled_at timestamptz,
    version             int not null default 0
);

create table evaluation_criterion (
    evaluation_id       uuid not null references evaluation_evaluation (id),
    position            int not null,
    code                text not null,
    -- admin: a required piece (pass/fail); pass: a technical requirement (pass/fail); score: scored technical
    kind                text not null check (kind in ('admin', 'pass', 'score')),
    label               text not null,
    max_points          numeric(6, 2),
    primary key (evaluation_id, code),
    check ((kind = 'score') = (max_points is not null))
);

create table evaluation_member (
    evaluation_id       uuid not null references evaluation_evaluation (id),
    user_id             uuid not null,
    position            int not null,
    name                text not null,
    declared_at         timestamptz,
    conflict            boolean not null default false,
    submitted_at        timestamptz,
    primary key (evaluation_id, user_id)
);

create table evaluation_bidder (
    evaluation_id       uuid not null references evaluation_evaluation (id),
    company_id          uuid not null,
    company_name        text not null,
    technical_envelope  uuid not null,
    financial_envelope  uuid,
    lots                text[] not null,
    received_at         timestamptz not null,
    primary key (evaluation_id, company_id)
);

-- each member's own marks, kept after consolidation
create table evaluation_mark (
    evaluation_id       uuid not null references evaluation_evaluation (id),
    user_id             uuid not null,
    company_id          uuid not null,
    code                text not null,
    passed              boolean,
    points              numeric(6, 2),
    comment             text not null default '',
    marked_at           timestamptz not null,
    primary key (evaluation_id, user_id, company_id, code)
);

-- the committee's consolidated mark, with the reason when members disagreed or it departs from theirs
create table evaluation_settled (
    evaluation_id       uuid not null references evaluation_evaluation (id),
    company_id          uuid not null,
    code                text not null,
    passed              boolean,
    points              numeric(6, 2),
    reason              text not null default '',
    disagreement        boolean not null,
    settled_by          text not null,
    settled_at          timestamptz not null,
    primary key (evaluation_id, company_id, code)
);

-- the financial examination of a bid's lot
create table evaluation_price (
    evaluation_id       uuid not null references evaluation_evaluation (id),
    company_id          uuid not null,
    lot                 text not null,
    corrected_amount    numeric(20, 2) not null check (corrected_amount >= 0),
    correction_reason   text not null default '',
    margin_code         text,
    low_decision        text check (low_decision in ('accepted', 'rejected')),
    low_reason          text not null default '',
    recorded_by         text not null,
    recorded_at         timestamptz not null,
    primary key (evaluation_id, company_id, lot)
);

create table evaluation_report (
    id                  uuid primary key,
    evaluation_id       uuid not null unique references evaluation_evaluation (id),
    -- the frozen result: the recommendation and every figure behind it, as canonical JSON
    content             text not null,
    generated_by        text not null,
    generated_at        timestamptz not null,
    approved_at         timestamptz
);

create table evaluation_report_approval (
    report_id           uuid not null references evaluation_report (id),
    user_id             uuid not null,
    position            int not null,
    approved_at         timestamptz not null,
    primary key (report_id, user_id)
);
