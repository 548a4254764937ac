-- Women's health (issue #5), part B: premarital medical examination of a couple (婚前医学检查, B1) and the
-- marriage registrations per county and month (from the civil-affairs bureau) for the premarital examination rate.
-- Infectious-disease results (HIV, syphilis, hepatitis B, gonorrhoea) are stored encrypted (AES-256-GCM by the
-- server); everything else is plain. Both partners are people of the examining county (row-level security).

CREATE TABLE premarital_exam (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  exam_date             date        NOT NULL,
  institution_id        uuid        REFERENCES institution (id),
  examiner              text,
  funded                boolean     NOT NULL DEFAULT true,
  registration_office   text,
  registration_date     date,
  female_person_id      uuid,
  female_history        jsonb       NOT NULL DEFAULT '{}',
  female_exam           jsonb       NOT NULL DEFAULT '{}',
  female_tests          jsonb       NOT NULL DEFAULT '{}',
  female_diseases       text[]      NOT NULL DEFAULT '{}',
  female_infectious_enc text,
  male_person_id        uuid,
  male_history          jsonb       NOT NULL DEFAULT '{}',
  male_exam             jsonb       NOT NULL DEFAULT '{}',
  male_tests            jsonb       NOT NULL DEFAULT '{}',
  male_diseases         text[]      NOT NULL DEFAULT '{}',
  male_infectious_enc   text,
  -- true when any designated infectious test is positive (kept in clear so follow-up can be listed without decrypting)
  infectious_positive   boolean     NOT NULL DEFAULT false,
  findings              text[]      NOT NULL DEFAULT '{}',
  opinion               text        NOT NULL CHECK (opinion IN ('no_contraindication', 'not_advised_to_marry',
                          'postpone_marriage', 'not_advised_to_bear_children', 'medical_measures_respect_wishes')),
  suggested_opinion     text        NOT NULL,
  opinion_note          text,
  counselling_given     boolean     NOT NULL DEFAULT false,
  counselling_topics    text[]      NOT NULL DEFAULT '{}',
  certificate_no        varchar(40),
  follow_up_due         date,
  follow_up_done_on     date,
  follow_up_outcome     text,
  note                  text,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  UNIQUE (county_code, certificate_no),
  FOREIGN KEY (county_code, female_person_id) REFERENCES person (county_code, id) ON UPDATE CASCADE,
  FOREIGN KEY (county_code, male_person_id) REFERENCES person (county_code, id) ON UPDATE CASCADE,
  CHECK (female_person_id IS NOT NULL OR male_person_id IS NOT NULL)
);
CREATE INDEX premarital_exam_date_idx ON premarital_exam (county_code, exam_date);
CREATE INDEX premarital_exam_female_idx ON premarital_exam (county_code, female_person_id);
CREATE INDEX premarital_exam_male_idx ON premarital_exam (county_code, male_person_id);
CREATE INDEX premarital_exam_follow_idx ON premarital_exam (county_code, follow_up_due) WHERE follow_up_done_on IS NULL;

-- Marriages registered in a county and month (couples), from the civil-affairs bureau.
CREATE TABLE marriage_registration_count (
  county_code           char(6)     NOT NULL,
  year                  smallint    NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  month                 smallint    NOT NULL CHECK (month BETWEEN 1 AND 12),
  couples               integer     NOT NULL CHECK (couples >= 0),
  source                text        NOT NULL,
  note                  text,
  version               integer     NOT NULL DEFAULT 1,
  updated_at            timestamptz NOT NULL DEFAULT now(),
  updated_by            uuid,
  PRIMARY KEY (county_code, year, month)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['premarital_exam', 'marriage_registration_count']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (county_code = ANY (fuyou_scope_counties())) '
      'WITH CHECK (county_code = ANY (fuyou_scope_counties()))', t || '_scope', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO fuyou_app', t);
  END LOOP;
END $$;
