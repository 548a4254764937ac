-- Child health pathway 0–6 years (issue #4): the child record, check-ups with z-scores, nutrition / high-risk /
-- preterm cases with follow-ups and referrals, newborn and child screening, exposed infants (PMTCT), under-5
-- deaths, childcare-facility evaluations, alerts to supervisors.
-- PostgreSQL 15 SQL. Every person table carries county_code in its keys, has row-level security forced, and is
-- read and written by fuyou_app. Links to the maternal tables (delivery, birth outcome) are plain uuids, so this
-- migration does not depend on the maternal one.

-- ---------------------------------------------------------------- the child record (C1)
CREATE TABLE child_profile (
  county_code             char(6)     NOT NULL,
  person_id               uuid        NOT NULL,
  source                  text        NOT NULL CHECK (source IN ('delivery', 'direct')),
  registration_reason     text        CHECK (registration_reason IN ('born_here', 'born_elsewhere', 'moved_in', 'other')),
  delivery_id             uuid,
  birth_outcome_id        uuid,
  birth_time              time,
  gestational_weeks       smallint    CHECK (gestational_weeks BETWEEN 20 AND 45),
  gestational_days        smallint    CHECK (gestational_days BETWEEN 0 AND 6),
  birth_weight_g          integer     CHECK (birth_weight_g BETWEEN 300 AND 7000),
  birth_length_cm         numeric(4,1) CHECK (birth_length_cm BETWEEN 20 AND 70),
  birth_head_cm           numeric(4,1) CHECK (birth_head_cm BETWEEN 15 AND 50),
  apgar_1                 smallint    CHECK (apgar_1 BETWEEN 0 AND 10),
  apgar_5                 smallint    CHECK (apgar_5 BETWEEN 0 AND 10),
  apgar_10                smallint    CHECK (apgar_10 BETWEEN 0 AND 10),
  birth_defects           text[]      NOT NULL DEFAULT '{}',
  multiple_birth          smallint    NOT NULL DEFAULT 1 CHECK (multiple_birth BETWEEN 1 AND 6),
  birth_order             smallint    CHECK (birth_order BETWEEN 1 AND 6),
  birth_institution_id    uuid        REFERENCES institution (id),
  birth_place             text,
  neonatal_conditions     text[]      NOT NULL DEFAULT '{}',
  discharged_on           date,
  health_handbook_no      varchar(40),
  vaccination_handbook_no varchar(40),
  managing_institution_id uuid        REFERENCES institution (id),
  status                  text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  closed_reason           text,
  closed_on               date,
  version                 integer     NOT NULL DEFAULT 1,
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  created_by              uuid,
  PRIMARY KEY (county_code, person_id),
  FOREIGN KEY (county_code, person_id) REFERENCES person (county_code, id) ON UPDATE CASCADE
);
CREATE INDEX child_profile_delivery_idx ON child_profile (delivery_id);
CREATE INDEX child_profile_inst_idx ON child_profile (county_code, managing_institution_id);

-- ---------------------------------------------------------------- check-ups (C1, C5, C6)
CREATE TABLE child_checkup (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  visit_date            date        NOT NULL,
  kind                  text        NOT NULL CHECK (kind IN ('newborn_visit', 'month1', 'routine', 'extra')),
  contact_key           text,
  age_days              integer     NOT NULL CHECK (age_days >= 0),
  corrected_age_days    integer,
  institution_id        uuid        REFERENCES institution (id),
  examiner              text,
  weight_kg             numeric(5,2),
  length_cm             numeric(5,1),
  measured_lying        boolean,
  head_cm               numeric(4,1),
  bmi                   numeric(5,2),
  temperature_c         numeric(3,1),
  hb_gl                 smallint,
  feeding               text,
  exclusive_breastfeeding boolean,
  vitamin_d_iu          integer,
  outdoor_hours         numeric(3,1),
  exam                  jsonb       NOT NULL DEFAULT '{}',
  warning_signs         jsonb       NOT NULL DEFAULT '{}',
  hearing               text,
  eye                   jsonb       NOT NULL DEFAULT '{}',
  teeth                 jsonb       NOT NULL DEFAULT '{}',
  rickets_signs         text[]      NOT NULL DEFAULT '{}',
  illness               jsonb       NOT NULL DEFAULT '[]',
  guidance              text[]      NOT NULL DEFAULT '{}',
  guidance_note         text,
  referral              jsonb,
  next_appointment      date,
  waz                   numeric(5,2),
  lhaz                  numeric(5,2),
  wlhz                  numeric(5,2),
  bmiz                  numeric(5,2),
  hcz                   numeric(5,2),
  growth_flags          text[]      NOT NULL DEFAULT '{}',
  growth_reference      text,
  nutrition             jsonb       NOT NULL DEFAULT '[]',
  proposals             jsonb       NOT NULL DEFAULT '[]',
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, person_id) REFERENCES child_profile (county_code, person_id) ON UPDATE CASCADE
);
CREATE INDEX child_checkup_person_idx ON child_checkup (county_code, person_id, visit_date);

-- ---------------------------------------------------------------- cases: nutrition, high-risk, preterm (C2, C3)
CREATE TABLE child_case (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  kind                  text        NOT NULL CHECK (kind IN ('anaemia', 'undernutrition', 'overweight_obesity', 'rickets',
                          'high_risk_infant', 'preterm')),
  severity              text,
  subtypes              text[]      NOT NULL DEFAULT '{}',
  criteria              jsonb       NOT NULL DEFAULT '[]',
  status                text        NOT NULL CHECK (status IN ('proposed', 'open', 'closed', 'dismissed')),
  source_checkup_id     uuid,
  proposed_on           date        NOT NULL,
  opened_on             date,
  confirmed_by          uuid,
  institution_id        uuid        REFERENCES institution (id),
  next_follow_up_due    date,
  closed_on             date,
  outcome               text        CHECK (outcome IN ('cured', 'improved', 'unchanged', 'worse', 'transferred', 'died',
                          'lost', 'aged_out', 'other')),
  closure_note          text,
  dismissed_reason      text,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, person_id) REFERENCES child_profile (county_code, person_id) ON UPDATE CASCADE
);
CREATE UNIQUE INDEX child_case_live_idx ON child_case (county_code, person_id, kind) WHERE status IN ('proposed', 'open');
CREATE INDEX child_case_due_idx ON child_case (county_code, status, next_follow_up_due);

CREATE TABLE child_case_followup (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  case_id               uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  followup_date         date        NOT NULL,
  checkup_id            uuid,
  weight_kg             numeric(5,2),
  length_cm             numeric(5,1),
  hb_gl                 smallint,
  zscores               jsonb       NOT NULL DEFAULT '{}',
  severity              text,
  treatment             text,
  guidance              text,
  note                  text,
  next_due              date,
  created_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, case_id) REFERENCES child_case (county_code, id) ON UPDATE CASCADE
);
CREATE INDEX child_case_followup_case_idx ON child_case_followup (county_code, case_id, followup_date);

CREATE TABLE child_referral (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  source_kind           text        NOT NULL CHECK (source_kind IN ('case', 'checkup', 'screening', 'newborn_screening')),
  source_id             uuid        NOT NULL,
  referred_on           date        NOT NULL,
  to_institution_id     uuid        REFERENCES institution (id),
  to_institution_name   text,
  reason                text        NOT NULL,
  status                text        NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'received')),
  receipt_on            date,
  receipt_diagnosis     text,
  receipt_note          text,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, person_id) REFERENCES child_profile (county_code, person_id) ON UPDATE CASCADE
);
CREATE INDEX child_referral_source_idx ON child_referral (county_code, source_kind, source_id);

-- ---------------------------------------------------------------- newborn screening (B4, B6) and child screening (B5)
CREATE TABLE newborn_screening (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  kind                  text        NOT NULL CHECK (kind IN ('metabolic', 'hearing', 'heart')),
  institution_id        uuid        REFERENCES institution (id),
  status                text        NOT NULL,
  data                  jsonb       NOT NULL DEFAULT '{}',
  events                jsonb       NOT NULL DEFAULT '[]',
  next_step             text,
  next_due              date,
  closed                boolean     NOT NULL DEFAULT false,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  UNIQUE (county_code, person_id, kind),
  FOREIGN KEY (county_code, person_id) REFERENCES child_profile (county_code, person_id) ON UPDATE CASCADE
);
CREATE INDEX newborn_screening_due_idx ON newborn_screening (county_code, closed, next_due);

CREATE TABLE child_screening (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  kind                  text        NOT NULL CHECK (kind IN ('red_reflex', 'ddh', 'autism', 'development')),
  screened_on           date        NOT NULL,
  age_months            numeric(5,1) NOT NULL,
  institution_id        uuid        REFERENCES institution (id),
  tool                  text,
  score                 numeric(6,1),
  result                text        NOT NULL CHECK (result IN ('normal', 'abnormal', 'suspected')),
  detail                jsonb       NOT NULL DEFAULT '{}',
  follow_up             text,
  follow_up_due         date,
  follow_up_done_on     date,
  follow_up_result      text,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, person_id) REFERENCES child_profile (county_code, person_id) ON UPDATE CASCADE
);
CREATE INDEX child_screening_person_idx ON child_screening (county_code, person_id, screened_on);

-- ---------------------------------------------------------------- exposed infants (W4; restricted: permission pmtct)
CREATE TABLE exposed_infant (
  county_code           char(6)     NOT NULL,
  person_id             uuid        NOT NULL,
  infections            text[]      NOT NULL,
  high_exposure         boolean     NOT NULL DEFAULT false,
  doses                 jsonb       NOT NULL DEFAULT '[]',
  tests                 jsonb       NOT NULL DEFAULT '[]',
  final_status          jsonb       NOT NULL DEFAULT '{}',
  next_due              date,
  closed                boolean     NOT NULL DEFAULT false,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, person_id),
  FOREIGN KEY (county_code, person_id) REFERENCES child_profile (county_code, person_id) ON UPDATE CASCADE,
  CHECK (infections <@ ARRAY['hiv', 'syphilis', 'hbv']::text[] AND cardinality(infections) > 0)
);

-- ---------------------------------------------------------------- under-5 deaths (C8)
CREATE TABLE child_death (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  death_date            date        NOT NULL,
  death_time            time,
  age_days              integer     NOT NULL CHECK (age_days >= 0),
  age_group             text        NOT NULL,
  death_place           text        NOT NULL,
  care_before_death     text,
  diagnosis_level       text,
  diagnosis_basis       text,
  cause_a               text,
  cause_b               text,
  cause_c               text,
  underlying_cause      text        NOT NULL,
  icd10                 varchar(8)  NOT NULL,
  cause_category        text,
  birth_weight_g        integer,
  gestational_weeks     smallint,
  reporter              text,
  reporting_institution_id uuid     REFERENCES institution (id),
  status                text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
  submitted_at          timestamptz,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  UNIQUE (county_code, person_id),
  FOREIGN KEY (county_code, person_id) REFERENCES person (county_code, id) ON UPDATE CASCADE
);

-- Alerts to the county supervisors (e.g. a submitted under-5 death card).
CREATE TABLE child_alert (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  kind                  text        NOT NULL,
  person_id             uuid,
  entity_type           text,
  entity_id             uuid,
  message_zh            text        NOT NULL,
  message_en            text        NOT NULL,
  created_at            timestamptz NOT NULL DEFAULT now(),
  acknowledged_at       timestamptz,
  acknowledged_by       uuid,
  PRIMARY KEY (county_code, id)
);
CREATE INDEX child_alert_open_idx ON child_alert (county_code, acknowledged_at, created_at);

-- ---------------------------------------------------------------- childcare facilities (C7)
-- The facilities themselves are institutions of type childcare_facility; this holds their annual evaluation.
CREATE TABLE childcare_facility_evaluation (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  institution_id        uuid        NOT NULL REFERENCES institution (id),
  year                  smallint    NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  evaluated_on          date        NOT NULL,
  qualified             boolean     NOT NULL,
  score                 numeric(5,1),
  assessor              text        NOT NULL,
  children_enrolled     integer     CHECK (children_enrolled >= 0),
  note                  text,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  UNIQUE (county_code, institution_id, year)
);

-- ---------------------------------------------------------------- row-level security and grants
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['child_profile', 'child_checkup', 'child_case', 'child_case_followup', 'child_referral',
    'newborn_screening', 'child_screening', 'exposed_infant', 'child_death', 'child_alert',
    'childcare_facility_evaluation']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (county_code = ANY (fuyou_scope_counties())) '
      'WITH CHECK (county_code = ANY (fuyou_scope_counties()))', t || '_scope', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO fuyou_app', t);
  END LOOP;
END $$;
