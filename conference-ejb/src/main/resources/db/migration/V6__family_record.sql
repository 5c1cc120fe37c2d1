-- The family's own record: details the family keeps itself (with history, and corrections staff
-- propose), sharing preferences with recorded overrides and restrictions, the log of staff
-- reads, and agencies' reports before a conference.

alter table family add column message_to_workers varchar(2000);
alter table family_member add column lives_in_household boolean not null default true;

-- Every change to the family's details: who changed which field, from what to what, and when.
create table detail_change (
    id              uuid primary key,
    family_id       uuid          not null references family (id),
    member_id       uuid references family_member (id),
    field           varchar(40)   not null,
    old_value       varchar(2000),
    new_value       varchar(2000),
    changed_by_kind varchar(20)   not null,
    changed_by_id   uuid          not null,
    changed_by_name varchar(200)  not null,
    proposal_id     uuid,
    changed_at      timestamp with time zone not null
);
create index detail_change_family on detail_change (family_id, changed_at);

create table detail_proposal (
    id              uuid primary key,
    family_id       uuid          not null references family (id),
    member_id       uuid          not null references family_member (id),
    field           varchar(40)   not null,
    proposed_value  varchar(2000),
    reason          varchar(1000) not null,
    proposed_by_id  uuid          not null references staff_member (id),
    proposed_by_name varchar(200) not null,
    agency_name     varchar(200)  not null,
    proposed_at     timestamp with time zone not null,
    status          varchar(20)   not null,
    decided_by_name varchar(200),
    decided_at      timestamp with time zone
);
create index detail_proposal_family on detail_proposal (family_id, status);

-- The family's preference, per agency and kind of information. No row means "share".
create table sharing_preference (
    family_id       uuid          not null references family (id),
    agency_id       uuid          not null references agency (id),
    kind            varchar(30)   not null,
    preference      varchar(20)   not null,
    set_by_name     varchar(200)  not null,
    set_at          timestamp with time zone not null,
    primary key (family_id, agency_id, kind)
);

-- The sharing ledger: overrides of the family's preference, each with a lawful basis and a reason.
create table sharing_decision (
    id              uuid primary key,
    family_id       uuid          not null references family (id),
    agency_id       uuid          not null references agency (id),
    kind            varchar(30)   not null,
    lawful_basis    varchar(40)   not null,
    reason          varchar(2000) not null,
    decided_by_id   uuid          not null references staff_member (id),
    decided_by_name varchar(200)  not null,
    decided_at      timestamp with time zone not null,
    restriction_reason varchar(2000),
    restriction_review_on date,
    restricted_by_name varchar(200)
);
create index sharing_decision_family on sharing_decision (family_id);

-- Every read of a family's record by staff.
create table record_access (
    id              uuid primary key,
    family_id       uuid          not null references family (id),
    staff_id        uuid          not null references staff_member (id),
    staff_name      varchar(200)  not null,
    agency_name     varchar(200)  not null,
    what            varchar(200)  not null,
    purpose         varchar(300),
    accessed_at     timestamp with time zone not null
);
create index record_access_family on record_access (family_id, accessed_at);

create table conference_report (
    id              uuid primary key,
    conference_id   uuid          not null references conference (id),
    agency_id       uuid          not null references agency (id),
    uploaded_by_name varchar(200) not null,
    file_name       varchar(200)  not null,
    size_bytes      bigint        not null,
    sha256          varchar(64)   not null,
    content         bytea         not null,
    uploaded_at     timestamp with time zone not null,
    shared_at       timestamp with time zone
);
create index conference_report_conference on conference_report (conference_id);
