-- The audit chain is linked at commit, not at the insert.
--
-- Until now the BEFORE INSERT trigger took the chain's advisory lock when the event was inserted and kept it to the
-- end of the writer's transaction, so every statement after the audit insert, every round trip of the client and
-- its wait for CPU were spent holding the one lock all audited actions share (measured: 2 ms of work after the
-- insert cut 20 concurrent writers from ~1,000 to ~160 commits/s).
--
-- Now an insert into audit_event parks the event in audit_pending (the writer's own, uncommitted row), and a
-- deferred constraint trigger links it into the chain while the transaction commits: the lock is taken inside
-- COMMIT and held only for the link and the commit record. The chain itself is unchanged (one chain, seq without
-- gaps, hash = sha256(prev_hash || canonical)), so audit_chain_break, `fuyou audit verify` and
-- audit_purge_before() work as before. An event is in audit_event from the moment its transaction commits.

CREATE UNLOGGED TABLE audit_pending (
  id            uuid        PRIMARY KEY,
  at            timestamptz NOT NULL,
  user_id       uuid,
  username      text,
  role          text,
  action        text        NOT NULL,
  entity_type   text,
  entity_id     text,
  person_id     uuid,
  county_code   char(6),
  outcome       text        NOT NULL,
  ip            text,
  request_id    text,
  details       jsonb       NOT NULL
);
-- rows live only inside the writing transaction (inserted and deleted by the triggers below)
REVOKE ALL ON audit_pending FROM PUBLIC;

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
  INSERT INTO audit_pending (id, at, user_id, username, role, action, entity_type, entity_id, person_id,
    county_code, outcome, ip, request_id, details)
  VALUES (NEW.id, clock_timestamp(), NEW.user_id, NEW.username, NEW.role, NEW.action, NEW.entity_type,
    NEW.entity_id, NEW.person_id, NEW.county_code, coalesce(NEW.outcome, 'success'), NEW.ip, NEW.request_id,
    coalesce(NEW.details, '{}'::jsonb));
  RETURN NULL;
END $$;

CREATE FUNCTION audit_pending_link() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM set_config('fuyou.audit_linking', 'on', true);
  INSERT INTO audit_event (id, at, user_id, username, role, action, entity_type, entity_id, person_id,
    county_code, outcome, ip, request_id, details)
  VALUES (NEW.id, NEW.at, NEW.user_id, NEW.username, NEW.role, NEW.action, NEW.entity_type, NEW.entity_id,
    NEW.person_id, NEW.county_code, NEW.outcome, NEW.ip, NEW.request_id, NEW.details);
  PERFORM set_config('fuyou.audit_linking', 'off', true);
  DELETE FROM audit_pending WHERE id = NEW.id;
  RETURN NULL;
END $$;

-- Deferred: fires during COMMIT, after all of the transaction's own statements, in the order the events were
-- written.
CREATE CONSTRAINT TRIGGER audit_pending_link AFTER INSERT ON audit_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_pending_link();
