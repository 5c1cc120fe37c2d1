-- Scheduling in the pages (issue 12): where and how a conference happens, cancelling it, each
-- invitation's lifecycle and the invitee's answer, views sent before the meeting, and what the
-- family is told about a private part (the professionals' reason stays with them).

alter table conference add column venue varchar(500);
alter table conference add column join_link varchar(500);
alter table conference add column dial_in varchar(300);
alter table conference add column cancel_reason varchar(500);

alter table conference_invitee add column invited_at timestamp with time zone;
alter table conference_invitee add column opened_at timestamp with time zone;
alter table conference_invitee add column signed_in_at timestamp with time zone;
alter table conference_invitee add column joined_at timestamp with time zone;
alter table conference_invitee add column answer varchar(20);
alter table conference_invitee add column answered_at timestamp with time zone;
alter table conference_invitee add column cant_come_reason varchar(500);
alter table conference_invitee add column interpreter_language varchar(100);
alter table conference_invitee add column access_needs varchar(1000);

create table views_before_meeting (
    id              uuid primary key,
    invitee_id      uuid          not null references conference_invitee (id),
    words           varchar(2000),
    file_name       varchar(200),
    file_content    bytea,
    sent_at         timestamp with time zone not null
);
create index views_before_meeting_invitee on views_before_meeting (invitee_id);

alter table private_part add column family_text varchar(500);
