-- Welsh: the language Roundtable speaks to each family member and advocate in, on the pages and
-- in the emails (not preferred_language, which is the language an interpreter would need).
alter table family_member add column language varchar(2) default 'en' not null;
alter table family_member add constraint family_member_language_known check (language in ('en', 'cy'));
alter table advocate add column language varchar(2) default 'en' not null;
alter table advocate add constraint advocate_language_known check (language in ('en', 'cy'));
-- The language of the page a code was asked for on, when the person chose one there: the code's
-- email is written in it (else in the person's own language).
alter table code_request add column language varchar(2);
alter table code_request add constraint code_request_language_known check (language is null or language in ('en', 'cy'));
