-- Women's health (issue #5), part D: thalassaemia carrier screening (地贫防控, B7): each test result of a person
-- (from any programme: premarital, preconception, antenatal), reused instead of testing again while valid, and the
-- couple risk assessment with genetic counselling and prenatal diagnosis referral.

CREATE TABLE thalassaemia_test (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  test_date             date        NOT NULL,
  kind                  text        NOT NULL CHECK (kind IN ('blood_indices', 'hb_analysis', 'gene_test')),
  source                text        NOT NULL DEFAULT 'other' CHECK (source IN ('premarital', 'preconception',
                          'antenatal', 'other')),
  source_id             uuid,
  mcv_fl                numeric(5,1),
  mch_pg                numeric(5,1),
  hba2_pct              numeric(4,1),
  gene_result           text,
  carrier_status        text        NOT NULL,
  suspicion             text,
  next_step             text,
  retest_reason         text,
  institution_id        uuid        REFERENCES institution (id),
  note                  text,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, person_id) REFERENCES person (county_code, id) ON UPDATE CASCADE
);
CREATE INDEX thalassaemia_test_person_idx ON thalassaemia_test (county_code, person_id, test_date);
CREATE INDEX thalassaemia_test_date_idx ON thalassaemia_test (county_code, test_date);

CREATE TABLE thalassaemia_couple (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  female_person_id      uuid        NOT NULL,
  male_person_id        uuid        NOT NULL,
  assessed_on           date        NOT NULL,
  female_status         text        NOT NULL,
  male_status           text        NOT NULL,
  risk                  text        NOT NULL CHECK (risk IN ('high', 'low', 'undetermined')),
  shared_type           text,
  actions               text[]      NOT NULL DEFAULT '{}',
  counselling_on        date,
  prenatal_diagnosis_referred boolean NOT NULL DEFAULT false,
  counselling_note      text,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  UNIQUE (county_code, female_person_id, male_person_id),
  FOREIGN KEY (county_code, female_person_id) REFERENCES person (county_code, id) ON UPDATE CASCADE,
  FOREIGN KEY (county_code, male_person_id) REFERENCES person (county_code, id) ON UPDATE CASCADE
);
CREATE INDEX thalassaemia_couple_risk_idx ON thalassaemia_couple (county_code, risk);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['thalassaemia_test', 'thalassaemia_couple']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (county_code = ANY (fuyou_scope_counties())) '
      'WITH CHECK (county_code = ANY (fuyou_scope_counties()))', t || '_scope', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO fuyou_app', t);
  END LOOP;
END $$;
