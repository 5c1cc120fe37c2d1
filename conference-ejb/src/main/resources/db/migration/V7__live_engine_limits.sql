-- A change id is unique within its plan, as the live protocol says and as the server
-- de-duplicates: a client of another family reusing "c-1" is no clash.
alter table plan_change drop constraint plan_change_id_unique;
alter table plan_change add constraint plan_change_id_unique_per_plan unique (plan_id, change_id);
