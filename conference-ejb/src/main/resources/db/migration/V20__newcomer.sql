-- newcomer: when a conference's start was set (scheduled, or moved to a new start). Reports are
-- never due before that moment: a conference booked at short notice has its reports due by its
-- start. Null for conferences arranged before this was kept (their deadline is as before).
alter table conference add column start_set_at timestamp with time zone;
