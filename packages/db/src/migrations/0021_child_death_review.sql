-- Neonatal, perinatal and under-5 death review (issue #4 §7): reviews by county, city and province panels of a
-- submitted under-5 death card, with the conclusion (avoidable / avoidable if conditions are created / unavoidable)
-- and the contributing factors in the 12-cell grid (stage × aspect), as the maternal death review.
CREATE TABLE child_death_review (
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
  FOREIGN KEY (county_code, death_id) REFERENCES child_death (county_code, id) ON UPDATE CASCADE
);

ALTER TABLE child_death_review ENABLE ROW LEVEL SECURITY;
ALTER TABLE child_death_review FORCE ROW LEVEL SECURITY;
CREATE POLICY child_death_review_scope ON child_death_review
  USING (county_code = ANY (fuyou_scope_counties()))
  WITH CHECK (county_code = ANY (fuyou_scope_counties()));
GRANT SELECT, INSERT, UPDATE ON child_death_review TO fuyou_app;
