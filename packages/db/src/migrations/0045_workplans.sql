-- Work plans (issue #6 §8, seed G6): a region's plan (工作要点, 实施方案) as tasks with responsible units (institutions,
-- or departments as the document names them), deadlines, measurable targets (a catalogue indicator computed live,
-- or a count reported by the units) and progress updates with evidence (text, a link, an attached file).
-- Region-level data about the service system, no person data: no row-level security; the server checks who may
-- read (the plan's region within the user's scope) and write (sysadmin and commission users; progress also the
-- supervisors of a responsible institution), and audits every write. PostgreSQL 15 SQL.

CREATE TABLE work_plan (
  id            uuid        PRIMARY KEY,
  region_code   varchar(12) NOT NULL REFERENCES region (code),
  year          smallint    NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title         text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  issuer        text,
  document_no   text,
  issued_on     date,
  source        text,
  summary       text,
  status        text        NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'active', 'closed')),
  preloaded     boolean     NOT NULL DEFAULT false,
  version       integer     NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  created_by    uuid,
  updated_by    uuid
);
CREATE INDEX work_plan_region_idx ON work_plan (region_code, year);

CREATE TABLE work_plan_task (
  id              uuid        PRIMARY KEY,
  plan_id         uuid        NOT NULL REFERENCES work_plan (id) ON DELETE CASCADE,
  seq             integer     NOT NULL CHECK (seq >= 1),
  section         text,
  code            text,
  title           text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description     text,
  deadline        date,
  deadline_note   text,
  -- indicator: a catalogue indicator computed live for the plan's region and period; count: reported by the units
  target_kind     text        NOT NULL DEFAULT 'none' CHECK (target_kind IN ('none', 'indicator', 'count')),
  indicator_id    text,
  indicator_period text,
  -- each_county: the target applies to every county of the region separately (e.g. caesarean rate 以县区为单位)
  target_scope    text        NOT NULL DEFAULT 'region' CHECK (target_scope IN ('region', 'each_county')),
  comparator      text        CHECK (comparator IN ('>=', '>', '<=', '<', 'no_avoidable_maternal_death')),
  target_value    numeric     CHECK (target_value >= 0),
  target_unit     text,
  current_value   numeric,
  status          text        NOT NULL DEFAULT 'not_started'
                    CHECK (status IN ('not_started', 'in_progress', 'done', 'cancelled')),
  progress_pct    smallint    NOT NULL DEFAULT 0 CHECK (progress_pct BETWEEN 0 AND 100),
  completed_on    date,
  version         integer     NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  created_by      uuid,
  updated_by      uuid,
  UNIQUE (plan_id, seq),
  CHECK (target_kind <> 'indicator' OR (indicator_id IS NOT NULL AND comparator IS NOT NULL AND target_value IS NOT NULL)),
  CHECK (target_kind <> 'count' OR (comparator IS NOT NULL AND target_value IS NOT NULL)),
  CHECK (status <> 'done' OR completed_on IS NOT NULL)
);
CREATE INDEX work_plan_task_deadline_idx ON work_plan_task (deadline) WHERE status IN ('not_started', 'in_progress');

CREATE TABLE work_plan_task_unit (
  task_id         uuid        NOT NULL REFERENCES work_plan_task (id) ON DELETE CASCADE,
  seq             smallint    NOT NULL CHECK (seq >= 1),
  institution_id  uuid        REFERENCES institution (id),
  name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  lead            boolean     NOT NULL DEFAULT false,
  PRIMARY KEY (task_id, seq)
);
CREATE INDEX work_plan_task_unit_inst_idx ON work_plan_task_unit (institution_id);
CREATE INDEX work_plan_task_unit_name_idx ON work_plan_task_unit (name);

CREATE TABLE work_plan_progress (
  id              uuid        PRIMARY KEY,
  task_id         uuid        NOT NULL REFERENCES work_plan_task (id) ON DELETE CASCADE,
  reported_on     date        NOT NULL,
  unit_name       text,
  institution_id  uuid        REFERENCES institution (id),
  note            text        NOT NULL CHECK (length(note) BETWEEN 1 AND 4000),
  progress_pct    smallint    CHECK (progress_pct BETWEEN 0 AND 100),
  count_value     numeric     CHECK (count_value >= 0),
  status_after    text        CHECK (status_after IN ('not_started', 'in_progress', 'done', 'cancelled')),
  evidence_link   text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  created_by      uuid,
  created_by_name text
);
CREATE INDEX work_plan_progress_task_idx ON work_plan_progress (task_id, reported_on);

CREATE TABLE work_plan_attachment (
  id              uuid        PRIMARY KEY,
  progress_id     uuid        NOT NULL REFERENCES work_plan_progress (id) ON DELETE CASCADE,
  filename        text        NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
  content_type    text        NOT NULL,
  size_bytes      integer     NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
  sha256          text        NOT NULL,
  content         bytea       NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX work_plan_attachment_progress_idx ON work_plan_attachment (progress_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON work_plan, work_plan_task, work_plan_task_unit, work_plan_progress,
  work_plan_attachment TO fuyou_app;
