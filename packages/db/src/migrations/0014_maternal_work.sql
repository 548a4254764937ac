-- Maternal worklist as stored duties (issue #3 goal: the worklist of a county with 10,000 open pregnancies under
-- 100 ms at p95). Each open duty of an open pregnancy is one row of maternal_work, with the days it is on the list:
-- the list is then one index range (list_from ≤ today + horizon) giving the counts per kind and the page of each
-- kind in one pass, instead of 13 branches over the live tables planned at every request.
--
-- Every duty of the list is already a stored column of its record (the schedule fields of the pregnancy are
-- computed by the maternal module with core's schedule functions at every write), so a pregnancy's rows are a
-- projection of its records: the view maternal_work_due, written once, with exactly the conditions of the worklist
-- before this migration. The database keeps the rows: a trigger on every table a duty is read from recomputes the
-- pregnancy's rows in the writer's transaction, whichever service (or module, or transfer) writes it; a change of
-- residence moves the township. The bulk loader, which copies with triggers off, fills the rows from the same view
-- after its load. A row's days on the list are fixed when it is written, so the list stays right as days pass.
--
-- Conditions (t = today, u = t + horizon): a row is listed when list_from ≤ u, and list_from ≤ t when from_today
-- (the duties that start when a date has passed, such as an overdue contact), and list_until ≥ t when set.
-- '-infinity': listed from whenever it exists. Each row carries the pregnancy's columns the list shows (rewritten
-- with every write of the pregnancy), so the list reads one index and the women's names; the labels, the overdue
-- flag and the gestational age are derived from them at reading, as before.
CREATE TABLE maternal_work (
  county_code     char(6)     NOT NULL,
  pregnancy_id    uuid        NOT NULL,
  kind            text        NOT NULL CHECK (kind IN ('visit_due', 'visit_overdue', 'postpartum_due',
                    'postpartum_overdue', 'unassessed', 'screen_referral', 'report_due', 'case_followup',
                    'delivery_hospital', 'referral_not_received', 'referral_outcome', 'prenatal_followup',
                    'pmtct_action')),
  -- which duty of the kind: the report, case, referral or screening id; '' for a duty of the pregnancy itself
  item            text        NOT NULL,
  person_id       uuid        NOT NULL,
  -- the pregnancy's managing institution (the institution filter)
  institution_id  uuid,
  -- the woman's township of residence (first 9 digits; the township filter), kept by a trigger on person
  township        varchar(9),
  list_from       date        NOT NULL,
  from_today      boolean     NOT NULL DEFAULT false,
  list_until      date,
  -- the order of the kind's page (a date, or a report's deadline)
  sort_on         date,
  due_at          timestamptz,
  ref_id          uuid,
  -- the date the item shows (a follow-up's or referral's due date)
  day             date,
  -- a report's colour
  rep_colour      text,
  -- the pregnancy's columns the list shows (its labels, due dates and gestational age are derived from them)
  edd             date        NOT NULL,
  status          text        NOT NULL,
  risk_colour     text,
  risk_purple     boolean     NOT NULL,
  next_contact    text,
  next_due_on     date,
  next_due_end    date,
  missed_contact  text,
  missed_end      date,
  next_appointment date,
  registered_on   date        NOT NULL,
  PRIMARY KEY (county_code, pregnancy_id, kind, item),
  FOREIGN KEY (county_code, pregnancy_id) REFERENCES pregnancy (county_code, id) ON UPDATE CASCADE ON DELETE CASCADE
);
-- the county's list: the counts, each kind's page and what it shows are read from the index only (every column)
CREATE INDEX maternal_work_county_idx ON maternal_work (county_code, list_from)
  INCLUDE (from_today, list_until, kind, sort_on, due_at, pregnancy_id, item, institution_id, township, person_id,
    ref_id, day, rep_colour, edd, status, risk_colour, risk_purple, next_contact, next_due_on, next_due_end,
    missed_contact, missed_end, next_appointment, registered_on);
-- one institution's list, one township's list
CREATE INDEX maternal_work_inst_idx ON maternal_work (county_code, institution_id, list_from)
  INCLUDE (from_today, list_until, kind, sort_on, due_at, pregnancy_id, item, township, person_id,
    ref_id, day, rep_colour, edd, status, risk_colour, risk_purple, next_contact, next_due_on, next_due_end,
    missed_contact, missed_end, next_appointment, registered_on);
CREATE INDEX maternal_work_township_idx ON maternal_work (county_code, township, list_from)
  INCLUDE (from_today, list_until, kind, sort_on, due_at, pregnancy_id, item, institution_id, person_id,
    ref_id, day, rep_colour, edd, status, risk_colour, risk_purple, next_contact, next_due_on, next_due_end,
    missed_contact, missed_end, next_appointment, registered_on);

ALTER TABLE maternal_work ENABLE ROW LEVEL SECURITY;
ALTER TABLE maternal_work FORCE ROW LEVEL SECURITY;
CREATE POLICY maternal_work_scope ON maternal_work USING (county_code = ANY (fuyou_scope_counties()))
  WITH CHECK (county_code = ANY (fuyou_scope_counties()));
GRANT SELECT, INSERT, UPDATE, DELETE ON maternal_work TO fuyou_app;

-- The duties of every open pregnancy, computed from the live tables (the worklist's conditions before this
-- migration, one branch per kind). Read with the reader's row-level security (security_invoker).
CREATE VIEW maternal_work_due WITH (security_invoker = true) AS
  -- antenatal contact due: its window is open, or opens within the horizon
  SELECT g.county_code, g.id AS pregnancy_id, 'visit_due'::text AS kind, ''::text AS item, g.person_id,
    g.managing_institution_id AS institution_id, left(p.residence_region_code, 9)::varchar(9) AS township,
    g.next_due_on AS list_from, false AS from_today, g.next_due_end AS list_until, g.next_due_on AS sort_on,
    NULL::timestamptz AS due_at, NULL::uuid AS ref_id, NULL::date AS day, NULL::text AS rep_colour,
    g.edd, g.status, g.risk_colour, g.risk_purple, g.next_contact, g.next_due_on, g.next_due_end,
    g.missed_contact, g.missed_end, g.next_appointment, g.registered_on
  FROM pregnancy g JOIN person p ON p.county_code = g.county_code AND p.id = g.person_id
  WHERE g.status = 'antenatal' AND g.next_due_on IS NOT NULL AND g.next_due_end IS NOT NULL
UNION ALL
  -- antenatal contact overdue: a contact missed in care (always), the window closed (from the day after its end),
  -- or an appointment not kept (from the day after it, unless she came on or after it)
  SELECT g.county_code, g.id, 'visit_overdue', '', g.person_id, g.managing_institution_id,
    left(p.residence_region_code, 9), o.list_from, true, NULL, g.next_due_end, NULL, NULL, NULL, NULL,
    g.edd, g.status, g.risk_colour, g.risk_purple, g.next_contact, g.next_due_on, g.next_due_end,
    g.missed_contact, g.missed_end, g.next_appointment, g.registered_on
  FROM pregnancy g JOIN person p ON p.county_code = g.county_code AND p.id = g.person_id
  CROSS JOIN LATERAL (SELECT CASE WHEN g.missed_end IS NOT NULL THEN '-infinity'::date
    ELSE least(g.next_due_end + 1, CASE WHEN g.next_appointment IS NOT NULL
      AND (g.last_visit_on IS NULL OR g.last_visit_on < g.next_appointment) THEN g.next_appointment + 1 END)
    END AS list_from) o
  WHERE g.status = 'antenatal' AND o.list_from IS NOT NULL
UNION ALL
  SELECT g.county_code, g.id, 'postpartum_due', '', g.person_id, g.managing_institution_id,
    left(p.residence_region_code, 9), g.next_due_on, false, g.next_due_end, g.next_due_on, NULL, NULL, NULL, NULL,
    g.edd, g.status, g.risk_colour, g.risk_purple, g.next_contact, g.next_due_on, g.next_due_end,
    g.missed_contact, g.missed_end, g.next_appointment, g.registered_on
  FROM pregnancy g JOIN person p ON p.county_code = g.county_code AND p.id = g.person_id
  WHERE g.status = 'postpartum' AND g.next_due_on IS NOT NULL AND g.next_due_end IS NOT NULL
UNION ALL
  SELECT g.county_code, g.id, 'postpartum_overdue', '', g.person_id, g.managing_institution_id,
    left(p.residence_region_code, 9),
    CASE WHEN g.missed_end IS NOT NULL THEN '-infinity'::date ELSE g.next_due_end + 1 END, true, NULL,
    g.next_due_end, NULL, NULL, NULL, NULL,
    g.edd, g.status, g.risk_colour, g.risk_purple, g.next_contact, g.next_due_on, g.next_due_end,
    g.missed_contact, g.missed_end, g.next_appointment, g.registered_on
  FROM pregnancy g JOIN person p ON p.county_code = g.county_code AND p.id = g.person_id
  WHERE g.status = 'postpartum' AND (g.missed_end IS NOT NULL OR g.next_due_end IS NOT NULL)
UNION ALL
  SELECT g.county_code, g.id, 'unassessed', '', g.person_id, g.managing_institution_id,
    left(p.residence_region_code, 9), '-infinity'::date, false, NULL, g.registered_on, NULL, NULL, NULL, NULL,
    g.edd, g.status, g.risk_colour, g.risk_purple, g.next_contact, g.next_due_on, g.next_due_end,
    g.missed_contact, g.missed_end, g.next_appointment, g.registered_on
  FROM pregnancy g JOIN person p ON p.county_code = g.county_code AND p.id = g.person_id
  WHERE g.status = 'antenatal' AND g.risk_colour IS NULL
UNION ALL
  -- screen-positive at a primary institution, to be referred for assessment: listed from the day it arises
  SELECT g.county_code, g.id, 'screen_referral', '', g.person_id, g.managing_institution_id,
    left(p.residence_region_code, 9), '-infinity'::date, false, NULL, g.screen_referral_due, NULL, NULL,
    g.screen_referral_due, NULL,
    g.edd, g.status, g.risk_colour, g.risk_purple, g.next_contact, g.next_due_on, g.next_due_end,
    g.missed_contact, g.missed_end, g.next_appointment, g.registered_on
  FROM pregnancy g JOIN person p ON p.county_code = g.county_code AND p.id = g.person_id
  WHERE g.status = 'antenatal' AND g.screen_referral_due IS NOT NULL
UNION ALL
  -- high-risk reports of open cases waiting for the supervisor's acknowledgement
  SELECT g.county_code, g.id, 'report_due', r.id::text, g.person_id, g.managing_institution_id,
    left(p.residence_region_code, 9), '-infinity'::date, false, NULL, NULL, r.due_at, r.id, NULL, r.colour,
    g.edd, g.status, g.risk_colour, g.risk_purple, g.next_contact, g.next_due_on, g.next_due_end,
    g.missed_contact, g.missed_end, g.next_appointment, g.registered_on
  FROM pregnancy g JOIN person p ON p.county_code = g.county_code AND p.id = g.person_id
  JOIN high_risk_case c ON c.county_code = g.county_code AND c.pregnancy_id = g.id
  JOIN high_risk_report r ON r.county_code = c.county_code AND r.case_id = c.id
  WHERE g.status <> 'closed' AND c.status = 'open' AND r.acknowledged_at IS NULL
UNION ALL
  SELECT g.county_code, g.id, 'case_followup', c.id::text, g.person_id, g.managing_institution_id,
    left(p.residence_region_code, 9), c.next_follow_up_due, false, NULL, c.next_follow_up_due, NULL, c.id,
    c.next_follow_up_due, NULL,
    g.edd, g.status, g.risk_colour, g.risk_purple, g.next_contact, g.next_due_on, g.next_due_end,
    g.missed_contact, g.missed_end, g.next_appointment, g.registered_on
  FROM pregnancy g JOIN person p ON p.county_code = g.county_code AND p.id = g.person_id
  JOIN high_risk_case c ON c.county_code = g.county_code AND c.pregnancy_id = g.id
  WHERE g.status <> 'closed' AND c.status = 'open' AND c.next_follow_up_due IS NOT NULL
UNION ALL
  -- open cases of antenatal women without a delivery hospital, from 28+0 weeks (edd − 84 days: core's
  -- NATIONAL_HIGH_RISK_DUTIES_2017.deliveryHospitalWindow.from; a test checks the two agree)
  SELECT g.county_code, g.id, 'delivery_hospital', c.id::text, g.person_id, g.managing_institution_id,
    left(p.residence_region_code, 9), g.edd - 84, false, NULL, g.edd, NULL, c.id, NULL, NULL,
    g.edd, g.status, g.risk_colour, g.risk_purple, g.next_contact, g.next_due_on, g.next_due_end,
    g.missed_contact, g.missed_end, g.next_appointment, g.registered_on
  FROM pregnancy g JOIN person p ON p.county_code = g.county_code AND p.id = g.person_id
  JOIN high_risk_case c ON c.county_code = g.county_code AND c.pregnancy_id = g.id
  WHERE g.status = 'antenatal' AND c.status = 'open' AND c.delivery_hospital_id IS NULL
UNION ALL
  -- referrals not received in time (from the day after the receipt was due)
  SELECT g.county_code, g.id, 'referral_not_received', m.id::text, g.person_id, g.managing_institution_id,
    left(p.residence_region_code, 9), m.receive_due + 1, true, NULL, m.receive_due, NULL, m.id, m.receive_due, NULL,
    g.edd, g.status, g.risk_colour, g.risk_purple, g.next_contact, g.next_due_on, g.next_due_end,
    g.missed_contact, g.missed_end, g.next_appointment, g.registered_on
  FROM pregnancy g JOIN person p ON p.county_code = g.county_code AND p.id = g.person_id
  JOIN maternal_referral m ON m.county_code = g.county_code AND m.pregnancy_id = g.id
  WHERE g.status <> 'closed' AND m.status = 'sent'
UNION ALL
  -- received, the result not returned in time (from the day after it was due, until it returns)
  SELECT g.county_code, g.id, 'referral_outcome', m.id::text, g.person_id, g.managing_institution_id,
    left(p.residence_region_code, 9), m.outcome_due + 1, true, NULL, m.outcome_due, NULL, m.id, m.outcome_due, NULL,
    g.edd, g.status, g.risk_colour, g.risk_purple, g.next_contact, g.next_due_on, g.next_due_end,
    g.missed_contact, g.missed_end, g.next_appointment, g.registered_on
  FROM pregnancy g JOIN person p ON p.county_code = g.county_code AND p.id = g.person_id
  JOIN maternal_referral m ON m.county_code = g.county_code AND m.pregnancy_id = g.id
  WHERE g.status <> 'closed' AND m.status = 'received'
UNION ALL
  SELECT g.county_code, g.id, 'prenatal_followup', s.id::text, g.person_id, g.managing_institution_id,
    left(p.residence_region_code, 9), s.follow_up_due, false, NULL, s.follow_up_due, NULL, s.id, s.follow_up_due,
    NULL,
    g.edd, g.status, g.risk_colour, g.risk_purple, g.next_contact, g.next_due_on, g.next_due_end,
    g.missed_contact, g.missed_end, g.next_appointment, g.registered_on
  FROM pregnancy g JOIN person p ON p.county_code = g.county_code AND p.id = g.person_id
  JOIN prenatal_screening s ON s.county_code = g.county_code AND s.pregnancy_id = g.id
  WHERE g.status <> 'closed' AND s.follow_up = 'open' AND s.follow_up_due IS NOT NULL
UNION ALL
  -- PMTCT actions (the worklist lists them to users with the pmtct permission only)
  SELECT g.county_code, g.id, 'pmtct_action', '', g.person_id, g.managing_institution_id,
    left(p.residence_region_code, 9), x.next_action_due, false, NULL, x.next_action_due, NULL, NULL,
    x.next_action_due, NULL,
    g.edd, g.status, g.risk_colour, g.risk_purple, g.next_contact, g.next_due_on, g.next_due_end,
    g.missed_contact, g.missed_end, g.next_appointment, g.registered_on
  FROM pregnancy g JOIN person p ON p.county_code = g.county_code AND p.id = g.person_id
  JOIN pmtct_record x ON x.county_code = g.county_code AND x.pregnancy_id = g.id
  WHERE g.status <> 'closed' AND NOT x.closed AND x.next_action_due IS NOT NULL;
GRANT SELECT ON maternal_work_due TO fuyou_app;

-- One pregnancy's rows recomputed (p_old_county: the county it was in before, when a transfer moves it; its
-- rows there are removed too, so the cascade of the transfer and the recomputation never meet).
CREATE FUNCTION maternal_work_refresh(p_county char(6), p_pregnancy uuid, p_old_county char(6) DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM maternal_work WHERE county_code IN (p_county, coalesce(p_old_county, p_county))
    AND pregnancy_id = p_pregnancy;
  INSERT INTO maternal_work (county_code, pregnancy_id, kind, item, person_id, institution_id, township,
    list_from, from_today, list_until, sort_on, due_at, ref_id, day, rep_colour, edd, status, risk_colour, risk_purple,
    next_contact, next_due_on, next_due_end, missed_contact, missed_end, next_appointment, registered_on)
  SELECT county_code, pregnancy_id, kind, item, person_id, institution_id, township,
    list_from, from_today, list_until, sort_on, due_at, ref_id, day, rep_colour, edd, status, risk_colour, risk_purple,
    next_contact, next_due_on, next_due_end, missed_contact, missed_end, next_appointment, registered_on
  FROM maternal_work_due WHERE county_code = p_county AND pregnancy_id = p_pregnancy;
END $$;

-- the pregnancy itself (registration, visits, assessments, delivery, postpartum, end, transfer)
CREATE FUNCTION maternal_work_pregnancy_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM maternal_work_refresh(NEW.county_code, NEW.id);
  ELSE
    PERFORM maternal_work_refresh(NEW.county_code, NEW.id, OLD.county_code);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER pregnancy_maternal_work AFTER INSERT OR UPDATE ON pregnancy
  FOR EACH ROW EXECUTE FUNCTION maternal_work_pregnancy_changed();

-- the records of a pregnancy a duty is read from (cases, referrals, prenatal screening, PMTCT)
CREATE FUNCTION maternal_work_record_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM maternal_work_refresh(NEW.county_code, NEW.pregnancy_id);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM maternal_work_refresh(OLD.county_code, OLD.pregnancy_id);
  ELSE
    IF NEW.pregnancy_id IS DISTINCT FROM OLD.pregnancy_id THEN
      PERFORM maternal_work_refresh(OLD.county_code, OLD.pregnancy_id);
    END IF;
    PERFORM maternal_work_refresh(NEW.county_code, NEW.pregnancy_id, OLD.county_code);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER high_risk_case_maternal_work AFTER INSERT OR UPDATE OR DELETE ON high_risk_case
  FOR EACH ROW EXECUTE FUNCTION maternal_work_record_changed();
CREATE TRIGGER maternal_referral_maternal_work AFTER INSERT OR UPDATE OR DELETE ON maternal_referral
  FOR EACH ROW EXECUTE FUNCTION maternal_work_record_changed();
CREATE TRIGGER prenatal_screening_maternal_work AFTER INSERT OR UPDATE OR DELETE ON prenatal_screening
  FOR EACH ROW EXECUTE FUNCTION maternal_work_record_changed();
CREATE TRIGGER pmtct_record_maternal_work AFTER INSERT OR UPDATE OR DELETE ON pmtct_record
  FOR EACH ROW EXECUTE FUNCTION maternal_work_record_changed();

-- a high-risk report (issued, acknowledged) is read through its case
CREATE FUNCTION maternal_work_report_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_county char(6);
  v_pregnancy uuid;
BEGIN
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND NEW.case_id IS DISTINCT FROM OLD.case_id) THEN
    SELECT c.county_code, c.pregnancy_id INTO v_county, v_pregnancy FROM high_risk_case c
      WHERE c.county_code = OLD.county_code AND c.id = OLD.case_id;
    IF FOUND THEN PERFORM maternal_work_refresh(v_county, v_pregnancy); END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    SELECT c.county_code, c.pregnancy_id INTO v_county, v_pregnancy FROM high_risk_case c
      WHERE c.county_code = NEW.county_code AND c.id = NEW.case_id;
    IF FOUND THEN
      PERFORM maternal_work_refresh(v_county, v_pregnancy, CASE WHEN TG_OP = 'UPDATE' THEN OLD.county_code END);
    END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER high_risk_report_maternal_work AFTER INSERT OR UPDATE OR DELETE ON high_risk_report
  FOR EACH ROW EXECUTE FUNCTION maternal_work_report_changed();

-- a change of residence (an edit, or a transfer) moves the woman's rows to her new township
CREATE FUNCTION maternal_work_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE maternal_work w SET township = left(NEW.residence_region_code, 9)
  FROM pregnancy g
  WHERE g.county_code IN (OLD.county_code, NEW.county_code) AND g.person_id = NEW.id
    AND w.county_code = g.county_code AND w.pregnancy_id = g.id
    AND w.township IS DISTINCT FROM left(NEW.residence_region_code, 9);
  RETURN NULL;
END $$;
CREATE TRIGGER person_maternal_work_moved AFTER UPDATE OF residence_region_code ON person
  FOR EACH ROW WHEN (NEW.residence_region_code IS DISTINCT FROM OLD.residence_region_code)
  EXECUTE FUNCTION maternal_work_moved();

-- The rows of whole counties recomputed (the backfill below; the bulk loader after a copy, which skips triggers).
CREATE FUNCTION maternal_work_fill(p_counties char(6)[]) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  n bigint;
BEGIN
  DELETE FROM maternal_work WHERE county_code = ANY (p_counties);
  INSERT INTO maternal_work (county_code, pregnancy_id, kind, item, person_id, institution_id, township,
    list_from, from_today, list_until, sort_on, due_at, ref_id, day, rep_colour, edd, status, risk_colour, risk_purple,
    next_contact, next_due_on, next_due_end, missed_contact, missed_end, next_appointment, registered_on)
  SELECT county_code, pregnancy_id, kind, item, person_id, institution_id, township,
    list_from, from_today, list_until, sort_on, due_at, ref_id, day, rep_colour, edd, status, risk_colour, risk_purple,
    next_contact, next_due_on, next_due_end, missed_contact, missed_end, next_appointment, registered_on
  FROM maternal_work_due WHERE county_code = ANY (p_counties);
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;

-- Backfill: the rows of every open pregnancy today (the migrating role is the owner and sees every county)
SELECT maternal_work_fill(ARRAY(SELECT DISTINCT county_code FROM pregnancy WHERE status <> 'closed'));
