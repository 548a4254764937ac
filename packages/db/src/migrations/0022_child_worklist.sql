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
  kind            text      NOT NULL CHECK (kind IN ('profile_missing', 'checkup_due', 'hb_due', 'case_followup',
                    'case_proposed', 'referral_receipt', 'screening_step', 'exposure_duty')),
  item            text      NOT NULL,
  ref_id          uuid,
  institution_id  uuid,
  -- the child's township of residence (first 9 digits; the worklist's township filter)
  township        varchar(9),
  list_from       date      NOT NULL,
  list_until      date,
  due_on          date,
  -- China wall-clock time (the PMTCT birth doses are due within hours of birth)
  overdue_at      timestamp,
  appointment_on  date,
  what_zh         text      NOT NULL,
  what_en         text      NOT NULL,
  PRIMARY KEY (county_code, person_id, kind, item),
  -- the person, not the child record: a newborn without a record is on the list too (kind profile_missing)
  FOREIGN KEY (county_code, person_id) REFERENCES person (county_code, id) ON UPDATE CASCADE
);
-- the county's list: counts and the page's order read the index only (every column they use is in it)
CREATE INDEX child_work_county_idx ON child_work (county_code, list_from)
  INCLUDE (list_until, kind, overdue_at, appointment_on, institution_id, due_on, person_id, item);
-- one institution's list, one township's list
CREATE INDEX child_work_inst_idx ON child_work (county_code, institution_id, list_from)
  INCLUDE (list_until, kind, overdue_at, appointment_on, due_on, person_id, item);
CREATE INDEX child_work_township_idx ON child_work (county_code, township, list_from)
  INCLUDE (list_until, kind, overdue_at, appointment_on, institution_id, due_on, person_id, item);

ALTER TABLE child_work ENABLE ROW LEVEL SECURITY;
ALTER TABLE child_work FORCE ROW LEVEL SECURITY;
CREATE POLICY child_work_scope ON child_work USING (county_code = ANY (fuyou_scope_counties()))
  WITH CHECK (county_code = ANY (fuyou_scope_counties()));
GRANT SELECT, INSERT, UPDATE, DELETE ON child_work TO fuyou_app;

-- A newborn with a mother link and no child record (born from a delivery whose record was not opened, or
-- registered as a person only) is on the list for a year: written by the database whichever module inserts the
-- person, removed when the child record is opened (the child module then writes the child's rows). A death, from
-- whichever module records it, takes every row of the person off the list.
CREATE FUNCTION child_work_newborn() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.birth_date IS NOT NULL AND NEW.deceased_on IS NULL AND NOT EXISTS (
    SELECT 1 FROM child_profile c WHERE c.county_code = NEW.county_code AND c.person_id = NEW.id) THEN
    INSERT INTO child_work (county_code, person_id, kind, item, institution_id, township, list_from, list_until,
      due_on, overdue_at, what_zh, what_en)
    VALUES (NEW.county_code, NEW.id, 'profile_missing', '', NEW.created_institution_id,
      left(NEW.residence_region_code, 9), NEW.birth_date,
      NEW.birth_date + 366, NEW.birth_date + 7, (NEW.birth_date + 8)::timestamp, '新生儿未建儿童保健档案',
      'Newborn without a child-health record')
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER person_child_work_newborn AFTER INSERT ON person
  FOR EACH ROW WHEN (NEW.mother_id IS NOT NULL) EXECUTE FUNCTION child_work_newborn();

CREATE FUNCTION child_work_profile_opened() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM child_work WHERE county_code = NEW.county_code AND person_id = NEW.person_id
    AND kind = 'profile_missing';
  RETURN NULL;
END $$;
CREATE TRIGGER child_profile_work_opened AFTER INSERT ON child_profile
  FOR EACH ROW EXECUTE FUNCTION child_work_profile_opened();

CREATE FUNCTION child_work_died() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM child_work WHERE county_code = NEW.county_code AND person_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER person_child_work_died AFTER UPDATE OF deceased_on ON person
  FOR EACH ROW WHEN (NEW.deceased_on IS NOT NULL AND OLD.deceased_on IS NULL) EXECUTE FUNCTION child_work_died();

-- a change of residence (an edit, or a transfer with its county) moves the person's rows to the new township
CREATE FUNCTION child_work_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE child_work SET township = left(NEW.residence_region_code, 9)
  WHERE county_code IN (OLD.county_code, NEW.county_code) AND person_id = NEW.id
    AND township IS DISTINCT FROM left(NEW.residence_region_code, 9);
  RETURN NULL;
END $$;
CREATE TRIGGER person_child_work_moved AFTER UPDATE OF residence_region_code ON person
  FOR EACH ROW WHEN (NEW.residence_region_code IS DISTINCT FROM OLD.residence_region_code)
  EXECUTE FUNCTION child_work_moved();

-- a birth date or time corrected on the person (the people module) moves the child's whole schedule: the child
-- module recomputes the rows in a job (core's functions are not re-implemented here)
CREATE FUNCTION child_work_birth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM child_profile c WHERE c.county_code = NEW.county_code AND c.person_id = NEW.id) THEN
    INSERT INTO job (id, kind, payload) VALUES (gen_random_uuid(), 'child.worklist.refresh',
      jsonb_build_object('countyCode', NEW.county_code, 'personId', NEW.id));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER person_child_work_birth AFTER UPDATE OF birth_date, birth_time ON person
  FOR EACH ROW WHEN (NEW.birth_date IS DISTINCT FROM OLD.birth_date OR NEW.birth_time IS DISTINCT FROM OLD.birth_time)
  EXECUTE FUNCTION child_work_birth_changed();

-- the newborns without a record today (the rows of the children with a record come from the job below)
INSERT INTO child_work (county_code, person_id, kind, item, institution_id, township, list_from, list_until, due_on,
  overdue_at, what_zh, what_en)
SELECT p.county_code, p.id, 'profile_missing', '', p.created_institution_id, left(p.residence_region_code, 9),
  p.birth_date, p.birth_date + 366,
  p.birth_date + 7, (p.birth_date + 8)::timestamp, '新生儿未建儿童保健档案', 'Newborn without a child-health record'
FROM person p
WHERE p.mother_id IS NOT NULL AND p.birth_date >= current_date - 366 AND p.deceased_on IS NULL
  AND NOT EXISTS (SELECT 1 FROM child_profile c WHERE c.county_code = p.county_code AND c.person_id = p.id);

-- Backfill: the rows of every active child are computed by the server with core's functions (a job, in batches),
-- not re-implemented here in SQL. Queued when there are children (the migrating role is the owner, a superuser
-- here, and sees every county); the server's job runner takes it at start.
INSERT INTO job (id, kind, payload)
SELECT gen_random_uuid(), 'child.worklist.backfill', '{}'::jsonb
WHERE EXISTS (SELECT 1 FROM child_profile WHERE status = 'active');
