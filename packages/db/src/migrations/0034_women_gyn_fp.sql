-- Women's health (issue #5), part E: gynaecological common-disease survey campaigns and examinations (W2),
-- postpartum pelvic-floor screening and rehabilitation sessions (W3), family-planning services with complications,
-- free contraceptive stock movements per institution and issues to people, post-abortion care (W5).

CREATE TABLE gyn_survey_campaign (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  name                  text        NOT NULL,
  year                  smallint    NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  start_date            date        NOT NULL,
  end_date              date        NOT NULL,
  target_population     integer     NOT NULL CHECK (target_population > 0),
  institution_id        uuid        REFERENCES institution (id),
  note                  text,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  CHECK (end_date >= start_date)
);

CREATE TABLE gyn_survey_exam (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  campaign_id           uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  exam_date             date        NOT NULL,
  age                   smallint    NOT NULL,
  in_target             boolean     NOT NULL,
  findings              text[]      NOT NULL DEFAULT '{}',
  disposition           text        NOT NULL CHECK (disposition IN ('none', 'treated', 'referred', 'follow_up')),
  treatment             text,
  referral_to           text,
  follow_up_due         date,
  follow_up_done_on     date,
  follow_up_outcome     text,
  institution_id        uuid        REFERENCES institution (id),
  note                  text,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  UNIQUE (county_code, campaign_id, person_id),
  FOREIGN KEY (county_code, campaign_id) REFERENCES gyn_survey_campaign (county_code, id) ON UPDATE CASCADE,
  FOREIGN KEY (county_code, person_id) REFERENCES person (county_code, id) ON UPDATE CASCADE
);
CREATE INDEX gyn_survey_exam_person_idx ON gyn_survey_exam (county_code, person_id);

CREATE TABLE pelvic_floor_screening (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  screening_date        date        NOT NULL,
  delivery_id           uuid,
  delivery_date         date,
  postpartum_days       integer,
  muscle_strength       smallint    NOT NULL CHECK (muscle_strength BETWEEN 0 AND 5),
  pop_stage             smallint    NOT NULL CHECK (pop_stage BETWEEN 0 AND 4),
  stress_incontinence   boolean     NOT NULL DEFAULT false,
  rehab_indicated       boolean     NOT NULL,
  reasons               text[]      NOT NULL DEFAULT '{}',
  planned_sessions      smallint,
  status                text        NOT NULL CHECK (status IN ('no_rehab', 'rehab_planned', 'in_rehab', 'completed',
                          'declined')),
  first_session_due     date,
  institution_id        uuid        REFERENCES institution (id),
  note                  text,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, person_id) REFERENCES person (county_code, id) ON UPDATE CASCADE
);
CREATE INDEX pelvic_floor_person_idx ON pelvic_floor_screening (county_code, person_id);

CREATE TABLE pelvic_floor_session (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  screening_id          uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  session_date          date        NOT NULL,
  session_no            smallint    NOT NULL,
  modality              text        NOT NULL CHECK (modality IN ('biofeedback', 'electrical_stimulation',
                          'kegel_training', 'magnetic_stimulation', 'other')),
  muscle_strength_after smallint    CHECK (muscle_strength_after BETWEEN 0 AND 5),
  note                  text,
  created_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  UNIQUE (county_code, screening_id, session_no),
  FOREIGN KEY (county_code, screening_id) REFERENCES pelvic_floor_screening (county_code, id) ON UPDATE CASCADE
);

CREATE TABLE family_planning_service (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  service_date          date        NOT NULL,
  service               text        NOT NULL,
  institution_id        uuid        REFERENCES institution (id),
  complications         text[]      NOT NULL DEFAULT '{}',
  complication_note     text,
  adverse_reaction      text,
  last_menstrual_period date,
  note                  text,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, person_id) REFERENCES person (county_code, id) ON UPDATE CASCADE
);
CREATE INDEX family_planning_person_idx ON family_planning_service (county_code, person_id, service_date);
CREATE INDEX family_planning_date_idx ON family_planning_service (county_code, service_date);

-- Free contraceptives: receipts, issues (to a person when known), adjustments; the balance is the sum.
CREATE TABLE contraceptive_stock_movement (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  institution_id        uuid        NOT NULL REFERENCES institution (id),
  item                  text        NOT NULL,
  movement_date         date        NOT NULL,
  kind                  text        NOT NULL CHECK (kind IN ('receipt', 'issue', 'adjustment')),
  quantity              integer     NOT NULL CHECK (quantity <> 0),
  person_id             uuid,
  batch_no              text,
  note                  text,
  created_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, person_id) REFERENCES person (county_code, id) ON UPDATE CASCADE,
  CHECK (kind <> 'receipt' OR quantity > 0),
  CHECK (kind <> 'issue' OR quantity < 0)
);
CREATE INDEX contraceptive_stock_inst_idx ON contraceptive_stock_movement (county_code, institution_id, item);
CREATE INDEX contraceptive_stock_person_idx ON contraceptive_stock_movement (county_code, person_id);

CREATE TABLE post_abortion_care (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  abortion_date         date        NOT NULL,
  abortion_service      text        NOT NULL CHECK (abortion_service IN ('surgical_abortion', 'medical_abortion',
                          'mid_trimester_termination')),
  family_planning_service_id uuid,
  care_items            text[]      NOT NULL DEFAULT '{}',
  contraception_method  text,
  contraception_class   text        NOT NULL CHECK (contraception_class IN ('highly_effective', 'other_method', 'none')),
  follow_ups            jsonb       NOT NULL DEFAULT '[]',
  next_follow_up_due    date,
  institution_id        uuid        REFERENCES institution (id),
  note                  text,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, person_id) REFERENCES person (county_code, id) ON UPDATE CASCADE
);
CREATE INDEX post_abortion_care_due_idx ON post_abortion_care (county_code, next_follow_up_due);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['gyn_survey_campaign', 'gyn_survey_exam', 'pelvic_floor_screening', 'pelvic_floor_session',
    'family_planning_service', 'contraceptive_stock_movement', 'post_abortion_care']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (county_code = ANY (fuyou_scope_counties())) '
      'WITH CHECK (county_code = ANY (fuyou_scope_counties()))', t || '_scope', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO fuyou_app', t);
  END LOOP;
END $$;
