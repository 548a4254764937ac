-- Women's health (issue #5), part G: annual quantity targets of the funded programmes (G7) per county and year,
-- entered by the sysadmin or the health commission; completion is counted from the service records, never stored.
-- Also: the pregnancy and the date of death on birth-defect cards, and one open aid application per programme.

-- Targets are configuration about a region (like indicator_target), not people's data: no row-level security.
CREATE TABLE programme_target (
  region_code           varchar(12) NOT NULL REFERENCES region (code),
  year                  smallint    NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  programme_id          text        NOT NULL,
  target_count          integer     NOT NULL CHECK (target_count > 0),
  source                text        NOT NULL,
  note                  text,
  version               integer     NOT NULL DEFAULT 1,
  updated_at            timestamptz NOT NULL DEFAULT now(),
  updated_by            uuid,
  PRIMARY KEY (region_code, year, programme_id)
);
CREATE INDEX programme_target_year_idx ON programme_target (year, programme_id);
GRANT SELECT, INSERT, UPDATE, DELETE ON programme_target TO fuyou_app;

-- Completion counts by year of the women's tables that had no date index.
CREATE INDEX folic_acid_dispensing_date_idx ON folic_acid_dispensing (county_code, dispensed_on);
CREATE INDEX contraceptive_stock_issue_date_idx ON contraceptive_stock_movement (county_code, movement_date)
  WHERE kind = 'issue';

-- The pregnancy a card belongs to (from the delivery or the prenatal diagnosis), so that one baby is not reported
-- twice (once from the prenatal diagnosis, once from the delivery); the date of death for 7天内死亡.
ALTER TABLE birth_defect_report ADD COLUMN pregnancy_id uuid;
ALTER TABLE birth_defect_report ADD COLUMN death_date date;
ALTER TABLE birth_defect_report ADD CONSTRAINT birth_defect_report_death_ck
  CHECK (death_date IS NULL OR outcome = 'early_neonatal_death');
CREATE INDEX birth_defect_report_pregnancy_idx ON birth_defect_report (county_code, pregnancy_id)
  WHERE pregnancy_id IS NOT NULL;
CREATE INDEX birth_defect_report_prenatal_idx ON birth_defect_report (county_code, prenatal_diagnosis_id)
  WHERE prenatal_diagnosis_id IS NOT NULL;

-- A person has at most one open (submitted or approved) application per aid programme.
CREATE UNIQUE INDEX aid_application_open_uq ON aid_application (county_code, person_id, programme)
  WHERE status IN ('submitted', 'approved');
CREATE INDEX aid_application_report_idx ON aid_application (county_code, birth_defect_report_id)
  WHERE birth_defect_report_id IS NOT NULL;
