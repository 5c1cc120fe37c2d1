-- Sign-in: server-side sessions (so that signing out ends them everywhere), invitations for
-- families and advocates, and the one-time codes those invitations lead to.
-- Secrets are never stored: only SHA-256 hashes of session tokens, links and codes.

create table user_session (
    id              uuid primary key,
    token_hash      varchar(64)  not null,
    csrf_token      varchar(64)  not null,
    caller_kind     varchar(20)  not null,
    caller_id       uuid         not null,
    created_at      timestamp with time zone not null,
    last_seen_at    timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    constraint user_session_token_unique unique (token_hash)
);
create index user_session_caller on user_session (caller_kind, caller_id);

create table invitation (
    id                  uuid primary key,
    invitee_id          uuid         not null references conference_invitee (id),
    email               varchar(320) not null,
    token_hash          varchar(64)  not null,
    created_at          timestamp with time zone not null,
    expires_at          timestamp with time zone not null,
    used_at             timestamp with time zone,
    constraint invitation_token_unique unique (token_hash)
);

create table one_time_code (
    id                  uuid primary key,
    caller_kind         varchar(20)  not null,
    caller_id           uuid         not null,
    code_hash           varchar(64)  not null,
    created_at          timestamp with time zone not null,
    expires_at          timestamp with time zone not null,
    attempts            integer      not null default 0,
    used_at             timestamp with time zone
);
