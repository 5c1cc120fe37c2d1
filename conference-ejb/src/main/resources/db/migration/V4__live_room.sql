-- The live room's record: comments on goals and actions, and private parts (the chair excludes
-- some participants, with a reason, for a while). That a private part happened is part of the
-- conference record; its comments are visible only to those who were present.

create table private_part (
    id              uuid primary key,
    conference_id   uuid          not null references conference (id),
    started_by_id   uuid          not null references staff_member (id),
    reason          varchar(500)  not null,
    started_at      timestamp with time zone not null,
    ended_at        timestamp with time zone
);
create index private_part_conference on private_part (conference_id);

create table private_part_exclusion (
    private_part_id uuid not null references private_part (id),
    invitee_id      uuid not null references conference_invitee (id),
    primary key (private_part_id, invitee_id)
);

create table plan_comment (
    id              uuid primary key,
    family_id       uuid          not null references family (id),
    conference_id   uuid references conference (id),
    node_id         uuid          not null,
    author_kind     varchar(20)   not null,
    author_id       uuid          not null,
    author_name     varchar(200)  not null,
    body            varchar(2000) not null,
    private_part_id uuid references private_part (id),
    created_at      timestamp with time zone not null
);
create index plan_comment_family on plan_comment (family_id, created_at);
