-- Asking first: a worker asks the family before seeing one kind of its information (what, why,
-- for how long); the family answers yes or no once. A yes shares that kind with the worker's
-- agency for the days asked, counted from the answer.
create table sharing_request (
    id                uuid primary key,
    family_id         uuid          not null references family (id),
    agency_id         uuid          not null references agency (id),
    kind              varchar(30)   not null,
    reason            varchar(2000) not null,
    days              integer       not null,
    requested_by_id   uuid          not null references staff_member (id),
    requested_by_name varchar(200)  not null,
    requested_at      timestamp with time zone not null,
    answer_by         date          not null,
    answer            varchar(10),
    answered_by_name  varchar(200),
    answered_at       timestamp with time zone,
    shared_until      date
);
create index sharing_request_family on sharing_request (family_id, agency_id, kind);

-- Overrides with an end: each is in force until its review date (that day it lapses), unless a
-- worker renews it with a new reason, which is a new entry of the ledger pointing back at it.
alter table sharing_decision add column review_on date;
update sharing_decision set review_on = cast(decided_at + interval '90' day as date);
alter table sharing_decision alter column review_on set not null;
alter table sharing_decision add column renewed_by_id uuid;
alter table sharing_decision add column lapse_told_at timestamp with time zone;
create index sharing_decision_review on sharing_decision (review_on);
