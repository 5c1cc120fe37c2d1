-- Who a family member is to the family ("Mother", "Grandfather"), and how they would like the
-- services to reach them; given when the lead worker or a chair adds them.
alter table family_member add column relationship varchar(60);
alter table family_member add column preferred_contact varchar(20);
