-- Sign-in that nobody can take over, probe or block (issue 11).
--
-- * sign_in_address: the email addresses families and advocates sign in with. An address is an
--   identity: it belongs to one person (the primary key is the lower-case address) and signs
--   nobody in until the person at that address has confirmed it.
-- * sign_in_guard: counts failures and holds lock-outs, keyed by what is being protected (a
--   staff username from one source address; a person's one-time codes).
-- * unlock_link: the emailed link that lets a locked-out member of staff back in.
-- * outbox_mail: every email is queued here in the transaction that decided to send it, and
--   sent (and retried) afterwards, never while a request waits.

create table sign_in_address (
    email           varchar(320) primary key,
    caller_kind     varchar(20)  not null,
    caller_id       uuid         not null,
    token_hash      varchar(64),
    created_at      timestamp with time zone not null,
    confirmed_at    timestamp with time zone,
    constraint sign_in_address_token_unique unique (token_hash)
);
create index sign_in_address_person on sign_in_address (caller_kind, caller_id);

-- Addresses in use before this version keep working, unless two people share one: then
-- neither signs in with it until it is given again (and confirmed) for one of them.
insert into sign_in_address (email, caller_kind, caller_id, token_hash, created_at, confirmed_at)
select lower(trim(m.email)), 'FAMILY_MEMBER', m.id, null, current_timestamp, current_timestamp
from family_member m
where m.email is not null and trim(m.email) <> ''
  and (select count(*) from family_member o where lower(trim(o.email)) = lower(trim(m.email))) = 1
  and not exists (select 1 from advocate a where lower(trim(a.email)) = lower(trim(m.email)));

insert into sign_in_address (email, caller_kind, caller_id, token_hash, created_at, confirmed_at)
select lower(trim(a.email)), 'ADVOCATE', a.id, null, current_timestamp, current_timestamp
from advocate a
where trim(a.email) <> ''
  and (select count(*) from advocate o where lower(trim(o.email)) = lower(trim(a.email))) = 1
  and not exists (select 1 from family_member m where lower(trim(m.email)) = lower(trim(a.email)));

-- A new code cancels the person's older ones.
alter table one_time_code add column cancelled_at timestamp with time zone;
create index one_time_code_person on one_time_code (caller_kind, caller_id, created_at);

create table sign_in_guard (
    guard_key       varchar(200) primary key,
    failures        integer      not null default 0,
    locked_until    timestamp with time zone,
    updated_at      timestamp with time zone not null
);
create index sign_in_guard_updated on sign_in_guard (updated_at);

create table unlock_link (
    token_hash      varchar(64)  primary key,
    username        varchar(100) not null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    used_at         timestamp with time zone
);

-- Lock-outs now live in sign_in_guard, per source address and username.
alter table staff_member drop column failed_sign_ins;
alter table staff_member drop column locked_until;

create table outbox_mail (
    id              uuid          primary key,
    recipient       varchar(320)  not null,
    subject         varchar(500)  not null,
    body            text          not null,
    queued_at       timestamp with time zone not null,
    expires_at      timestamp with time zone,
    attempts        integer       not null default 0,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(500)
);
create index outbox_mail_due on outbox_mail (next_attempt_at);
