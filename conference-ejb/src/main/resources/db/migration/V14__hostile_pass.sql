-- A request for a sign-in code is recorded the same way whoever the address belongs to, and
-- answered after the request has returned: whether the address signs anyone in, and whether a
-- code goes out, leaves no trace in the request's own work or timing (issue 11, finding 9).
create table code_request (
    id              uuid primary key,
    email           varchar(320) not null,
    requested_at    timestamp with time zone not null
);
create index code_request_requested_at on code_request (requested_at);

-- When an involvement was recorded: the family's lead worker is the lead of the one recorded
-- first (the agency that opened the case), which the dates typed into an involvement cannot
-- change. Involvements recorded before this migration have none and count as the earliest.
alter table involvement add column recorded_at timestamp with time zone;
