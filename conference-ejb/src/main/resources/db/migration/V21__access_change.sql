-- Every change of access (a sign-out, an involvement ended, an invitee removed, a sharing choice),
-- written in the same transaction as the change, under the number its node's signal carries to the
-- other nodes. Each node reads the last few minutes of it every few seconds and makes up for any it
-- was never told of: its signal was lost (AccessChangesAcrossNodes). Inserts only, so writing it
-- never waits on another change. Rows older than a day are deleted.
create table access_change (
    id      bigint primary key,
    made_at timestamp with time zone not null
);
create index access_change_made_at on access_change (made_at);
