-- Women's health (issue #5), part C: free preconception health check of a couple (孕前优生健康检查, B2) with the
-- risk assessment of @fuyou/core, advice, referral, follow-up and the link to a later pregnancy (the maternal module
-- may read preconception_check by the woman, or by pregnancy_id); folic acid dispensing and adherence follow-up.
-- Infectious results (syphilis, HBsAg, gonococcus, chlamydia) and the risk factors they cause are encrypted.

CREATE TABLE preconception_check (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  check_date            date        NOT NULL,
  institution_id        uuid        REFERENCES institution (id),
  examiner              text,
  funded                boolean     NOT NULL DEFAULT true,
  planned_pregnancy_on  date,
  female_person_id      uuid        NOT NULL,
  female_values         jsonb       NOT NULL DEFAULT '{}',
  female_reported       text[]      NOT NULL DEFAULT '{}',
  female_items          text[]      NOT NULL DEFAULT '{}',
  female_infectious_enc text,
  female_risk_level     text        NOT NULL CHECK (female_risk_level IN ('low', 'high')),
  female_risk_factors   text[]      NOT NULL DEFAULT '{}',
  male_person_id        uuid,
  male_values           jsonb       NOT NULL DEFAULT '{}',
  male_reported         text[]      NOT NULL DEFAULT '{}',
  male_items            text[]      NOT NULL DEFAULT '{}',
  male_infectious_enc   text,
  male_risk_level       text        CHECK (male_risk_level IN ('low', 'high')),
  male_risk_factors     text[]      NOT NULL DEFAULT '{}',
  risk_level            text        NOT NULL CHECK (risk_level IN ('low', 'high')),
  advice                text,
  referred              boolean     NOT NULL DEFAULT false,
  referral_institution_id uuid      REFERENCES institution (id),
  referral_to           text,
  referral_reason       text,
  follow_up_due         date,
  follow_up_done_on     date,
  follow_up_outcome     text,
  pregnancy_id          uuid,
  pregnancy_confirmed_on date,
  note                  text,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, female_person_id) REFERENCES person (county_code, id) ON UPDATE CASCADE,
  FOREIGN KEY (county_code, male_person_id) REFERENCES person (county_code, id) ON UPDATE CASCADE
);
CREATE INDEX preconception_check_date_idx ON preconception_check (county_code, check_date);
CREATE INDEX preconception_check_female_idx ON preconception_check (county_code, female_person_id);
CREATE INDEX preconception_check_male_idx ON preconception_check (county_code, male_person_id);
CREATE INDEX preconception_check_pregnancy_idx ON preconception_check (pregnancy_id);

CREATE TABLE folic_acid_dispensing (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  preconception_check_id uuid,
  dispensed_on          date        NOT NULL,
  packs                 smallint    NOT NULL CHECK (packs BETWEEN 1 AND 24),
  tablets               integer     NOT NULL,
  supply_days           integer     NOT NULL,
  follow_up_due         date        NOT NULL,
  programme             text        NOT NULL CHECK (programme IN ('folic_acid_supplementation', 'other')),
  stage                 text        NOT NULL CHECK (stage IN ('preconception', 'early_pregnancy')),
  institution_id        uuid        REFERENCES institution (id),
  note                  text,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, person_id) REFERENCES person (county_code, id) ON UPDATE CASCADE,
  FOREIGN KEY (county_code, preconception_check_id) REFERENCES preconception_check (county_code, id) ON UPDATE CASCADE
);
CREATE INDEX folic_acid_dispensing_person_idx ON folic_acid_dispensing (county_code, person_id, dispensed_on);
CREATE INDEX folic_acid_dispensing_due_idx ON folic_acid_dispensing (county_code, follow_up_due);

CREATE TABLE folic_acid_follow_up (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  dispensing_id         uuid,
  follow_up_date        date        NOT NULL,
  days_taken            integer     NOT NULL CHECK (days_taken >= 0),
  days_expected         integer     NOT NULL CHECK (days_expected > 0),
  adherence             text        NOT NULL CHECK (adherence IN ('adherent', 'non_adherent', 'not_taken')),
  share                 numeric(5,4) NOT NULL,
  folate_ng_ml          numeric(6,2),
  pregnant              boolean,
  note                  text,
  created_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, person_id) REFERENCES person (county_code, id) ON UPDATE CASCADE,
  FOREIGN KEY (county_code, dispensing_id) REFERENCES folic_acid_dispensing (county_code, id) ON UPDATE CASCADE,
  CHECK (days_taken <= days_expected)
);
CREATE INDEX folic_acid_follow_up_person_idx ON folic_acid_follow_up (county_code, person_id, follow_up_date);
CREATE INDEX folic_acid_follow_up_disp_idx ON folic_acid_follow_up (county_code, dispensing_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['preconception_check', 'folic_acid_dispensing', 'folic_acid_follow_up']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (county_code = ANY (fuyou_scope_counties())) '
      'WITH CHECK (county_code = ANY (fuyou_scope_counties()))', t || '_scope', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO fuyou_app', t);
  END LOOP;
END $$;
