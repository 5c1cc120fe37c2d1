-- The live plan. The plan becomes a document edited by operations: every change is kept in
-- plan_change (the log, committed before anyone is told of it), and a snapshot of the whole
-- document is written from time to time. plan_goal and plan_action stay as a projection of the
-- document for queries (who owns what, what is overdue), updated in the same transaction.

alter table action_plan add column document text;
alter table action_plan add column document_revision bigint;

create table plan_change (
    plan_id         uuid         not null references action_plan (id),
    revision        bigint       not null,
    change_id       varchar(64)  not null,
    client_id       varchar(64)  not null,
    author_kind     varchar(20)  not null,
    author_id       uuid         not null,
    operations      text         not null,
    applied_at      timestamp with time zone not null,
    primary key (plan_id, revision),
    constraint plan_change_id_unique unique (change_id)
);

-- Order is a position key (see FractionalIndex); removed items stay, marked deleted.
alter table plan_goal add column position_key varchar(64);
alter table plan_goal add column deleted boolean not null default false;
alter table plan_goal alter column position drop not null;

alter table plan_action add column position_key varchar(64);
alter table plan_action add column deleted boolean not null default false;
alter table plan_action alter column position drop not null;
-- An action may be proposed before anyone owns it.
alter table plan_action drop constraint plan_action_has_one_owner;
alter table plan_action alter column owner_kind drop not null;
alter table plan_action add constraint plan_action_owner_fits check (
    (owner_kind is null and owner_agency_id is null and owner_family_member_id is null)
 or (owner_kind = 'AGENCY' and owner_family_member_id is null)
 or (owner_kind = 'FAMILY_MEMBER' and owner_agency_id is null));
