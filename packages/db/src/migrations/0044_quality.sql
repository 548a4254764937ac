-- Data-quality control (issue #6 §7, seed G3): runs of the rule catalogue per county (on demand and nightly through
-- the job queue), the tallies of each rule per institution (what the score is computed from), and the county's
-- current problems (each a record breaking a rule, with a link back to it). Runs, tallies and problems are derived
-- from person records, so they are county-scoped like them: county_code in every key, row-level security forced.
-- The configuration (thresholds, required fields, weights) is reference data per region without person data.
-- PostgreSQL 15 SQL.

-- ---------------------------------------------------------------- configuration overrides per region
-- `config` is a partial override of @fuyou/core's QUALITY_CONFIG_DEFAULT, validated by the server; the effective
-- configuration of a county applies the overrides of the nation ('000000'), its province, city and itself in turn.
CREATE TABLE quality_config (
  region_code   varchar(12) PRIMARY KEY REFERENCES region (code),
  config        jsonb       NOT NULL,
  note          text,
  version       integer     NOT NULL DEFAULT 1,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  updated_by    uuid
);

-- ---------------------------------------------------------------- runs
CREATE TABLE quality_run (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  trigger               text        NOT NULL CHECK (trigger IN ('manual', 'nightly')),
  status                text        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  -- the run whose problems are the county's current list (one per county)
  is_current            boolean     NOT NULL DEFAULT false,
  window_from           date        NOT NULL,
  window_to             date        NOT NULL,
  as_of                 date        NOT NULL,
  config                jsonb       NOT NULL,
  config_version        text        NOT NULL,
  rule_ids              text[]      NOT NULL,
  requested_by          uuid,
  requested_by_name     text,
  job_id                uuid,
  created_at            timestamptz NOT NULL DEFAULT now(),
  started_at            timestamptz,
  finished_at           timestamptz,
  duration_ms           integer,
  checks                bigint,
  failed_checks         bigint,
  weighted_checks       numeric,
  weighted_failed       numeric,
  score                 numeric(4,1),
  problem_count         integer,
  records_with_problems integer,
  new_problems          integer,
  resolved_problems     integer,
  error                 text,
  PRIMARY KEY (county_code, id),
  CHECK (window_from <= window_to)
);
CREATE UNIQUE INDEX quality_run_current_idx ON quality_run (county_code) WHERE is_current;
CREATE INDEX quality_run_created_idx ON quality_run (county_code, created_at);
CREATE INDEX quality_run_finished_idx ON quality_run (county_code, finished_at) WHERE status = 'done';

-- Tallies of a run: per rule and institution the records checked and failed, with the rule's weight at run time.
-- rule_id '*' rows hold an institution's totals over all rules (kept for every run, for the trend); the per-rule
-- rows of old runs are pruned. institution_key is the institution's id, or '' when the record names none.
CREATE TABLE quality_run_stat (
  county_code       char(6)  NOT NULL,
  run_id            uuid     NOT NULL,
  rule_id           text     NOT NULL,
  institution_key   text     NOT NULL,
  checked           integer  NOT NULL CHECK (checked >= 0),
  failed            integer  NOT NULL CHECK (failed >= 0 AND failed <= checked),
  weighted_checked  numeric  NOT NULL,
  weighted_failed   numeric  NOT NULL,
  PRIMARY KEY (county_code, run_id, rule_id, institution_key),
  FOREIGN KEY (county_code, run_id) REFERENCES quality_run (county_code, id) ON UPDATE CASCADE ON DELETE CASCADE
);

-- Problems: the records breaking a rule. Only the county's current run (and a run in progress) keep rows; when a
-- run completes, the previous run's rows go, so a fixed record disappears from the list. first_seen_* carry over
-- from run to run while the problem persists.
CREATE TABLE quality_problem (
  county_code        char(6)     NOT NULL,
  run_id             uuid        NOT NULL,
  rule_id            text        NOT NULL,
  record_type        text        NOT NULL,
  record_id          uuid        NOT NULL,
  person_id          uuid,
  -- the pregnancy of a maternal record, so the link opens the right pregnancy on the woman's page
  context_id         uuid,
  institution_id     uuid,
  service_date       date,
  detail             jsonb       NOT NULL DEFAULT '{}',
  first_seen_run_id  uuid        NOT NULL,
  first_seen_at      timestamptz NOT NULL,
  PRIMARY KEY (county_code, run_id, rule_id, record_id),
  FOREIGN KEY (county_code, run_id) REFERENCES quality_run (county_code, id) ON UPDATE CASCADE ON DELETE CASCADE
);
CREATE INDEX quality_problem_inst_idx ON quality_problem (county_code, run_id, institution_id);
CREATE INDEX quality_problem_date_idx ON quality_problem (county_code, run_id, service_date);
CREATE INDEX quality_problem_person_idx ON quality_problem (county_code, person_id);

-- ---------------------------------------------------------------- indexes the set-based checks use
CREATE INDEX IF NOT EXISTS quality_anc_visit_date_idx ON anc_visit (county_code, visit_date);
CREATE INDEX IF NOT EXISTS quality_postpartum_visit_date_idx ON postpartum_visit (county_code, visit_date);
CREATE INDEX IF NOT EXISTS quality_pregnancy_registered_idx ON pregnancy (county_code, registered_on);
CREATE INDEX IF NOT EXISTS quality_delivery_person_idx ON delivery (county_code, person_id, delivery_date);
CREATE INDEX IF NOT EXISTS quality_birth_outcome_delivery_idx ON birth_outcome (county_code, delivery_id);
CREATE INDEX IF NOT EXISTS quality_child_profile_outcome_idx ON child_profile (county_code, birth_outcome_id);
CREATE INDEX IF NOT EXISTS quality_person_idhmac_idx ON person (county_code, id_number_hmac)
  WHERE id_number_hmac IS NOT NULL;
CREATE INDEX IF NOT EXISTS quality_person_deceased_idx ON person (county_code, deceased_on) WHERE deceased_on IS NOT NULL;

-- ---------------------------------------------------------------- row-level security and grants
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['quality_run', 'quality_run_stat', 'quality_problem']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (county_code = ANY (fuyou_scope_counties())) '
      'WITH CHECK (county_code = ANY (fuyou_scope_counties()))', t || '_scope', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO fuyou_app', t);
  END LOOP;
END $$;
GRANT SELECT, INSERT, UPDATE, DELETE ON quality_config TO fuyou_app;
