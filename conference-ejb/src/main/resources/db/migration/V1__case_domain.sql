-- The case domain: agencies and their staff, families and their members, who works with whom,
-- conferences with invitees and agenda, the family's living action plan, and contacts.
-- Written to run unchanged on PostgreSQL and on H2 in PostgreSQL mode.

create table agency (
    id              uuid primary key,
    name            varchar(200) not null,
    kind            varchar(40)  not null,
    version         bigint       not null default 0,
    constraint agency_name_unique unique (name)
);

create table staff_member (
    id                   uuid primary key,
    agency_id            uuid         not null references agency (id),
    full_name            varchar(200) not null,
    email                varchar(320) not null,
    username             varchar(100) not null,
    password_hash        varchar(100) not null,
    is_chair             boolean      not null default false,
    is_administrator     boolean      not null default false,
    active               boolean      not null default true,
    failed_sign_ins      integer      not null default 0,
    locked_until         timestamp with time zone,
    version              bigint       not null default 0,
    constraint staff_username_unique unique (username)
);
create index staff_member_agency on staff_member (agency_id);

create table family (
    id              uuid primary key,
    name            varchar(200) not null,
    reference       varchar(60),
    created_at      timestamp with time zone not null,
    version         bigint       not null default 0
);

create table family_member (
    id                  uuid primary key,
    family_id           uuid         not null references family (id),
    full_name           varchar(200) not null,
    date_of_birth       date,
    email               varchar(320),
    phone               varchar(40),
    address             varchar(500),
    preferred_language  varchar(60),
    access_needs        varchar(1000),
    version             bigint       not null default 0
);
create index family_member_family on family_member (family_id);
create index family_member_email on family_member (email);

create table involvement (
    id                      uuid primary key,
    family_id               uuid not null references family (id),
    agency_id               uuid not null references agency (id),
    lead_practitioner_id    uuid not null references staff_member (id),
    starts_on               date not null,
    ends_on                 date,
    version                 bigint not null default 0,
    constraint involvement_dates check (ends_on is null or ends_on >= starts_on)
);
create index involvement_family on involvement (family_id);
create index involvement_agency on involvement (agency_id);

create table advocate (
    id              uuid primary key,
    full_name       varchar(200) not null,
    email           varchar(320) not null,
    organisation    varchar(200),
    version         bigint       not null default 0
);
create index advocate_email on advocate (email);

create table advocate_assignment (
    id              uuid primary key,
    family_id       uuid not null references family (id),
    advocate_id     uuid not null references advocate (id),
    starts_on       date not null,
    ends_on         date,
    constraint advocate_assignment_dates check (ends_on is null or ends_on >= starts_on)
);
create index advocate_assignment_family on advocate_assignment (family_id);
create index advocate_assignment_advocate on advocate_assignment (advocate_id);

create table conference (
    id              uuid primary key,
    family_id       uuid         not null references family (id),
    kind            varchar(40)  not null,
    scheduled_start timestamp with time zone not null,
    chair_id        uuid         not null references staff_member (id),
    status          varchar(20)  not null,
    version         bigint       not null default 0
);
create index conference_family on conference (family_id);
create index conference_chair on conference (chair_id);

create table conference_invitee (
    id                  uuid primary key,
    conference_id       uuid        not null references conference (id),
    role                varchar(30) not null,
    staff_member_id     uuid references staff_member (id),
    family_member_id    uuid references family_member (id),
    advocate_id         uuid references advocate (id),
    constraint invitee_is_one_person check (
        (case when staff_member_id is null then 0 else 1 end)
      + (case when family_member_id is null then 0 else 1 end)
      + (case when advocate_id is null then 0 else 1 end) = 1)
);
create index conference_invitee_conference on conference_invitee (conference_id);

create table agenda_item (
    id              uuid primary key,
    conference_id   uuid          not null references conference (id),
    position        integer       not null,
    title           varchar(300)  not null,
    notes           varchar(2000),
    version         bigint        not null default 0
);
create index agenda_item_conference on agenda_item (conference_id);

create table action_plan (
    id              uuid primary key,
    family_id       uuid   not null references family (id),
    revision        bigint not null default 0,
    version         bigint not null default 0,
    constraint action_plan_one_per_family unique (family_id)
);

create table plan_goal (
    id              uuid primary key,
    plan_id         uuid          not null references action_plan (id),
    position        integer       not null,
    title           varchar(500)  not null,
    description     varchar(4000),
    version         bigint        not null default 0
);
create index plan_goal_plan on plan_goal (plan_id);

create table plan_action (
    id                      uuid primary key,
    goal_id                 uuid          not null references plan_goal (id),
    position                integer       not null,
    description             varchar(2000) not null,
    owner_kind              varchar(20)   not null,
    owner_agency_id         uuid references agency (id),
    owner_family_member_id  uuid references family_member (id),
    due_on                  date,
    status                  varchar(20)   not null,
    version                 bigint        not null default 0,
    constraint plan_action_has_one_owner check (
        (owner_kind = 'AGENCY' and owner_agency_id is not null and owner_family_member_id is null)
     or (owner_kind = 'FAMILY_MEMBER' and owner_family_member_id is not null and owner_agency_id is null))
);
create index plan_action_goal on plan_action (goal_id);

create table contact (
    id              uuid primary key,
    family_id       uuid          not null references family (id),
    agency_id       uuid          not null references agency (id),
    recorded_by_id  uuid          not null references staff_member (id),
    happened_on     date          not null,
    kind            varchar(20)   not null,
    summary         varchar(2000) not null,
    version         bigint        not null default 0
);
create index contact_family on contact (family_id, happened_on);
