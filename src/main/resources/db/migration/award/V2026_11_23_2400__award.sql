-- Award: the evaluation's recommendation, prior review, the provisional award with its standstill, the final award
-- or the cancellation at the award stage (docs/award.md).

create table award_award (
    ocid                text primary key,
    country             char(2) not null,
    authority_id        uuid not null,
    report_id           uuid not null,
    method              text not null,
    approved_at         timestamptz not null,
    recommended_at      timestamptz not null,
    status              text not null
        check (status in ('RECOMMENDED', 'IN_REVIEW', 'APPROVED', 'PROVISIONAL', 'FINAL', 'CANCELLED')),
    -- prior review by the control body: the last round's decision and comments
    review_decision     text check (review_decision in ('APPROVED', 'RETURNED')),
    review_comments     text,
    reviewed_by         text,
    reviewed_at         timestamptz,
    provisional_at      timestamptz,
    provisional_by      text,
    -- the last day of the standstill (country's calendar); final only from the next day on
    standstill_ends     date,
    complain_by         date,
    final_at            timestamptz,
    final_by            text,
    cancelled_at        timestamptz,
    cancelled_by        text,
    cancel_reason       text
);

create table award_lot (
    ocid                text not null references award_award (ocid),
    position            int not null,
    lot                 text not null,
    winner_id           uuid,
    winner_name         text,
    amount              numeric(20, 2),
    currency            char(3) not null,
    primary key (ocid, position)
);

-- every bidder's result; the reasons are the bidder's own (only it and the authority read them)
create table award_bidder (
    ocid                text not null references award_award (ocid),
    position            int not null,
    company_id          uuid not null,
    company_name        text not null,
    envelope_ids        text not null,
    lots                text not null,
    read_amount         numeric(20, 2),
    corrected_amount    numeric(20, 2),
    evaluated_amount    numeric(20, 2),
    technical_score     numeric(7, 2),
    combined_score      numeric(7, 2),
    rank                int,
    outcome             text not null check (outcome in ('recommended', 'ranked', 'rejected', 'disqualified')),
    reasons             text not null,
    primary key (ocid, position)
);

create index award_bidder_company on award_bidder (company_id);
