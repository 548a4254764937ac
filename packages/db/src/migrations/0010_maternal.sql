-- Maternal care pathway (issue #3): pregnancy registration (建册), antenatal visits, five-colour risk assessments,
-- high-risk cases (高危专案) with reports and referrals, PMTCT results (encrypted), prenatal screening and diagnosis,
-- delivery and birth outcomes, postpartum visits, maternal deaths with reviews, alerts to supervisors.
-- PostgreSQL 15 SQL. Every table holding data about a person carries county_code in its keys and foreign keys
-- (ON UPDATE CASCADE, so a transfer of the woman moves her rows), has row-level security forced, and is read and
-- written by fuyou_app. Each child table has exactly one foreign key carrying county_code (to its parent), so the
-- cascade of a transfer runs down one path.

-- ---------------------------------------------------------------- pregnancy (建册, M1 M9 M10)
CREATE TABLE pregnancy (
  county_code               char(6)     NOT NULL,
  id                        uuid        NOT NULL,
  person_id                 uuid        NOT NULL,
  -- antenatal → postpartum (after delivery) → closed (ended, transferred out, lost, death, postpartum done)
  status                    text        NOT NULL DEFAULT 'antenatal' CHECK (status IN ('antenatal', 'postpartum', 'closed')),
  registered_on             date        NOT NULL,
  registering_institution_id uuid       REFERENCES institution (id),
  managing_institution_id   uuid        REFERENCES institution (id),
  handbook_no               varchar(40),
  lmp                       date,
  edd                       date        NOT NULL,
  edd_method                text        NOT NULL CHECK (edd_method IN ('lmp', 'ultrasound')),
  edd_correction            jsonb,
  ga_at_registration_days   smallint    NOT NULL CHECK (ga_at_registration_days BETWEEN 0 AND 315),
  early_registration        boolean     NOT NULL,
  age_at_lmp                smallint,
  minor_at_lmp              boolean     NOT NULL DEFAULT false,
  non_resident              boolean     NOT NULL DEFAULT false,
  gravidity                 smallint    NOT NULL CHECK (gravidity BETWEEN 1 AND 30),
  parity                    smallint    NOT NULL CHECK (parity BETWEEN 0 AND 20),
  previous_caesareans       smallint    NOT NULL DEFAULT 0 CHECK (previous_caesareans BETWEEN 0 AND 15),
  spontaneous_abortions     smallint    NOT NULL DEFAULT 0 CHECK (spontaneous_abortions BETWEEN 0 AND 30),
  induced_abortions         smallint    NOT NULL DEFAULT 0 CHECK (induced_abortions BETWEEN 0 AND 30),
  preterm_births            smallint    NOT NULL DEFAULT 0 CHECK (preterm_births BETWEEN 0 AND 20),
  stillbirths               smallint    NOT NULL DEFAULT 0 CHECK (stillbirths BETWEEN 0 AND 20),
  birth_defects             smallint    NOT NULL DEFAULT 0 CHECK (birth_defects BETWEEN 0 AND 20),
  ectopic_pregnancies       smallint    NOT NULL DEFAULT 0 CHECK (ectopic_pregnancies BETWEEN 0 AND 10),
  molar_pregnancies         smallint    NOT NULL DEFAULT 0 CHECK (molar_pregnancies BETWEEN 0 AND 10),
  previous_uterine_surgeries smallint   NOT NULL DEFAULT 0 CHECK (previous_uterine_surgeries BETWEEN 0 AND 20),
  last_uterine_surgery_on   date,
  last_birth_on             date,
  history_items             text[]      NOT NULL DEFAULT '{}',
  history_note              text,
  height_cm                 numeric(4,1) CHECK (height_cm BETWEEN 100 AND 230),
  pre_pregnancy_weight_kg   numeric(5,1) CHECK (pre_pregnancy_weight_kg BETWEEN 25 AND 250),
  fetuses                   smallint    NOT NULL DEFAULT 1 CHECK (fetuses BETWEEN 1 AND 8),
  screening                 jsonb,
  -- current five-colour grade (null: not assessed yet); purple is kept beside the colour
  risk_colour               text        CHECK (risk_colour IN ('green', 'yellow', 'orange', 'red')),
  risk_purple               boolean     NOT NULL DEFAULT false,
  risk_assessed_on          date,
  assessment_count          integer     NOT NULL DEFAULT 0,
  -- the next contact of the schedule (stored for the worklist; recomputed at every write)
  next_contact              text,
  next_due_on               date,
  next_due_end              date,
  next_appointment          date,
  last_visit_on             date,
  visit_count               integer     NOT NULL DEFAULT 0,
  delivered_on              date,
  discharged_on             date,
  ended_on                  date,
  end_reason                text        CHECK (end_reason IN ('postpartum_completed', 'miscarriage', 'induced_abortion',
                              'ectopic', 'molar', 'transferred_out', 'lost_to_follow_up', 'maternal_death', 'other')),
  end_note                  text,
  version                   integer     NOT NULL DEFAULT 1,
  created_at                timestamptz NOT NULL DEFAULT now(),
  updated_at                timestamptz NOT NULL DEFAULT now(),
  created_by                uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, person_id) REFERENCES person (county_code, id) ON UPDATE CASCADE,
  CHECK (status <> 'closed' OR (ended_on IS NOT NULL AND end_reason IS NOT NULL))
);
-- one open pregnancy per woman
CREATE UNIQUE INDEX pregnancy_one_open_idx ON pregnancy (county_code, person_id) WHERE status <> 'closed';
CREATE INDEX pregnancy_person_idx ON pregnancy (county_code, person_id, registered_on);
-- worklist: open pregnancies by next due date, by institution, unassessed
CREATE INDEX pregnancy_open_due_idx ON pregnancy (county_code, next_due_on) WHERE status <> 'closed';
CREATE INDEX pregnancy_open_appt_idx ON pregnancy (county_code, next_appointment) WHERE status <> 'closed';
CREATE INDEX pregnancy_open_inst_idx ON pregnancy (county_code, managing_institution_id, next_due_on)
  WHERE status <> 'closed';
CREATE INDEX pregnancy_unassessed_idx ON pregnancy (county_code, registered_on)
  WHERE status = 'antenatal' AND risk_colour IS NULL;

-- ---------------------------------------------------------------- antenatal visits (产前检查, M2 M4)
CREATE TABLE anc_visit (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  pregnancy_id          uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  visit_date            date        NOT NULL,
  ga_days               smallint    NOT NULL CHECK (ga_days BETWEEN 0 AND 315),
  contact_id            text,
  institution_id        uuid        REFERENCES institution (id),
  examiner              text,
  weight_kg             numeric(5,1),
  systolic_mmhg         smallint,
  diastolic_mmhg        smallint,
  fundal_height_cm      numeric(4,1),
  abdominal_circumference_cm numeric(5,1),
  fetal_heart_rates     smallint[]  NOT NULL DEFAULT '{}',
  presentation          text,
  oedema                text,
  labs                  jsonb       NOT NULL DEFAULT '{}',
  ultrasound            text,
  findings              text,
  advice                text,
  referral_id           uuid,
  next_appointment      date,
  epds_scores           smallint[],
  special               jsonb       NOT NULL DEFAULT '{}',
  risk_assessment_id    uuid,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, pregnancy_id) REFERENCES pregnancy (county_code, id) ON UPDATE CASCADE
);
CREATE INDEX anc_visit_pregnancy_idx ON anc_visit (county_code, pregnancy_id, visit_date);

-- ---------------------------------------------------------------- five-colour assessments (M3 M7)
CREATE TABLE risk_assessment (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  pregnancy_id          uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  seq                   integer     NOT NULL CHECK (seq >= 1),
  stage                 text        NOT NULL CHECK (stage IN ('registration', 'antenatal', 'postpartum')),
  assessed_on           date        NOT NULL,
  assessed_at           timestamptz NOT NULL DEFAULT now(),
  ga_days               smallint,
  institution_id        uuid        REFERENCES institution (id),
  assessor_id           uuid,
  assessor_name         text,
  source_kind           text        CHECK (source_kind IN ('registration', 'anc_visit', 'postpartum_visit', 'standalone')),
  source_id             uuid,
  facts                 jsonb       NOT NULL DEFAULT '{}',
  matched               jsonb       NOT NULL DEFAULT '[]',
  ticked_items          text[]      NOT NULL DEFAULT '{}',
  not_evaluated         text[]      NOT NULL DEFAULT '{}',
  suggested_colour      text        NOT NULL CHECK (suggested_colour IN ('green', 'yellow', 'orange', 'red')),
  suggested_purple      boolean     NOT NULL,
  colour                text        NOT NULL CHECK (colour IN ('green', 'yellow', 'orange', 'red')),
  purple                boolean     NOT NULL,
  overridden            boolean     NOT NULL DEFAULT false,
  override_reason       text,
  catalogue             jsonb       NOT NULL,
  note                  text,
  created_at            timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (county_code, id),
  UNIQUE (county_code, pregnancy_id, seq),
  FOREIGN KEY (county_code, pregnancy_id) REFERENCES pregnancy (county_code, id) ON UPDATE CASCADE,
  CHECK (NOT overridden OR override_reason IS NOT NULL)
);

-- ---------------------------------------------------------------- high-risk cases (高危专案, M3 M5 M7)
CREATE TABLE high_risk_case (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  pregnancy_id          uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  status                text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  opened_on             date        NOT NULL,
  opened_at             timestamptz NOT NULL DEFAULT now(),
  source_assessment_id  uuid,
  colour                text        NOT NULL CHECK (colour IN ('green', 'yellow', 'orange', 'red')),
  purple                boolean     NOT NULL DEFAULT false,
  reasons               jsonb       NOT NULL DEFAULT '[]',
  managing_institution_id uuid      REFERENCES institution (id),
  plan                  text,
  emergency_plan        text,
  delivery_hospital_id  uuid        REFERENCES institution (id),
  delivery_hospital_on  date,
  next_follow_up_due    date,
  report_pending        boolean     NOT NULL DEFAULT true,
  report_due_at         timestamptz,
  closed_on             date,
  close_reason          text        CHECK (close_reason IN ('delivered_assessed', 'risk_resolved', 'transferred',
                          'pregnancy_ended', 'death', 'other')),
  close_note            text,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, pregnancy_id) REFERENCES pregnancy (county_code, id) ON UPDATE CASCADE,
  CHECK (status <> 'closed' OR (closed_on IS NOT NULL AND close_reason IS NOT NULL))
);
CREATE UNIQUE INDEX high_risk_case_open_idx ON high_risk_case (county_code, pregnancy_id) WHERE status = 'open';
CREATE INDEX high_risk_case_ledger_idx ON high_risk_case (county_code, status, opened_on);
CREATE INDEX high_risk_case_report_idx ON high_risk_case (county_code, report_due_at) WHERE report_pending;

-- One report per case opening or escalation (妊娠风险评估分级报告单), acknowledged by the county supervisor.
CREATE TABLE high_risk_report (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  case_id               uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  colour                text        NOT NULL,
  purple                boolean     NOT NULL DEFAULT false,
  assessment_id         uuid,
  reported_at           timestamptz NOT NULL DEFAULT now(),
  due_at                timestamptz,
  deadline              jsonb,
  acknowledged_at       timestamptz,
  acknowledged_by       uuid,
  acknowledged_by_name  text,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, case_id) REFERENCES high_risk_case (county_code, id) ON UPDATE CASCADE
);
CREATE INDEX high_risk_report_case_idx ON high_risk_report (county_code, case_id, reported_at);
CREATE INDEX high_risk_report_pending_idx ON high_risk_report (county_code, due_at) WHERE acknowledged_at IS NULL;

CREATE TABLE high_risk_followup (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  case_id               uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  followup_date         date        NOT NULL,
  method                text        CHECK (method IN ('clinic', 'phone', 'home', 'other')),
  institution_id        uuid        REFERENCES institution (id),
  condition             text,
  management            text,
  next_due              date,
  created_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, case_id) REFERENCES high_risk_case (county_code, id) ON UPDATE CASCADE
);
CREATE INDEX high_risk_followup_case_idx ON high_risk_followup (county_code, case_id, followup_date);

-- Two-way referral with receipt (转诊回执): sent → received → outcome returned.
CREATE TABLE maternal_referral (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  pregnancy_id          uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  case_id               uuid,
  source_kind           text        NOT NULL CHECK (source_kind IN ('case', 'anc_visit', 'screening', 'postpartum_visit',
                          'prenatal_screening', 'other')),
  source_id             uuid,
  referred_on           date        NOT NULL,
  from_institution_id   uuid        REFERENCES institution (id),
  to_institution_id     uuid        REFERENCES institution (id),
  to_institution_name   text,
  reason                text        NOT NULL,
  urgency               text        NOT NULL DEFAULT 'routine' CHECK (urgency IN ('routine', 'urgent', 'emergency')),
  status                text        NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'received', 'returned')),
  receive_due           date        NOT NULL,
  received_on           date,
  received_by           uuid,
  outcome_due           date        NOT NULL,
  outcome               text,
  outcome_on            date,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, pregnancy_id) REFERENCES pregnancy (county_code, id) ON UPDATE CASCADE
);
CREATE INDEX maternal_referral_pregnancy_idx ON maternal_referral (county_code, pregnancy_id, referred_on);
CREATE INDEX maternal_referral_open_idx ON maternal_referral (county_code, receive_due) WHERE status = 'sent';
CREATE INDEX maternal_referral_to_idx ON maternal_referral (to_institution_id, status);

-- ---------------------------------------------------------------- PMTCT (W4; restricted: permission pmtct)
-- Results, methods and treatments are encrypted (AES-256-GCM via the server's field crypto). Only timing flags and
-- due dates are plain, so the worklist can find duties without decrypting.
CREATE TABLE pmtct_test (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  pregnancy_id          uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  infection             text        NOT NULL CHECK (infection IN ('hiv', 'syphilis', 'hbv')),
  tested_on             date        NOT NULL,
  ga_days               smallint,
  at_labour             boolean     NOT NULL DEFAULT false,
  early_test            boolean     NOT NULL DEFAULT false,
  result_enc            text        NOT NULL,
  created_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, pregnancy_id) REFERENCES pregnancy (county_code, id) ON UPDATE CASCADE
);
CREATE INDEX pmtct_test_pregnancy_idx ON pmtct_test (county_code, pregnancy_id, tested_on);

CREATE TABLE pmtct_record (
  county_code           char(6)     NOT NULL,
  pregnancy_id          uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  data_enc              text        NOT NULL,
  next_action_due       date,
  closed                boolean     NOT NULL DEFAULT false,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (county_code, pregnancy_id),
  FOREIGN KEY (county_code, pregnancy_id) REFERENCES pregnancy (county_code, id) ON UPDATE CASCADE
);
CREATE INDEX pmtct_record_due_idx ON pmtct_record (county_code, next_action_due) WHERE NOT closed;

-- ---------------------------------------------------------------- prenatal screening and diagnosis (B3)
CREATE TABLE prenatal_screening (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  pregnancy_id          uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  method                text        NOT NULL CHECK (method IN ('serum_first', 'serum_second', 'cfdna', 'ultrasound_markers')),
  screened_on           date        NOT NULL,
  ga_days               smallint,
  institution_id        uuid        REFERENCES institution (id),
  t21                   text        CHECK (t21 IN ('low', 'intermediate', 'high')),
  t18                   text        CHECK (t18 IN ('low', 'intermediate', 'high')),
  ntd                   text        CHECK (ntd IN ('low', 'intermediate', 'high')),
  result_note           text,
  follow_up             text        NOT NULL DEFAULT 'none' CHECK (follow_up IN ('none', 'open', 'closed')),
  follow_up_due         date,
  diagnosis_method      text        CHECK (diagnosis_method IN ('amniocentesis', 'cvs', 'cord_blood')),
  diagnosis_test        text        CHECK (diagnosis_test IN ('karyotype', 'cma', 'other')),
  diagnosed_on          date,
  diagnosis_result      text,
  counselling_outcome   text,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, pregnancy_id) REFERENCES pregnancy (county_code, id) ON UPDATE CASCADE
);
CREATE INDEX prenatal_screening_open_idx ON prenatal_screening (county_code, follow_up_due) WHERE follow_up = 'open';

-- ---------------------------------------------------------------- delivery and birth outcomes (M8)
CREATE TABLE delivery (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  pregnancy_id          uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  delivery_date         date        NOT NULL,
  delivery_time         time,
  place                 text        NOT NULL CHECK (place IN ('institution', 'home', 'en_route', 'other')),
  institution_id        uuid        REFERENCES institution (id),
  ga_days               smallint    NOT NULL,
  mode                  text        NOT NULL CHECK (mode IN ('spontaneous', 'forceps', 'vacuum', 'breech', 'caesarean')),
  caesarean_indication  text,
  caesarean_no_medical_indication boolean NOT NULL DEFAULT false,
  complications         text[]      NOT NULL DEFAULT '{}',
  blood_loss_ml         integer     CHECK (blood_loss_ml BETWEEN 0 AND 20000),
  maternal_condition    text        NOT NULL CHECK (maternal_condition IN ('good', 'complicated', 'referred', 'died')),
  discharged_on         date,
  attendant             text,
  fetuses               smallint    NOT NULL CHECK (fetuses BETWEEN 1 AND 8),
  note                  text,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  UNIQUE (county_code, pregnancy_id),
  FOREIGN KEY (county_code, pregnancy_id) REFERENCES pregnancy (county_code, id) ON UPDATE CASCADE
);

CREATE TABLE birth_outcome (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  delivery_id           uuid        NOT NULL,
  mother_id             uuid        NOT NULL,
  birth_order           smallint    NOT NULL CHECK (birth_order BETWEEN 1 AND 8),
  outcome               text        NOT NULL CHECK (outcome IN ('live_birth', 'fetal_death', 'stillbirth',
                          'outside_perinatal_scope')),
  sex                   text        NOT NULL CHECK (sex IN ('male', 'female', 'unknown')),
  weight_g              integer     CHECK (weight_g BETWEEN 100 AND 8000),
  length_cm             numeric(4,1),
  apgar_1               smallint    CHECK (apgar_1 BETWEEN 0 AND 10),
  apgar_5               smallint    CHECK (apgar_5 BETWEEN 0 AND 10),
  apgar_10              smallint    CHECK (apgar_10 BETWEEN 0 AND 10),
  defects               text[]      NOT NULL DEFAULT '{}',
  resuscitation         boolean     NOT NULL DEFAULT false,
  flags                 jsonb       NOT NULL DEFAULT '{}',
  -- the child in the person index (a plain link: the child may later move alone)
  child_person_id       uuid,
  created_at            timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (county_code, id),
  UNIQUE (county_code, delivery_id, birth_order),
  FOREIGN KEY (county_code, delivery_id) REFERENCES delivery (county_code, id) ON UPDATE CASCADE
);
CREATE INDEX birth_outcome_child_idx ON birth_outcome (child_person_id);

-- ---------------------------------------------------------------- postpartum visits (M2 W3)
CREATE TABLE postpartum_visit (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  pregnancy_id          uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  kind                  text        NOT NULL CHECK (kind IN ('home_visit', 'day42_check', 'extra')),
  visit_date            date        NOT NULL,
  postpartum_day        smallint    NOT NULL CHECK (postpartum_day >= 0),
  institution_id        uuid        REFERENCES institution (id),
  examiner              text,
  temperature_c         numeric(3,1),
  systolic_mmhg         smallint,
  diastolic_mmhg        smallint,
  hb_gl                 smallint,
  breasts               text,
  lochia                text,
  uterus                text,
  wound                 text,
  findings              text,
  breastfeeding         text        CHECK (breastfeeding IN ('exclusive', 'mixed', 'formula', 'none')),
  epds_scores           smallint[],
  epds                  jsonb,
  epds_action           text,
  contraception_counselled boolean,
  contraception_method  text,
  pelvic_floor          text        CHECK (pelvic_floor IN ('normal', 'abnormal', 'referred', 'not_done')),
  assessment            text        CHECK (assessment IN ('recovered', 'abnormal')),
  advice                text,
  referral_id           uuid,
  risk_assessment_id    uuid,
  next_appointment      date,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, pregnancy_id) REFERENCES pregnancy (county_code, id) ON UPDATE CASCADE
);
CREATE INDEX postpartum_visit_pregnancy_idx ON postpartum_visit (county_code, pregnancy_id, visit_date);

-- ---------------------------------------------------------------- maternal death (M6 M7)
CREATE TABLE maternal_death (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  pregnancy_id          uuid,
  status                text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
  death_date            date        NOT NULL,
  death_time            time,
  death_place           text        NOT NULL,
  delivery_place        text,
  delivery_date         date,
  delivery_mode         text,
  referred              boolean,
  first_institution     text,
  antenatal_care        boolean,
  first_visit_ga_weeks  smallint,
  visit_count           smallint,
  last_visit_institution text,
  education             text,
  income_band           text,
  residence_kind        text,
  cause_a               text,
  cause_b               text,
  cause_c               text,
  underlying_cause      text        NOT NULL,
  icd10                 varchar(8)  NOT NULL,
  diagnosis_basis       text        CHECK (diagnosis_basis IN ('autopsy', 'pathology', 'clinical', 'inferred')),
  reporter              text,
  reporting_institution_id uuid     REFERENCES institution (id),
  submitted_at          timestamptz,
  submitted_by          uuid,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  UNIQUE (county_code, person_id),
  FOREIGN KEY (county_code, person_id) REFERENCES person (county_code, id) ON UPDATE CASCADE
);

CREATE TABLE maternal_death_review (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  death_id              uuid        NOT NULL,
  person_id             uuid        NOT NULL,
  level                 text        NOT NULL CHECK (level IN ('county', 'city', 'province')),
  reviewed_on           date        NOT NULL,
  conclusion            text        NOT NULL CHECK (conclusion IN ('avoidable', 'conditionally_avoidable', 'unavoidable')),
  factors               jsonb       NOT NULL DEFAULT '{}',
  actions               text,
  created_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  UNIQUE (county_code, death_id, level),
  FOREIGN KEY (county_code, death_id) REFERENCES maternal_death (county_code, id) ON UPDATE CASCADE
);

-- ---------------------------------------------------------------- alerts to supervisors (M10 minors, deaths)
CREATE TABLE maternal_alert (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  kind                  text        NOT NULL CHECK (kind IN ('minor_pregnancy', 'maternal_death')),
  audience              text        NOT NULL CHECK (audience IN ('county', 'city')),
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
CREATE INDEX maternal_alert_open_idx ON maternal_alert (county_code, audience, created_at) WHERE acknowledged_at IS NULL;

-- ---------------------------------------------------------------- row-level security and grants
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['pregnancy', 'anc_visit', 'risk_assessment', 'high_risk_case', 'high_risk_report',
    'high_risk_followup', 'maternal_referral', 'pmtct_test', 'pmtct_record', 'prenatal_screening', 'delivery',
    'birth_outcome', 'postpartum_visit', 'maternal_death', 'maternal_death_review', 'maternal_alert']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (county_code = ANY (fuyou_scope_counties())) '
      'WITH CHECK (county_code = ANY (fuyou_scope_counties()))', t || '_scope', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO fuyou_app', t);
  END LOOP;
END $$;
