-- Indicators (issue #6), part A: what the live indicator engine needs. The engine counts every measure with
-- indexed SQL on the care records themselves (no nightly rebuild): these indexes give each base of the engine a
-- range scan by county and date. Targets per region, year and indicator (inherited from the parent region unless
-- overridden) and the region's choice of indicator version. Targets and version choices are reference data (no
-- person data): no row-level security; the server checks who may edit them.
-- PostgreSQL 15 SQL.

-- ---------------------------------------------------------------- indexes for the engine's period scans
CREATE INDEX IF NOT EXISTS ind_delivery_date_idx ON delivery (county_code, delivery_date);
CREATE INDEX IF NOT EXISTS ind_delivery_inst_idx ON delivery (institution_id, delivery_date);
CREATE INDEX IF NOT EXISTS ind_maternal_death_date_idx ON maternal_death (county_code, death_date);
CREATE INDEX IF NOT EXISTS ind_prenatal_screening_preg_idx ON prenatal_screening (county_code, pregnancy_id);
CREATE INDEX IF NOT EXISTS ind_prenatal_screening_date_idx ON prenatal_screening (county_code, screened_on);
CREATE INDEX IF NOT EXISTS ind_child_death_date_idx ON child_death (county_code, death_date);
CREATE INDEX IF NOT EXISTS ind_child_checkup_date_idx ON child_checkup (county_code, visit_date);
CREATE INDEX IF NOT EXISTS ind_child_case_found_idx ON child_case (county_code, proposed_on);
CREATE INDEX IF NOT EXISTS ind_child_case_person_idx ON child_case (county_code, person_id, kind);
CREATE INDEX IF NOT EXISTS ind_child_screening_date_idx ON child_screening (county_code, screened_on);
CREATE INDEX IF NOT EXISTS ind_premarital_exam_inst_idx ON premarital_exam (institution_id, exam_date);
CREATE INDEX IF NOT EXISTS ind_institution_type_idx ON institution (type, county_code);

-- ---------------------------------------------------------------- targets (目标值)
CREATE TABLE indicator_target (
  id                uuid        PRIMARY KEY,
  region_code       varchar(12) NOT NULL REFERENCES region (code),
  year              smallint    NOT NULL CHECK (year BETWEEN 1900 AND 2999),
  indicator_id      text        NOT NULL,
  indicator_version text,
  comparator        text        NOT NULL CHECK (comparator IN ('>=', '>', '<=', '<', 'no_avoidable_maternal_death')),
  value             numeric     NOT NULL CHECK (value >= 0),
  source            text        NOT NULL,
  note              text,
  note_en           text,
  text_zh           text,
  status            text        CHECK (status IN ('C', 'R', 'L')),
  confirmed         boolean     NOT NULL DEFAULT false,
  preloaded         boolean     NOT NULL DEFAULT false,
  version           integer     NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  updated_by        uuid,
  UNIQUE (region_code, year, indicator_id)
);
CREATE INDEX indicator_target_indicator_idx ON indicator_target (indicator_id, year);

-- The indicator version a region reports under (inherited by its sub-regions).
CREATE TABLE indicator_version_choice (
  region_code       varchar(12) NOT NULL REFERENCES region (code),
  indicator_id      text        NOT NULL,
  indicator_version text        NOT NULL,
  source            text        NOT NULL,
  note              text,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  updated_by        uuid,
  PRIMARY KEY (region_code, indicator_id)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON indicator_target, indicator_version_choice TO fuyou_app;
