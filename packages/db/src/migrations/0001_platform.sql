-- Fuyou platform foundation: reference data, accounts, sessions, person index, audit, jobs.
-- PostgreSQL 15 SQL only. Person tables carry county_code in every key (see ARCHITECTURE.md, scaling rules),
-- have row-level security forced, and are read and written by the role fuyou_app, which owns nothing.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fuyou_app') THEN
    CREATE ROLE fuyou_app NOLOGIN;
  END IF;
END $$;

-- the connecting user must be able to SET ROLE fuyou_app (superusers can anyway)
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT fuyou_app TO %I', current_user);
  END IF;
END $$;

-- Scope of the current transaction: the county codes the session may see, as set by the server with
-- set_config('fuyou.counties', '330902,330903', true). No setting means no rows.
CREATE FUNCTION fuyou_scope_counties() RETURNS bpchar[]
LANGUAGE sql STABLE AS $$
  SELECT string_to_array(nullif(current_setting('fuyou.counties', true), ''), ',')::bpchar[]
$$;

-- ---------------------------------------------------------------- reference tables
CREATE TABLE region (
  code          varchar(12) PRIMARY KEY,
  name          text        NOT NULL,
  level         text        NOT NULL CHECK (level IN ('country', 'province', 'city', 'county', 'township', 'village')),
  parent_code   varchar(12) REFERENCES region (code),
  valid_from    date        NOT NULL DEFAULT DATE '1980-01-01',
  valid_to      date,
  replaced_by   varchar(12),
  source        text        NOT NULL DEFAULT 'GB/T 2260'
);
CREATE INDEX region_parent_idx ON region (parent_code);
CREATE INDEX region_name_idx ON region (name);

CREATE TABLE institution (
  id            uuid        PRIMARY KEY,
  code          varchar(32) NOT NULL UNIQUE,
  name          text        NOT NULL,
  type          text        NOT NULL CHECK (type IN ('health_commission', 'mch_hospital', 'general_hospital',
                  'township_hc', 'community_hc', 'village_clinic', 'childcare_facility', 'screening_centre', 'other')),
  level         text        CHECK (level IN ('level1', 'level2', 'level3')),
  region_code   varchar(12) NOT NULL REFERENCES region (code),
  county_code   char(6)     NOT NULL,
  capabilities  text[]      NOT NULL DEFAULT '{}',
  address       text,
  phone         text,
  active        boolean     NOT NULL DEFAULT true,
  version       integer     NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX institution_county_idx ON institution (county_code);

CREATE TABLE setting (
  key           text PRIMARY KEY,
  value         jsonb NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------- accounts and sessions
CREATE TABLE app_user (
  id                    uuid        PRIMARY KEY,
  username              varchar(64) NOT NULL UNIQUE,
  display_name          text        NOT NULL,
  role                  text        NOT NULL CHECK (role IN ('sysadmin', 'secadmin', 'auditor', 'clinician',
                          'mch_supervisor', 'statistician', 'commission_viewer')),
  institution_id        uuid        REFERENCES institution (id),
  jurisdiction_code     varchar(12) REFERENCES region (code),
  permissions           text[]      NOT NULL DEFAULT '{}',
  password_hash         text        NOT NULL,
  must_change_password  boolean     NOT NULL DEFAULT true,
  password_changed_at   timestamptz NOT NULL DEFAULT now(),
  totp_secret_enc       text,
  totp_enabled          boolean     NOT NULL DEFAULT false,
  disabled              boolean     NOT NULL DEFAULT false,
  locked_until          timestamptz,
  is_demo               boolean     NOT NULL DEFAULT false,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE login_attempt (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username    varchar(64) NOT NULL,
  at          timestamptz NOT NULL DEFAULT now(),
  success     boolean     NOT NULL,
  ip          text
);
CREATE INDEX login_attempt_user_idx ON login_attempt (username, at);

CREATE TABLE session (
  id            uuid        PRIMARY KEY,
  token_hash    bytea       NOT NULL UNIQUE,
  user_id       uuid        NOT NULL REFERENCES app_user (id),
  csrf_token    text        NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  revoked_at    timestamptz,
  otp_verified  boolean     NOT NULL DEFAULT false,
  ip            text,
  user_agent    text
);
CREATE INDEX session_user_idx ON session (user_id);

-- ---------------------------------------------------------------- person index (个人主索引)
CREATE TABLE person (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  name                  text        NOT NULL,
  sex                   text        NOT NULL CHECK (sex IN ('male', 'female', 'unknown')),
  birth_date            date,
  birth_time            time,
  id_type               text        NOT NULL CHECK (id_type IN ('resident_id', 'passport', 'hk_macao_permit',
                          'taiwan_permit', 'foreign_permanent', 'none')),
  id_number_enc         text,
  id_number_hmac        text,
  id_number_masked      text,
  phone_enc             text,
  phone_hmac            text,
  phone_masked          text,
  ethnicity             char(2),
  hukou_region_code     varchar(12),
  residence_region_code varchar(12) NOT NULL,
  address               text,
  mother_county_code    char(6),
  mother_id             uuid,
  is_synthetic          boolean     NOT NULL DEFAULT false,
  deceased_on           date,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  created_institution_id uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (mother_county_code, mother_id) REFERENCES person (county_code, id) ON UPDATE CASCADE,
  CHECK (county_code ~ '^[0-9]{6}$')
);
CREATE INDEX person_name_idx ON person (county_code, name, birth_date);
CREATE INDEX person_idhmac_idx ON person (id_number_hmac);
CREATE INDEX person_phonehmac_idx ON person (phone_hmac);
CREATE INDEX person_mother_idx ON person (mother_county_code, mother_id);

-- Where each ID number lives. Holds only the blind index (an HMAC), so the platform can refuse a duplicate
-- registered in another county and point to it, without reading that county's rows.
CREATE TABLE person_key (
  id_number_hmac  text    PRIMARY KEY,
  county_code     char(6) NOT NULL,
  person_id       uuid    NOT NULL
);

CREATE TABLE person_transfer (
  county_code     char(6)     NOT NULL,
  id              uuid        NOT NULL,
  person_id       uuid        NOT NULL,
  from_county     char(6)     NOT NULL,
  to_county       char(6)     NOT NULL,
  reason          text        NOT NULL,
  new_residence_region_code varchar(12) NOT NULL,
  transferred_at  timestamptz NOT NULL DEFAULT now(),
  transferred_by  uuid        NOT NULL,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, person_id) REFERENCES person (county_code, id) ON UPDATE CASCADE
);

-- ---------------------------------------------------------------- audit (append-only, hash-chained)
CREATE TABLE audit_event (
  seq           bigint      PRIMARY KEY,
  id            uuid        NOT NULL UNIQUE,
  at            timestamptz NOT NULL DEFAULT now(),
  user_id       uuid,
  username      text,
  role          text,
  action        text        NOT NULL,
  entity_type   text,
  entity_id     text,
  person_id     uuid,
  county_code   char(6),
  outcome       text        NOT NULL DEFAULT 'success',
  ip            text,
  request_id    text,
  details       jsonb       NOT NULL DEFAULT '{}',
  prev_hash     bytea       NOT NULL,
  hash          bytea       NOT NULL
);
CREATE INDEX audit_event_at_idx ON audit_event (at);
CREATE INDEX audit_event_user_idx ON audit_event (user_id, at);
CREATE INDEX audit_event_person_idx ON audit_event (person_id, at);
CREATE INDEX audit_event_action_idx ON audit_event (action, at);

-- The text that is hashed for a row. Verification needs only this function and sha256() (built into
-- PostgreSQL 11+), so anyone with psql can check the chain without the application.
CREATE FUNCTION audit_event_canonical(e audit_event) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT concat_ws('|', e.seq::text, e.id::text, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    coalesce(e.user_id::text, ''), coalesce(e.username, ''), coalesce(e.role, ''), e.action,
    coalesce(e.entity_type, ''), coalesce(e.entity_id, ''), coalesce(e.person_id::text, ''),
    coalesce(e.county_code::text, ''), e.outcome, coalesce(e.ip, ''), coalesce(e.request_id, ''), e.details::text)
$$;

CREATE FUNCTION audit_event_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  last_seq  bigint;
  last_hash bytea;
BEGIN
  -- one chain: writers take turns, so two concurrent transactions never link to the same predecessor
  PERFORM pg_advisory_xact_lock(731700101);
  SELECT seq, hash INTO last_seq, last_hash FROM audit_event ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.at := clock_timestamp();
  NEW.prev_hash := coalesce(last_hash, '\x'::bytea);
  NEW.hash := sha256(NEW.prev_hash || convert_to(audit_event_canonical(NEW), 'UTF8'));
  RETURN NEW;
END $$;
CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

CREATE FUNCTION audit_event_refuse() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_event_immutable BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse();

-- Verification: the first row whose stored hash or link is wrong (no row means the chain is intact).
CREATE VIEW audit_chain_break AS
  SELECT seq, reason FROM (
    SELECT e.seq,
      CASE
        WHEN e.prev_hash IS DISTINCT FROM coalesce(lag(e.hash) OVER (ORDER BY e.seq), '\x'::bytea) THEN 'link'
        WHEN e.hash <> sha256(e.prev_hash || convert_to(audit_event_canonical(e), 'UTF8')) THEN 'hash'
        WHEN e.seq <> row_number() OVER (ORDER BY e.seq) THEN 'gap'
      END AS reason
    FROM audit_event e
  ) x WHERE reason IS NOT NULL;

-- ---------------------------------------------------------------- background jobs
CREATE TABLE job (
  id          uuid        PRIMARY KEY,
  kind        text        NOT NULL,
  payload     jsonb       NOT NULL DEFAULT '{}',
  status      text        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  run_at      timestamptz NOT NULL DEFAULT now(),
  attempts    integer     NOT NULL DEFAULT 0,
  max_attempts integer    NOT NULL DEFAULT 5,
  locked_at   timestamptz,
  locked_by   text,
  last_error  text,
  result      jsonb,
  created_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX job_queue_idx ON job (status, run_at);

-- ---------------------------------------------------------------- row-level security and grants
ALTER TABLE person ENABLE ROW LEVEL SECURITY;
ALTER TABLE person FORCE ROW LEVEL SECURITY;
CREATE POLICY person_scope ON person
  USING (county_code = ANY (fuyou_scope_counties()))
  WITH CHECK (county_code = ANY (fuyou_scope_counties()));

ALTER TABLE person_transfer ENABLE ROW LEVEL SECURITY;
ALTER TABLE person_transfer FORCE ROW LEVEL SECURITY;
CREATE POLICY person_transfer_scope ON person_transfer
  USING (county_code = ANY (fuyou_scope_counties()))
  WITH CHECK (county_code = ANY (fuyou_scope_counties()));

GRANT USAGE ON SCHEMA public TO fuyou_app;
GRANT SELECT ON region, institution, setting TO fuyou_app;
GRANT INSERT, UPDATE ON region, institution, setting TO fuyou_app;
GRANT SELECT, INSERT, UPDATE ON app_user, session TO fuyou_app;
GRANT SELECT, INSERT, DELETE ON login_attempt TO fuyou_app;
GRANT SELECT, INSERT, UPDATE ON person, person_transfer TO fuyou_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON person_key TO fuyou_app;
GRANT SELECT, INSERT ON audit_event TO fuyou_app;
GRANT SELECT ON audit_chain_break TO fuyou_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON job TO fuyou_app;
