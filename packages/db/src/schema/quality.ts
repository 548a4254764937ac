import type { ColumnType } from 'kysely';
import type { Json } from './child';
import type { DateString, Timestamp } from './platform';

type Version = ColumnType<number, number | undefined, number>;
type Num = ColumnType<number | null, number | null | undefined, number | null>;

/** A region's override of the data-quality configuration (0044). */
export interface QualityConfigTable {
  region_code: string;
  config: Json;
  note: string | null;
  version: Version;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** One data-quality run of a county (0044). */
export interface QualityRunTable {
  county_code: string;
  id: string;
  trigger: 'manual' | 'nightly';
  status: ColumnType<'queued' | 'running' | 'done' | 'failed', 'queued' | 'running' | 'done' | 'failed' | undefined>;
  is_current: ColumnType<boolean, boolean | undefined, boolean>;
  window_from: DateString;
  window_to: DateString;
  as_of: DateString;
  config: Json;
  config_version: string;
  rule_ids: string[];
  requested_by: string | null;
  requested_by_name: string | null;
  job_id: string | null;
  created_at: Timestamp;
  started_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  duration_ms: number | null;
  checks: Num;
  failed_checks: Num;
  weighted_checks: Num;
  weighted_failed: Num;
  score: Num;
  problem_count: number | null;
  records_with_problems: number | null;
  new_problems: number | null;
  resolved_problems: number | null;
  error: string | null;
}

/** Tallies of a run per rule and institution ('*': the institution's totals) (0044). */
export interface QualityRunStatTable {
  county_code: string;
  run_id: string;
  rule_id: string;
  institution_key: string;
  checked: number;
  failed: number;
  weighted_checked: number;
  weighted_failed: number;
}

/** A record breaking a rule in the county's current run (0044). */
export interface QualityProblemTable {
  county_code: string;
  run_id: string;
  rule_id: string;
  record_type: string;
  record_id: string;
  person_id: string | null;
  context_id: string | null;
  institution_id: string | null;
  service_date: DateString | null;
  detail: Json;
  first_seen_run_id: string;
  first_seen_at: Timestamp;
}

type WorkTaskStatusColumn = 'not_started' | 'in_progress' | 'done' | 'cancelled';

/** A work plan (工作要点/实施方案) of a region (0045). */
export interface WorkPlanTable {
  id: string;
  region_code: string;
  year: number;
  title: string;
  issuer: string | null;
  document_no: string | null;
  issued_on: DateString | null;
  source: string | null;
  summary: string | null;
  status: ColumnType<'draft' | 'active' | 'closed', 'draft' | 'active' | 'closed' | undefined>;
  preloaded: ColumnType<boolean, boolean | undefined, boolean>;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
}

/** A task of a work plan, with its deadline and measurable target (0045). */
export interface WorkPlanTaskTable {
  id: string;
  plan_id: string;
  seq: number;
  section: string | null;
  code: string | null;
  title: string;
  description: string | null;
  deadline: DateString | null;
  deadline_note: string | null;
  target_kind: ColumnType<'none' | 'indicator' | 'count', 'none' | 'indicator' | 'count' | undefined>;
  indicator_id: string | null;
  indicator_period: string | null;
  target_scope: ColumnType<'region' | 'each_county', 'region' | 'each_county' | undefined>;
  comparator: '>=' | '>' | '<=' | '<' | 'no_avoidable_maternal_death' | null;
  target_value: Num;
  target_unit: string | null;
  current_value: Num;
  status: ColumnType<WorkTaskStatusColumn, WorkTaskStatusColumn | undefined>;
  progress_pct: ColumnType<number, number | undefined, number>;
  completed_on: DateString | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
}

/** A responsible unit of a task (an institution, or a department named in the document) (0045). */
export interface WorkPlanTaskUnitTable {
  task_id: string;
  seq: number;
  institution_id: string | null;
  name: string;
  lead: ColumnType<boolean, boolean | undefined, boolean>;
}

/** A progress update of a task with its evidence (0045). */
export interface WorkPlanProgressTable {
  id: string;
  task_id: string;
  reported_on: DateString;
  unit_name: string | null;
  institution_id: string | null;
  note: string;
  progress_pct: number | null;
  count_value: Num;
  status_after: 'not_started' | 'in_progress' | 'done' | 'cancelled' | null;
  evidence_link: string | null;
  created_at: Timestamp;
  created_by: string | null;
  created_by_name: string | null;
}

/** A file attached to a progress update (0045). */
export interface WorkPlanAttachmentTable {
  id: string;
  progress_id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  created_at: Timestamp;
}

/** Tables of data-quality control and work plans (migrations 0044–0046). */
export interface QualityTables {
  quality_config: QualityConfigTable;
  quality_run: QualityRunTable;
  quality_run_stat: QualityRunStatTable;
  quality_problem: QualityProblemTable;
  work_plan: WorkPlanTable;
  work_plan_task: WorkPlanTaskTable;
  work_plan_task_unit: WorkPlanTaskUnitTable;
  work_plan_progress: WorkPlanProgressTable;
  work_plan_attachment: WorkPlanAttachmentTable;
}
