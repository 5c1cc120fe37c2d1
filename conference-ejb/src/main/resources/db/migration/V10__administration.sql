-- Setting a council up from the browser: whom to call at each agency and advocacy organisation,
-- staff phone numbers, and the single-use links with which staff set their own password.

alter table agency add column contact_phone varchar(40);
alter table agency add column contact_email varchar(320);
alter table staff_member add column phone varchar(40);

-- A staff member sets their own password from a link (the first administrator's from the
-- add-administrator command, everyone else's from an email). Only the token's hash is kept.
create table password_setup (
    id              uuid primary key,
    staff_id        uuid         not null references staff_member (id),
    token_hash      varchar(64)  not null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    used_at         timestamp with time zone,
    constraint password_setup_token_unique unique (token_hash)
);
create index password_setup_staff on password_setup (staff_id);

-- Organisations that advocates come from, kept by administrators so staff can pick one.
create table advocacy_organisation (
    id              uuid primary key,
    name            varchar(200) not null,
    contact_phone   varchar(40),
    contact_email   varchar(320),
    version         bigint       not null default 0,
    constraint advocacy_organisation_name_unique unique (name)
);
