-- Indicators (issue #6), part: accountability for lagging units (约谈通报, M7 G2). Notices (通报) issued by a
-- region's health administration naming the units that missed their targets in a period, with a snapshot of the
-- figures as issued (an issued document is not edited); summons (约谈) of a county or an institution with the
-- people who attended, and the follow-up actions agreed with their due dates and completion.
-- Summons and actions are keyed by the county of the summoned unit and scoped by row-level security, so a county
-- sees the summons of its own county and institutions only. Notices are region-level documents without person
-- data; the server shows a notice only to users whose jurisdiction covers its region.
-- PostgreSQL 15 SQL.

CREATE TABLE accountability_notice (
  id                    uuid        PRIMARY KEY,
  region_code           varchar(12) NOT NULL REFERENCES region (code),
  period_key            text        NOT NULL,
  period_from           date        NOT NULL,
  period_to             date        NOT NULL,
  unit_kind             text        NOT NULL CHECK (unit_kind IN ('county', 'institution')),
  basis                 text        NOT NULL CHECK (basis IN ('default', 'residence', 'hukou', 'facility')),
  title                 text        NOT NULL,
  doc_no                varchar(80),
  issued_on             date        NOT NULL,
  issuer_name           text        NOT NULL,
  body                  text        NOT NULL,
  -- the units and indicators named, as computed when the notice was issued
  units                 jsonb       NOT NULL,
  county_codes          char(6)[]   NOT NULL,
  data_as_of            timestamptz NOT NULL,
  created_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  CHECK (period_to >= period_from)
);
CREATE INDEX accountability_notice_region_idx ON accountability_notice (region_code, issued_on DESC);

CREATE TABLE accountability_summons (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  issuer_region_code    varchar(12) NOT NULL REFERENCES region (code),
  unit_kind             text        NOT NULL CHECK (unit_kind IN ('county', 'institution')),
  institution_id        uuid        REFERENCES institution (id),
  unit_name             text        NOT NULL,
  notice_id             uuid        REFERENCES accountability_notice (id),
  period_key            text,
  summoned_on           date        NOT NULL,
  reason                text        NOT NULL,
  indicator_ids         text[]      NOT NULL DEFAULT '{}',
  -- [{ name, position, side: 'issuer' | 'unit' }]
  attendees             jsonb       NOT NULL DEFAULT '[]',
  summary               text,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  CHECK ((unit_kind = 'institution') = (institution_id IS NOT NULL))
);
CREATE INDEX accountability_summons_date_idx ON accountability_summons (county_code, summoned_on DESC);
CREATE INDEX accountability_summons_issuer_idx ON accountability_summons (issuer_region_code, summoned_on DESC);

CREATE TABLE accountability_action (
  county_code           char(6)     NOT NULL,
  id                    uuid        NOT NULL,
  summons_id            uuid        NOT NULL,
  description           text        NOT NULL,
  responsible           text        NOT NULL,
  due_on                date        NOT NULL,
  completed_on          date,
  completion_note       text,
  completed_by          uuid,
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  created_by            uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, summons_id) REFERENCES accountability_summons (county_code, id) ON UPDATE CASCADE
);
CREATE INDEX accountability_action_summons_idx ON accountability_action (county_code, summons_id);
CREATE INDEX accountability_action_open_idx ON accountability_action (county_code, due_on) WHERE completed_on IS NULL;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['accountability_summons', 'accountability_action']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (county_code = ANY (fuyou_scope_counties())) '
      'WITH CHECK (county_code = ANY (fuyou_scope_counties()))', t || '_scope', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO fuyou_app', t);
  END LOOP;
END $$;

GRANT SELECT, INSERT ON accountability_notice TO fuyou_app;
