-- Complaints (recours): a bidder's complaint to the contracting authority (recours gracieux), escalated to the
-- regulator's complaints body (CRD, CER, ANRMP), its exchanges, suspensions and decision (docs/complaints.md).

create table complaints_complaint (
    id                  uuid primary key,
    ocid                text not null,
    country             char(2) not null,
    authority_id        uuid not null,
    authority_name      text not null,
    process_title       text not null,
    complainant_id      uuid not null,
    complainant_name    text not null,
    filed_by            text not null,
    -- what is contested: NOTICE, AWARD or OTHER (a free code until the award module exists) and its description
    contested_kind      text not null check (contested_kind in ('NOTICE', 'AWARD', 'OTHER')),
    contested_text      text not null,
    contested_on        date not null,
    remedy              text not null,
    stage               text not null check (stage in ('AUTHORITY', 'REGULATOR')),
    state               text not null check (state in ('FILED', 'ANSWERED', 'ESCALATED', 'DECIDED')),
    filed_at            timestamptz not null,
    -- the last day to answer, counted from the pack when filed
    answer_due          date not null,
    answer              text,
    answered_at         timestamptz,
    answered_by         text,
    answer_late         boolean not null default false,
    escalated_at        timestamptz,
    decision_due        date,
    decision            text check (decision in ('UPHELD', 'PARTLY_UPHELD', 'DISMISSED', 'INADMISSIBLE')),
    decision_reasons    text,
    decided_at          timestamptz,
    decided_by          text,
    version             int not null default 0
);
create index complaints_complaint_ocid on complaints_complaint (ocid);
create index complaints_complaint_complainant on complaints_complaint (complainant_id);
create index complaints_complaint_authority on complaints_complaint (authority_id);

create table complaints_objection (
    complaint_id uuid not null references complaints_complaint (id),
    position     int not null,
    title        text not null,
    description  text not null,
    primary key (complaint_id, position)
);

-- Evidence: documents of the document store, by their SHA-256.
create table complaints_evidence (
    complaint_id uuid not null references complaints_complaint (id),
    position     int not null,
    sha256       char(64) not null,
    name         text not null,
    primary key (complaint_id, position)
);

-- Messages between the parties, in order.
create table complaints_exchange (
    id           uuid primary key,
    complaint_id uuid not null references complaints_complaint (id),
    party        text not null check (party in ('COMPLAINANT', 'AUTHORITY', 'REGULATOR')),
    author       text not null,
    body         text not null,
    at           timestamptz not null
);
create index complaints_exchange_complaint on complaints_exchange (complaint_id, at);

-- Suspensions of a procedure by the regulator's complaints body while it decides; open while lifted_at is null.
create table complaints_suspension (
    id            uuid primary key,
    ocid          text not null,
    complaint_id  uuid not null references complaints_complaint (id),
    reason        text not null,
    suspended_at  timestamptz not null,
    suspended_by  text not null,
    lifted_at     timestamptz,
    lifted_by     text
);
create unique index complaints_suspension_open on complaints_suspension (complaint_id) where lifted_at is null;
create index complaints_suspension_ocid on complaints_suspension (ocid) where lifted_at is null;
