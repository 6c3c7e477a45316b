-- H2 persists an identity sequence with a commit of its own each time its cache runs out (32 values by
-- default), and with WRITE_DELAY=0 each such commit rewrites every dirty page: a thousand at a time
-- keeps that off the message path. PostgreSQL keeps 1: its caches are per connection, and seq must
-- grow in archiving order across connections for paging.
ALTER TABLE archive ALTER COLUMN seq SET CACHE ${sequence_cache};
ALTER TABLE offline_messages ALTER COLUMN seq SET CACHE ${sequence_cache};
