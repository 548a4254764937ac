-- Maternal worklist (issue #3 performance goal: the worklist of a county with 10,000 open pregnancies under
-- 100 ms at p95). A contact whose window closed without a visit since she was in care is stored at each write
-- (missed_contact, missed_end), so "overdue" is read from indexed columns, never computed per woman.
ALTER TABLE pregnancy ADD COLUMN missed_contact text;
ALTER TABLE pregnancy ADD COLUMN missed_end date;
CREATE INDEX pregnancy_open_due_end_idx ON pregnancy (county_code, next_due_end) WHERE status <> 'closed';
CREATE INDEX pregnancy_missed_idx ON pregnancy (county_code, missed_end)
  WHERE status <> 'closed' AND missed_end IS NOT NULL;
CREATE INDEX high_risk_case_followup_idx ON high_risk_case (county_code, next_follow_up_due) WHERE status = 'open';
