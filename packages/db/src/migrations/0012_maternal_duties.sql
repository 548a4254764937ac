-- Maternal care pathway (issue #3), completing duties that were not yet stored:
-- * the antenatal schedule is a choice by region (the national basic public-health schedule by default, the
--   clinical schedule of 中华医学会 2018 where a region chooses it); each pregnancy keeps the schedule it was
--   registered under, so a change of the regional choice never rewrites a running pregnancy;
-- * a woman screen-positive at a primary institution is to be referred for assessment within 2 weeks
--   (screen_referral_due, cleared by the referral or by an assessment at a hospital);
-- * an EPDS-positive antenatal visit records its intervention;
-- * referrals waiting for the assessing hospital's result are found by their outcome due date;
-- * the maternal death card carries the remaining fields of 孕产妇死亡报告卡 (REFERENCE §4; the family phone
--   encrypted, masked for display);
-- * a baby born alive who dies before leaving the delivery (a neonatal death recorded at delivery).
-- PostgreSQL 15 SQL.

CREATE TABLE maternal_schedule_choice (
  region_code   varchar(12) PRIMARY KEY REFERENCES region (code),
  schedule_id   text        NOT NULL CHECK (schedule_id IN ('anc-basic-public-health-cn', 'anc-clinical-cma-2018')),
  note          text,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  updated_by    uuid
);
GRANT SELECT, INSERT, UPDATE, DELETE ON maternal_schedule_choice TO fuyou_app;

ALTER TABLE pregnancy ADD COLUMN schedule_id text NOT NULL DEFAULT 'anc-basic-public-health-cn'
  CHECK (schedule_id IN ('anc-basic-public-health-cn', 'anc-clinical-cma-2018'));
ALTER TABLE pregnancy ADD COLUMN screen_referral_due date;
CREATE INDEX pregnancy_screen_referral_idx ON pregnancy (county_code, screen_referral_due)
  WHERE status <> 'closed' AND screen_referral_due IS NOT NULL;

ALTER TABLE anc_visit ADD COLUMN epds_action text;

CREATE INDEX maternal_referral_outcome_idx ON maternal_referral (county_code, outcome_due) WHERE status <> 'returned';

ALTER TABLE maternal_death ADD COLUMN family_phone_enc text;
ALTER TABLE maternal_death ADD COLUMN family_phone_masked text;
ALTER TABLE maternal_death ADD COLUMN hukou_local boolean;
ALTER TABLE maternal_death ADD COLUMN planned boolean;
ALTER TABLE maternal_death ADD COLUMN gravidity smallint CHECK (gravidity BETWEEN 1 AND 30);
ALTER TABLE maternal_death ADD COLUMN parity smallint CHECK (parity BETWEEN 0 AND 20);
ALTER TABLE maternal_death ADD COLUMN induced_abortions smallint CHECK (induced_abortions BETWEEN 0 AND 30);
ALTER TABLE maternal_death ADD COLUMN lmp date;
ALTER TABLE maternal_death ADD COLUMN delivery_time time;
ALTER TABLE maternal_death ADD COLUMN new_method_delivery boolean;
ALTER TABLE maternal_death ADD COLUMN birth_attendant text
  CHECK (birth_attendant IN ('doctor', 'midwife', 'village_doctor', 'family', 'self', 'other'));

ALTER TABLE birth_outcome ADD COLUMN died_on date;
ALTER TABLE birth_outcome ADD COLUMN died_time time;
