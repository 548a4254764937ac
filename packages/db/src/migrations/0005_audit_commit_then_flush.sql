-- The audit chain's lock is no longer held through the disk flush of the commit.
--
-- Since migration 0003 an event is linked into the chain inside COMMIT, under the chain's advisory lock. The lock
-- is released when the transaction ends, i.e. after PostgreSQL has flushed the commit record to disk: every audited
-- commit (every search, read and write of the application) waited for its own WAL flush while holding the one
-- lock all of them share, so audited commits could never share a flush (measured: ~200–300 commits/s for 20
-- writers on this machine's disk under load, one flush each).
--
-- Now a writer that says it will wait for the flush itself commits with synchronous_commit = off as soon as it has
-- written an audit event: the commit record is written, the lock is released, and the next writer links behind it
-- at once. Two settings of the transaction say so: fuyou.audit_flush = 'client' (set by the server's withScope,
-- which flushes after the commit of a transaction its audit writer wrote to) and fuyou.audit_commit =
-- 'flush_after' (set by the server's audit writer in the statement that inserts the event). Before
-- withScope returns, and so before the server answers, it waits for the flush in a second, synchronous statement
-- (`select pg_logical_emit_message(true, 'fuyou.audit', '')`, which commits a WAL record after the writer's
-- commit and therefore flushes it too). Those flushes are not under the lock, so PostgreSQL serves many writers
-- with one flush (group commit).
--
-- What stays the same: one chain, seq without gaps, hash = sha256(prev_hash || canonical), the event in
-- audit_event from the moment its transaction commits, and nothing is answered before the event is on disk. A
-- crash before the flush loses the last commits as a whole, in WAL order: the chain loses a suffix and still
-- verifies, and no event is lost whose action was answered. Clients that do not set fuyou.audit_commit (psql, the
-- bulk loader, other tools) commit synchronously as before.

CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  last_seq  bigint;
  last_hash bytea;
BEGIN
  IF pg_trigger_depth() > 1 AND current_setting('fuyou.audit_linking', true) = 'on' THEN
    -- called by audit_pending_link() at commit: link now, keeping the time the action happened
    PERFORM pg_advisory_xact_lock(731700101);
    SELECT seq, hash INTO last_seq, last_hash FROM audit_event ORDER BY seq DESC LIMIT 1;
    NEW.seq := coalesce(last_seq, 0) + 1;
    NEW.prev_hash := coalesce(last_hash, '\x'::bytea);
    NEW.hash := sha256(NEW.prev_hash || convert_to(audit_event_canonical(NEW), 'UTF8'));
    RETURN NEW;
  END IF;
  IF current_setting('fuyou.audit_commit', true) = 'flush_after'
     AND current_setting('fuyou.audit_flush', true) = 'client' THEN
    -- the client waits for the flush after COMMIT (see above); the lock is then released before the disk write
    PERFORM set_config('synchronous_commit', 'off', true);
  END IF;
  INSERT INTO audit_pending (id, at, user_id, username, role, action, entity_type, entity_id, person_id,
    county_code, outcome, ip, request_id, details)
  VALUES (NEW.id, clock_timestamp(), NEW.user_id, NEW.username, NEW.role, NEW.action, NEW.entity_type,
    NEW.entity_id, NEW.person_id, NEW.county_code, coalesce(NEW.outcome, 'success'), NEW.ip, NEW.request_id,
    coalesce(NEW.details, '{}'::jsonb));
  RETURN NULL;
END $$;
