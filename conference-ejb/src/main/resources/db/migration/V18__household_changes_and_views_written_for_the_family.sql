-- The household changes: someone who has left keeps their history; the day they left ends their sign-in.
alter table family_member add column left_on date;

-- An advocate writes the family's views for a named member, who can change or withdraw them.
-- A withdrawn statement stays (who withdrew it, when); the record shows only those standing.
alter table conference_statement add column for_member_id uuid references family_member (id);
alter table conference_statement add column for_member_name varchar(200);
alter table conference_statement add column withdrawn_at timestamp with time zone;
alter table conference_statement add column withdrawn_by_name varchar(200);
