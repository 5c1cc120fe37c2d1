-- Files that go with a queued email (a meeting's calendar entry, views sent before a meeting),
-- kept with it until it is sent, then deleted with it.
create table outbox_mail_attachment (
    mail_id         uuid          not null references outbox_mail (id) on delete cascade,
    position        integer       not null,
    file_name       varchar(200)  not null,
    content_type    varchar(200)  not null,
    content         bytea         not null,
    primary key (mail_id, position)
);
