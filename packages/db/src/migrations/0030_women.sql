-- Women's health (issue #5), part A: cervical and breast cancer screening (两癌筛查, W1): screening records with
-- their results and the pathway's next step, follow-up cases of abnormal results with their steps, and the target
-- population per county and year (census figures) so that coverage is a true rate.
-- PostgreSQL 15 SQL. Every table carries county_code in its keys, has row-level security forced, and is read and
-- written by fuyou_app. Links to other modules' records are plain uuids (no foreign keys into their tables).

CREATE TABLE cancer_screening (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  kind                  text        NOT NULL CHECK (kind IN ('cervical', 'breast')),
  method                text        NOT NULL CHECK (method IN ('hpv', 'cytology', 'co_test', 'via_vili',
                          'breast_ultrasound', 'mammography')),
  screening_date        date        NOT NULL,
  institution_id        uuid        REFERENCES institution (id),
  examiner              text,
  cohort                text        NOT NULL CHECK (cohort IN ('rural', 'urban_low_income', 'general')),
  age_at_screening      smallint    NOT NULL CHECK (age_at_screening BETWEEN 0 AND 130),
  eligible              boolean     NOT NULL,
  priority              boolean     NOT NULL DEFAULT false,
  funded                boolean     NOT NULL DEFAULT true,
  -- cervical results (null = not done; an empty HPV list = negative)
  hpv_types             text[],
  hpv_category          text        CHECK (hpv_category IN ('negative', 'hpv16_18', 'other_hr')),
  cytology              text,
  via_vili              text        CHECK (via_vili IN ('negative', 'positive', 'suspected_cancer')),
  colposcopy            text        CHECK (colposcopy IN ('normal', 'abnormal', 'suspected_cancer', 'unsatisfactory')),
  histopathology        text,
  -- breast results
  clinical_findings     text[]      NOT NULL DEFAULT '{}',
  high_risk_factors     text[]      NOT NULL DEFAULT '{}',
  ultrasound_birads     text,
  mammography_birads    text,
  senior_review         text        CHECK (senior_review IN ('follow_up', 'biopsy')),
  breast_pathology      text,
  -- what the pathway says (computed by @fuyou/core at every save)
  status                text        NOT NULL CHECK (status IN ('pending', 'normal', 'abnormal')),
  awaiting              text,
  next_step             text,
  next_step_marker      char(1),
  next_due_on           date,
  case_id               uuid,
  note                  text,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, person_id) REFERENCES person (county_code, id) ON UPDATE CASCADE,
  CHECK ((kind = 'cervical') = (method IN ('hpv', 'cytology', 'co_test', 'via_vili')))
);
CREATE INDEX cancer_screening_person_idx ON cancer_screening (county_code, person_id, screening_date);
CREATE INDEX cancer_screening_date_idx ON cancer_screening (county_code, screening_date);
CREATE INDEX cancer_screening_inst_idx ON cancer_screening (county_code, institution_id, screening_date);

CREATE TABLE cancer_screening_case (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  screening_id          uuid        NOT NULL,
  kind                  text        NOT NULL CHECK (kind IN ('cervical', 'breast')),
  state                 text        NOT NULL CHECK (state IN ('screened', 'abnormal', 'notified', 'further_exam',
                          'pathology', 'treated', 'lost_to_follow_up', 'closed_normal')),
  opened_on             date        NOT NULL,
  entered_on            jsonb       NOT NULL DEFAULT '{}',
  pending_exam          text,
  due_step              text,
  due_on                date,
  lesion_grade          text,
  early_stage           boolean,
  treatment_method      text,
  treated_on            date,
  lost_reason           text,
  closed_on             date,
  institution_id        uuid        REFERENCES institution (id),
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  UNIQUE (county_code, screening_id),
  FOREIGN KEY (county_code, person_id) REFERENCES person (county_code, id) ON UPDATE CASCADE,
  FOREIGN KEY (county_code, screening_id) REFERENCES cancer_screening (county_code, id) ON UPDATE CASCADE
);
CREATE INDEX cancer_screening_case_due_idx ON cancer_screening_case (county_code, due_on);
CREATE INDEX cancer_screening_case_person_idx ON cancer_screening_case (county_code, person_id);

CREATE TABLE cancer_screening_case_step (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  case_id               uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  seq                   smallint    NOT NULL,
  event                 text        NOT NULL,
  from_state            text        NOT NULL,
  to_state              text        NOT NULL,
  step_date             date        NOT NULL,
  exam                  text,
  result                text,
  method                text,
  institution_id        uuid        REFERENCES institution (id),
  note                  text,
  created_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  UNIQUE (county_code, case_id, seq),
  FOREIGN KEY (county_code, case_id) REFERENCES cancer_screening_case (county_code, id) ON UPDATE CASCADE
);

-- Women aged 35–64 of a county in a year (census or statistics-bureau figures), the denominator of coverage.
CREATE TABLE cancer_screening_target (
  county_code           char(6)     NOT NULL,
  year                  smallint    NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  women_35_64           integer     NOT NULL CHECK (women_35_64 > 0),
  rural_women_35_64     integer     CHECK (rural_women_35_64 >= 0),
  source                text        NOT NULL,
  note                  text,
  version               integer     NOT NULL DEFAULT 1,
  updated_at            timestamptz NOT NULL DEFAULT now(),
  updated_by            uuid,
  PRIMARY KEY (county_code, year),
  CHECK (rural_women_35_64 IS NULL OR rural_women_35_64 <= women_35_64)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['cancer_screening', 'cancer_screening_case', 'cancer_screening_case_step',
    'cancer_screening_target']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (county_code = ANY (fuyou_scope_counties())) '
      'WITH CHECK (county_code = ANY (fuyou_scope_counties()))', t || '_scope', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO fuyou_app', t);
  END LOOP;
END $$;
