-- Every point in time stored as an instant (issue 8). The columns were TIMESTAMP without a zone,
-- which JDBC writes and reads in the JVM's default time zone: two instances sharing a PostgreSQL
-- database from machines in different zones disagreed by hours (a server in UTC+8 loading a
-- document, another in UTC mining, made every later start see the candidates as older than the
-- documents and mine again), and a data folder moved between zones, or read across a change of
-- daylight-saving time, shifted its history. The existing values are converted in the migrating
-- session's time zone, that is as the instance that wrote them read them.
ALTER TABLE document ALTER COLUMN loaded_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE mining_run ALTER COLUMN finished_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE candidate_decision ALTER COLUMN decided_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE app_user ALTER COLUMN created_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE entry ALTER COLUMN created_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE entry ALTER COLUMN modified_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE entry_version ALTER COLUMN changed_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE entry_comment ALTER COLUMN created_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE parallel_source ALTER COLUMN loaded_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE app_state ALTER COLUMN changed_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
