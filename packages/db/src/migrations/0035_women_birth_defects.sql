-- Women's health (issue #5), part F: hospital-based birth-defect surveillance report cards (出生缺陷儿登记卡, B3/B6),
-- created from a delivery (maternal module) or a prenatal diagnosis when given (plain uuid links, no foreign keys
-- into the maternal tables), and aid applications (救助) for children with birth defects or metabolic disease.

CREATE TABLE birth_defect_report (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  mother_person_id      uuid        NOT NULL,
  child_person_id       uuid,
  source                text        NOT NULL CHECK (source IN ('delivery', 'prenatal_diagnosis', 'manual')),
  delivery_id           uuid,
  birth_outcome_id      uuid,
  prenatal_diagnosis_id uuid,
  birth_date            date        NOT NULL,
  gestational_weeks     smallint    CHECK (gestational_weeks BETWEEN 12 AND 45),
  gestational_days      smallint    CHECK (gestational_days BETWEEN 0 AND 6),
  birth_weight_g        integer     CHECK (birth_weight_g BETWEEN 100 AND 8000),
  sex                   text        NOT NULL DEFAULT 'unknown' CHECK (sex IN ('male', 'female', 'unknown')),
  outcome               text        NOT NULL CHECK (outcome IN ('live_birth', 'stillbirth', 'termination',
                          'early_neonatal_death')),
  defects               jsonb       NOT NULL,
  categories            text[]      NOT NULL,
  diagnosis_basis       text[]      NOT NULL,
  diagnosis_time        text        NOT NULL CHECK (diagnosis_time IN ('prenatal', 'after_birth')),
  diagnosis_date        date        NOT NULL,
  in_window             boolean     NOT NULL,
  institution_id        uuid        REFERENCES institution (id),
  reporter              text,
  note                  text,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, mother_person_id) REFERENCES person (county_code, id) ON UPDATE CASCADE
);
CREATE UNIQUE INDEX birth_defect_report_outcome_uq ON birth_defect_report (county_code, birth_outcome_id)
  WHERE birth_outcome_id IS NOT NULL;
CREATE INDEX birth_defect_report_date_idx ON birth_defect_report (county_code, birth_date);
CREATE INDEX birth_defect_report_mother_idx ON birth_defect_report (county_code, mother_person_id);
CREATE INDEX birth_defect_report_child_idx ON birth_defect_report (child_person_id);

CREATE TABLE aid_application (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  birth_defect_report_id uuid,
  programme             text        NOT NULL CHECK (programme IN ('birth_defect_aid', 'congenital_heart_aid',
                          'metabolic_disease_aid', 'hearing_aid', 'other')),
  condition             text        NOT NULL,
  applied_on            date        NOT NULL,
  amount_requested      numeric(12,2) CHECK (amount_requested >= 0),
  status                text        NOT NULL CHECK (status IN ('submitted', 'approved', 'rejected', 'paid')),
  decided_on            date,
  approved_amount       numeric(12,2) CHECK (approved_amount >= 0),
  decision_note         text,
  paid_on               date,
  institution_id        uuid        REFERENCES institution (id),
  note                  text,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, person_id) REFERENCES person (county_code, id) ON UPDATE CASCADE
);
CREATE INDEX aid_application_status_idx ON aid_application (county_code, status, applied_on);
CREATE INDEX aid_application_person_idx ON aid_application (county_code, person_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['birth_defect_report', 'aid_application']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (county_code = ANY (fuyou_scope_counties())) '
      'WITH CHECK (county_code = ANY (fuyou_scope_counties()))', t || '_scope', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO fuyou_app', t);
  END LOOP;
END $$;
