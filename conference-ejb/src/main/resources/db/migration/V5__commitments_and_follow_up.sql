-- Commitments and follow-up: sign-off of actions, the family's view and professional dissent,
-- the frozen record of a closed conference, progress updates, the strategy discussion that
-- starts the statutory timescales, daily jobs that run once per cluster, and the hash-chained
-- audit log (plan changes chain per plan in plan_change; everything else in audit_entry).

alter table family add column strategy_discussion_on date;

create table action_signature (
    id              uuid primary key,
    plan_id         uuid          not null references action_plan (id),
    action_id       uuid          not null references plan_action (id),
    conference_id   uuid          not null references conference (id),
    signer_kind     varchar(20)   not null,
    signer_id       uuid          not null,
    signer_name     varchar(200)  not null,
    agency_id       uuid references agency (id),
    content_hash    varchar(64)   not null,
    signed_at       timestamp with time zone not null,
    voided_at       timestamp with time zone,
    void_reason     varchar(300)
);
create index action_signature_action on action_signature (action_id);
create index action_signature_plan_open on action_signature (plan_id, voided_at);

create table conference_statement (
    id              uuid primary key,
    conference_id   uuid          not null references conference (id),
    stance          varchar(30)   not null,
    words           varchar(4000),
    author_kind     varchar(20)   not null,
    author_id       uuid          not null,
    author_name     varchar(200)  not null,
    agency_name     varchar(200),
    recorded_at     timestamp with time zone not null
);
create index conference_statement_conference on conference_statement (conference_id);

-- Written once, when the chair closes the conference, and never changed.
create table conference_record (
    conference_id   uuid primary key references conference (id),
    closed_at       timestamp with time zone not null,
    closed_by_name  varchar(200)  not null,
    plan_revision   bigint        not null,
    record          text          not null
);

create table progress_update (
    id              uuid primary key,
    action_id       uuid          not null references plan_action (id),
    author_kind     varchar(20)   not null,
    author_id       uuid          not null,
    author_name     varchar(200)  not null,
    status          varchar(20)   not null,
    note            varchar(2000) not null,
    posted_at       timestamp with time zone not null
);
create index progress_update_action on progress_update (action_id);

-- A row per job and day: the node that inserts it runs the job; the others find it there.
create table daily_job_run (
    job             varchar(60)   not null,
    run_on          date          not null,
    started_at      timestamp with time zone not null,
    primary key (job, run_on)
);

create table app_setting (
    name            varchar(100)  primary key,
    setting_value   varchar(200)  not null
);

-- The chain of plan changes, per plan. Changes made before this migration are not chained;
-- chain_from is the last of them.
alter table plan_change add column previous_hash varchar(64);
alter table plan_change add column hash varchar(64);
alter table action_plan add column chain_from bigint not null default 0;
update action_plan set chain_from = revision;

create table audit_entry (
    seq             bigint        primary key,
    recorded_at     timestamp with time zone not null,
    actor_kind      varchar(20),
    actor_id        uuid,
    actor_name      varchar(200)  not null,
    family_id       uuid,
    event           varchar(60)   not null,
    subject_id      uuid,
    detail          text          not null,
    previous_hash   varchar(64)   not null,
    hash            varchar(64)   not null
);
create index audit_entry_family on audit_entry (family_id);

-- The head of the chain: one row, locked by each append, so entries are added one at a time.
create table audit_head (
    id              integer       primary key,
    last_seq        bigint        not null,
    last_hash       varchar(64)   not null
);
insert into audit_head (id, last_seq, last_hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
