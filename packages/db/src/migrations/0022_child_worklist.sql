-- Child-health worklist (issue #4 §8; issue #7 goal: the worklist of a county under 100 ms at p95). Each pending
-- duty of an active child is one stored row: the check-up contact of the national schedule whose turn it is (from
-- its window's start until the next contact's window starts), the Hb test of 6–8, 18, 30 months and preschool,
-- case follow-ups and cases to confirm, referrals awaiting a receipt, screening steps, exposed-infant duties. The
-- child module computes the rows with core's schedule functions whenever a check-up, case, referral, screening,
-- exposure or profile is written, so the list is read with index range scans (list_from ≤ today + horizon), never
-- computed per child. A row's days on the list and its overdue instant are fixed when it is written: the list
-- stays right as the days pass without a write.
CREATE TABLE child_work (
  county_code     char(6)   NOT NULL,
  person_id       uuid      NOT NULL,
  kind            text      NOT NULL CHECK (kind IN ('checkup_due', 'hb_due', 'case_followup', 'case_proposed',
                    'referral_receipt', 'screening_step', 'exposure_duty')),
  item            text      NOT NULL,
  ref_id          uuid,
  institution_id  uuid,
  list_from       date      NOT NULL,
  list_until      date,
  due_on          date,
  -- China wall-clock time (the PMTCT birth doses are due within hours of birth)
  overdue_at      timestamp,
  appointment_on  date,
  what_zh         text      NOT NULL,
  what_en         text      NOT NULL,
  PRIMARY KEY (county_code, person_id, kind, item),
  FOREIGN KEY (county_code, person_id) REFERENCES child_profile (county_code, person_id) ON UPDATE CASCADE
);
-- the county's list and counts (index-only: every column the count reads is in the index)
CREATE INDEX child_work_county_idx ON child_work (county_code, list_from)
  INCLUDE (list_until, kind, overdue_at, appointment_on, institution_id);
-- one institution's list and counts
CREATE INDEX child_work_inst_idx ON child_work (county_code, institution_id, list_from)
  INCLUDE (list_until, kind, overdue_at, appointment_on);

ALTER TABLE child_work ENABLE ROW LEVEL SECURITY;
ALTER TABLE child_work FORCE ROW LEVEL SECURITY;
CREATE POLICY child_work_scope ON child_work USING (county_code = ANY (fuyou_scope_counties()))
  WITH CHECK (county_code = ANY (fuyou_scope_counties()));
GRANT SELECT, INSERT, UPDATE, DELETE ON child_work TO fuyou_app;

-- newborns born from a delivery without a child record (the list's "profile missing"): births of the last year
CREATE INDEX person_child_birth_idx ON person (county_code, birth_date) WHERE mother_id IS NOT NULL;

-- Backfill: the rows of every active child are computed by the server with core's functions (a job, in batches),
-- not re-implemented here in SQL. Queued when there are children (the migrating role is the owner, a superuser
-- here, and sees every county); the server's job runner takes it at start.
INSERT INTO job (id, kind, payload)
SELECT gen_random_uuid(), 'child.worklist.backfill', '{}'::jsonb
WHERE EXISTS (SELECT 1 FROM child_profile WHERE status = 'active');
