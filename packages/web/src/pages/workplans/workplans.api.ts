/** The work-plan API as the pages use it (types mirror the server's DTOs). */
import type { TargetComparator, TargetEvaluation, WorkTaskStatus, WorkTaskTiming } from '@fuyou/core';
import { api, buildUrl, request } from '../../api/client';

/** Task counts of a plan or unit. */
export interface TaskCounts {
  total: number;
  done: number;
  overdue: number;
  dueSoon: number;
  cancelled: number;
  open: number;
}

/** A plan. */
export interface WorkPlan {
  id: string;
  regionCode: string;
  regionName: string | null;
  year: number;
  title: string;
  issuer: string | null;
  documentNo: string | null;
  issuedOn: string | null;
  source: string | null;
  summary: string | null;
  status: 'draft' | 'active' | 'closed';
  preloaded: boolean;
  counts: TaskCounts;
  canEdit: boolean;
  rowVersion: number;
  updatedAt: string;
}

/** The live value of a task's indicator. */
export interface LiveValue {
  status: 'ok' | 'no_data' | 'unavailable' | 'out_of_scope';
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unit: string | null;
  period: { key: string; labelZh: string; labelEn: string } | null;
  dataAsOf: string | null;
  byCounty: { countyCode: string; countyName: string | null; value: number | null; evaluation: TargetEvaluation }[];
  messageZh: string | null;
  messageEn: string | null;
}

/** A responsible unit. */
export interface TaskUnit {
  seq: number;
  name: string;
  institutionId: string | null;
  institutionName: string | null;
  lead: boolean;
}

/** A task. */
export interface WorkTask {
  id: string;
  planId: string;
  seq: number;
  section: string | null;
  code: string | null;
  title: string;
  description: string | null;
  deadline: string | null;
  deadlineNote: string | null;
  targetKind: 'none' | 'indicator' | 'count';
  indicatorId: string | null;
  indicatorNameZh: string | null;
  indicatorNameEn: string | null;
  indicatorUnit: string | null;
  indicatorPeriod: string | null;
  targetScope: 'region' | 'each_county';
  comparator: TargetComparator | null;
  targetValue: number | null;
  targetUnit: string | null;
  currentValue: number | null;
  status: WorkTaskStatus;
  progressPct: number;
  completedOn: string | null;
  timing: WorkTaskTiming;
  daysOverdue: number;
  evaluation: TargetEvaluation | null;
  live: LiveValue | null;
  units: TaskUnit[];
  progressCount: number;
  lastProgress: { reportedOn: string; note: string; unitName: string | null } | null;
  canReport: boolean;
  rowVersion: number;
  planTitle?: string;
}

/** A progress report. */
export interface ProgressReport {
  id: string;
  reportedOn: string;
  unitName: string | null;
  institutionId: string | null;
  institutionName: string | null;
  note: string;
  progressPct: number | null;
  countValue: number | null;
  statusAfter: WorkTaskStatus | null;
  evidenceLink: string | null;
  createdAt: string;
  createdByName: string | null;
  attachments: { id: string; filename: string; contentType: string; sizeBytes: number; sha256: string }[];
}

/** A group of the per-unit view. */
export interface UnitGroup {
  key: string;
  name: string;
  institutionId: string | null;
  institutionName: string | null;
  tasks: (WorkTask & { lead: boolean })[];
  counts: TaskCounts;
  leadCount: number;
}

/** Input of a task. */
export interface TaskInput {
  id?: string;
  section?: string;
  code?: string;
  title: string;
  description?: string;
  deadline?: string | null;
  deadlineNote?: string;
  targetKind: 'none' | 'indicator' | 'count';
  indicatorId?: string | null;
  indicatorPeriod?: string | null;
  targetScope?: 'region' | 'each_county';
  comparator?: string | null;
  targetValue?: number | null;
  targetUnit?: string;
  units: { name: string; institutionId?: string | null; lead?: boolean }[];
}

export const workPlansApi = {
  list: (q: { regionCode?: string; year?: number; status?: string } = {}) => api.get<WorkPlan[]>('/work-plans', q),
  myTasks: () => api.get<WorkTask[]>('/work-plans/my-tasks'),
  get: (id: string, evalYear?: number) =>
    api.get<{ plan: WorkPlan; tasks: WorkTask[]; evalYear: number }>(`/work-plans/${id}`, { evalYear }),
  units: (id: string) => api.get<UnitGroup[]>(`/work-plans/${id}/units`),
  exportUrl: (id: string, evalYear?: number) => buildUrl(`/work-plans/${id}/tasks.xlsx`, { evalYear }),
  create: (body: {
    id: string;
    regionCode: string;
    year: number;
    title: string;
    issuer?: string;
    documentNo?: string;
    summary?: string;
  }) => api.post<WorkPlan>('/work-plans', body),
  update: (id: string, body: Record<string, unknown> & { rowVersion: number }) =>
    api.patch<WorkPlan>(`/work-plans/${id}`, body),
  remove: (id: string, rowVersion: number) =>
    request<{ deleted: true }>('DELETE', `/work-plans/${id}?rowVersion=${rowVersion}`),
  addTask: (planId: string, body: TaskInput) => api.post<WorkTask>(`/work-plans/${planId}/tasks`, body),
  updateTask: (taskId: string, body: Partial<TaskInput> & { status?: string; rowVersion: number }) =>
    api.patch<WorkTask>(`/work-plan-tasks/${taskId}`, body),
  removeTask: (taskId: string, rowVersion: number) =>
    request<{ deleted: true }>('DELETE', `/work-plan-tasks/${taskId}?rowVersion=${rowVersion}`),
  progress: (taskId: string) => api.get<ProgressReport[]>(`/work-plan-tasks/${taskId}/progress`),
  report: (
    taskId: string,
    body: {
      id: string;
      reportedOn: string;
      note: string;
      progressPct?: number;
      countValue?: number;
      statusAfter?: string;
      evidenceLink?: string;
      attachment?: { filename: string; contentType: string; contentBase64: string };
    },
  ) => api.post<{ progressId: string; task: WorkTask }>(`/work-plan-tasks/${taskId}/progress`, body),
  attachmentUrl: (id: string) => buildUrl(`/work-plan-attachments/${id}`),
};
