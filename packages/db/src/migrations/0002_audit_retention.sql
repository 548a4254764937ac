-- Audit retention: events older than the retention period (never less than 6 months) can be purged, oldest first,
-- by the database owner only. The hash of the last purged event is kept as the anchor of the chain, so the
-- remaining events still verify as one unbroken chain.

CREATE TABLE audit_anchor (
  seq         bigint      PRIMARY KEY,
  hash        bytea       NOT NULL,
  purged_at   timestamptz NOT NULL DEFAULT now(),
  purged_rows bigint      NOT NULL
);
GRANT SELECT ON audit_anchor TO fuyou_app;

CREATE OR REPLACE FUNCTION audit_event_refuse() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- only audit_purge_before(), run by the owner, may remove expired events
  IF TG_OP = 'DELETE' AND current_setting('fuyou.audit_purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE FUNCTION audit_purge_before(cutoff timestamptz) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  last_seq  bigint;
  last_hash bytea;
  n         bigint;
BEGIN
  IF cutoff > now() - interval '6 months' THEN
    RAISE EXCEPTION 'audit events are kept at least 6 months' USING ERRCODE = 'check_violation';
  END IF;
  PERFORM pg_advisory_xact_lock(731700101);
  SELECT seq, hash INTO last_seq, last_hash FROM audit_event WHERE at < cutoff ORDER BY seq DESC LIMIT 1;
  IF last_seq IS NULL THEN
    RETURN 0;
  END IF;
  PERFORM set_config('fuyou.audit_purge', 'on', true);
  DELETE FROM audit_event WHERE seq <= last_seq;
  GET DIAGNOSTICS n = ROW_COUNT;
  PERFORM set_config('fuyou.audit_purge', 'off', true);
  INSERT INTO audit_anchor (seq, hash, purged_rows) VALUES (last_seq, last_hash, n);
  RETURN n;
END $$;
REVOKE ALL ON FUNCTION audit_purge_before(timestamptz) FROM PUBLIC;

-- The chain now starts after the newest anchor (or at the beginning when nothing was purged).
CREATE OR REPLACE VIEW audit_chain_break AS
  SELECT seq, reason FROM (
    SELECT e.seq,
      CASE
        WHEN e.prev_hash IS DISTINCT FROM coalesce(
          lag(e.hash) OVER (ORDER BY e.seq),
          (SELECT a.hash FROM audit_anchor a WHERE a.seq = e.seq - 1),
          '\x'::bytea) THEN 'link'
        WHEN e.hash <> sha256(e.prev_hash || convert_to(audit_event_canonical(e), 'UTF8')) THEN 'hash'
        WHEN e.seq <> row_number() OVER (ORDER BY e.seq)
             + coalesce((SELECT max(a.seq) FROM audit_anchor a), 0) THEN 'gap'
      END AS reason
    FROM audit_event e
  ) x WHERE reason IS NOT NULL;
