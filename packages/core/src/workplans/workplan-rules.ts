/**
 * Work plans (工作要点 / 实施方案, seed G6): a plan of a region is a list of tasks, each with responsible units, a
 * deadline and, where the document gives one, a measurable target (a catalogue indicator computed live, or a count
 * the units report). These are the rules the server and the pages share: when a task is overdue, what a progress
 * update does to a task, and whether its target is met.
 */
import { evaluateTarget, type TargetComparator, type TargetEvaluation } from '../indicators/index';

/** Status of a task. */
export type WorkTaskStatus = 'not_started' | 'in_progress' | 'done' | 'cancelled';

/** All task statuses. */
export const WORK_TASK_STATUSES: readonly WorkTaskStatus[] = ['not_started', 'in_progress', 'done', 'cancelled'];

/** zh-CN and en-US labels of each status. */
export const WORK_TASK_STATUS_LABELS: Readonly<Record<WorkTaskStatus, { zh: string; en: string }>> = {
  not_started: { zh: '未开始', en: 'Not started' },
  in_progress: { zh: '进行中', en: 'In progress' },
  done: { zh: '已完成', en: 'Done' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** Status of a plan. */
export type WorkPlanStatus = 'draft' | 'active' | 'closed';

/** zh-CN and en-US labels of each plan status. */
export const WORK_PLAN_STATUS_LABELS: Readonly<Record<WorkPlanStatus, { zh: string; en: string }>> = {
  draft: { zh: '草稿', en: 'Draft' },
  active: { zh: '执行中', en: 'Active' },
  closed: { zh: '已结束', en: 'Closed' },
};

/** What a task's target measures. */
export type WorkTargetKind = 'none' | 'indicator' | 'count';

/** Where a task stands against its deadline. */
export type WorkTaskTiming = 'overdue' | 'due_soon' | 'on_track' | 'no_deadline' | 'done' | 'done_late' | 'cancelled';

/** zh-CN and en-US labels of each timing. */
export const WORK_TASK_TIMING_LABELS: Readonly<Record<WorkTaskTiming, { zh: string; en: string }>> = {
  overdue: { zh: '已逾期', en: 'Overdue' },
  due_soon: { zh: '即将到期', en: 'Due soon' },
  on_track: { zh: '按期推进', en: 'On track' },
  no_deadline: { zh: '未定时限', en: 'No deadline' },
  done: { zh: '按期完成', en: 'Done on time' },
  done_late: { zh: '逾期完成', en: 'Done late' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** Days before the deadline from which an open task is "due soon" (display convention [L]). */
export const WORK_TASK_DUE_SOON_DAYS = 14;

function day(iso: string): number {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

/**
 * Where a task stands on `today` (China date): an open task (not started or in progress) is overdue once its
 * deadline has passed (the deadline day itself is still on time), due soon within `dueSoonDays` days of it; a done
 * task is done late when it was completed after its deadline.
 */
export function workTaskTiming(
  t: { status: WorkTaskStatus; deadline: string | null; completedOn: string | null },
  today: string,
  dueSoonDays = WORK_TASK_DUE_SOON_DAYS,
): WorkTaskTiming {
  if (t.status === 'cancelled') return 'cancelled';
  if (t.status === 'done') {
    if (t.deadline && t.completedOn && day(t.completedOn) > day(t.deadline)) return 'done_late';
    return 'done';
  }
  if (!t.deadline) return 'no_deadline';
  const left = day(t.deadline) - day(today);
  if (left < 0) return 'overdue';
  if (left <= dueSoonDays) return 'due_soon';
  return 'on_track';
}

/** Days a task is past its deadline on `today` (0 when not overdue). */
export function workTaskDaysOverdue(t: { status: WorkTaskStatus; deadline: string | null }, today: string): number {
  if (!t.deadline || t.status === 'done' || t.status === 'cancelled') return 0;
  return Math.max(0, day(today) - day(t.deadline));
}

/** A task's state as a progress update changes it. */
export interface WorkTaskProgressState {
  status: WorkTaskStatus;
  progressPct: number;
  currentValue: number | null;
  completedOn: string | null;
}

/** A progress update (what the reporting unit says). */
export interface WorkTaskProgressUpdate {
  reportedOn: string;
  progressPct?: number | null | undefined;
  countValue?: number | null | undefined;
  statusAfter?: WorkTaskStatus | null | undefined;
}

/**
 * The task after a progress update: the reported count becomes the current value; the reported percentage the
 * progress; a task not started moves to in progress with any update; `done` sets 100% and the completion date (the
 * report date); reopening a done task clears its completion date. The status never moves by itself to done: a unit
 * says so.
 */
export function applyWorkTaskProgress(cur: WorkTaskProgressState, u: WorkTaskProgressUpdate): WorkTaskProgressState {
  const next: WorkTaskProgressState = { ...cur };
  if (u.countValue !== undefined && u.countValue !== null) next.currentValue = u.countValue;
  if (u.progressPct !== undefined && u.progressPct !== null) next.progressPct = u.progressPct;
  const status = u.statusAfter ?? (cur.status === 'not_started' ? 'in_progress' : cur.status);
  next.status = status;
  if (status === 'done') {
    next.progressPct = 100;
    next.completedOn = cur.status === 'done' && cur.completedOn ? cur.completedOn : u.reportedOn;
  } else {
    next.completedOn = null;
  }
  return next;
}

/** A task's measurable target. */
export interface WorkTaskTarget {
  kind: WorkTargetKind;
  comparator: TargetComparator | null;
  value: number | null;
  indicatorId?: string | null;
}

/**
 * Whether a value meets a task's target (met / close / not_met / no_data), with the indicators' own evaluation
 * ({@link evaluateTarget}); a task without a target has none (null).
 */
export function evaluateWorkTaskTarget(t: WorkTaskTarget, value: number | null | undefined): TargetEvaluation | null {
  if (t.kind === 'none' || !t.comparator || t.value === null) return null;
  return evaluateTarget(value, {
    comparator: t.comparator,
    value: t.value,
    indicatorId: t.indicatorId ?? (t.comparator === 'no_avoidable_maternal_death' ? 'avoidable_maternal_deaths' : ''),
  });
}

/** Counts of a plan's tasks by timing, as the list and the per-unit view show them. */
export function summarizeWorkTasks(
  tasks: readonly { status: WorkTaskStatus; deadline: string | null; completedOn: string | null }[],
  today: string,
): { total: number; done: number; overdue: number; dueSoon: number; cancelled: number; open: number } {
  const out = { total: tasks.length, done: 0, overdue: 0, dueSoon: 0, cancelled: 0, open: 0 };
  for (const t of tasks) {
    const timing = workTaskTiming(t, today);
    if (timing === 'done' || timing === 'done_late') out.done++;
    else if (timing === 'cancelled') out.cancelled++;
    else {
      out.open++;
      if (timing === 'overdue') out.overdue++;
      if (timing === 'due_soon') out.dueSoon++;
    }
  }
  return out;
}
