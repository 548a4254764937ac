-- Perinatal death review (issue #3 §9, issue #4 §7): the review of a stillbirth or fetal death at ≥28 weeks
-- recorded at delivery. Such a baby never enters the person index and has no under-5 death card (child_death
-- needs a child and an ICD-10 cause, and feeds the infant-death indicators), so its review hangs on the birth
-- outcome itself. One review per birth outcome (the committee level says which panel concluded it), with the
-- conclusion and the 12-cell grid of contributing factors as the child and maternal death reviews, and a version
-- for optimistic concurrency. "Pending" is not stored: a perinatal stillbirth without a row here is pending.
-- PostgreSQL 15 SQL.

CREATE TABLE perinatal_death_review (
  county_code           char(6)     NOT NULL,
  birth_outcome_id      uuid        NOT NULL,
  level                 text        NOT NULL CHECK (level IN ('county', 'city', 'province')),
  reviewed_on           date        NOT NULL,
  conclusion            text        NOT NULL CHECK (conclusion IN ('avoidable', 'conditionally_avoidable', 'unavoidable')),
  factors               jsonb       NOT NULL DEFAULT '{}',
  actions               text,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  updated_at            timestamptz NOT NULL DEFAULT now(),
  updated_by            uuid,
  PRIMARY KEY (county_code, birth_outcome_id),
  FOREIGN KEY (county_code, birth_outcome_id) REFERENCES birth_outcome (county_code, id) ON UPDATE CASCADE
);

ALTER TABLE perinatal_death_review ENABLE ROW LEVEL SECURITY;
ALTER TABLE perinatal_death_review FORCE ROW LEVEL SECURITY;
CREATE POLICY perinatal_death_review_scope ON perinatal_death_review
  USING (county_code = ANY (fuyou_scope_counties()))
  WITH CHECK (county_code = ANY (fuyou_scope_counties()));
GRANT SELECT, INSERT, UPDATE ON perinatal_death_review TO fuyou_app;
