import { describe, expect, it } from 'vitest';
import { getIndicator } from '../indicators/index';
import {
  applyWorkTaskProgress,
  evaluateWorkTaskTarget,
  summarizeWorkTasks,
  workTaskDaysOverdue,
  workTaskTiming,
  type WorkTaskStatus,
} from './workplan-rules';
import { ZHOUSHAN_2019_PLAN } from './zhoushan-2019-plan';

describe('task timing against the deadline (G6: deadlines and overdue tasks)', () => {
  it.each<[WorkTaskStatus, string | null, string | null, string, string]>([
    ['in_progress', '2019-06-30', null, '2019-06-30', 'due_soon'], // the deadline day is still on time
    ['in_progress', '2019-06-30', null, '2019-07-01', 'overdue'],
    ['not_started', '2019-06-30', null, '2019-06-16', 'due_soon'],
    ['not_started', '2019-06-30', null, '2019-06-15', 'on_track'],
    ['not_started', null, null, '2030-01-01', 'no_deadline'],
    ['done', '2019-06-30', '2019-06-30', '2026-01-01', 'done'],
    ['done', '2019-06-30', '2019-07-02', '2026-01-01', 'done_late'],
    ['cancelled', '2019-06-30', null, '2026-01-01', 'cancelled'],
  ])('%s, deadline %s, completed %s, on %s → %s', (status, deadline, completedOn, today, want) => {
    expect(workTaskTiming({ status, deadline, completedOn }, today)).toBe(want);
  });

  it.each<[WorkTaskStatus, string | null, string, number]>([
    ['in_progress', '2019-06-30', '2019-07-10', 10],
    ['in_progress', '2019-06-30', '2019-06-30', 0],
    ['done', '2019-06-30', '2019-07-10', 0],
    ['not_started', null, '2019-07-10', 0],
  ])('%s due %s on %s: %i days overdue', (status, deadline, today, days) => {
    expect(workTaskDaysOverdue({ status, deadline }, today)).toBe(days);
  });

  it('summarizes a plan', () => {
    const s = summarizeWorkTasks(
      [
        { status: 'done', deadline: '2019-06-30', completedOn: '2019-06-01' },
        { status: 'done', deadline: '2019-06-30', completedOn: '2019-08-01' },
        { status: 'in_progress', deadline: '2019-06-30', completedOn: null },
        { status: 'not_started', deadline: '2019-07-10', completedOn: null },
        { status: 'cancelled', deadline: '2019-06-30', completedOn: null },
      ],
      '2019-07-01',
    );
    expect(s).toEqual({ total: 5, done: 2, overdue: 1, dueSoon: 1, cancelled: 1, open: 2 });
  });
});

describe('a progress update changes the task', () => {
  const start = { status: 'not_started' as const, progressPct: 0, currentValue: null, completedOn: null };
  it.each<[string, Parameters<typeof applyWorkTaskProgress>[1], object]>([
    ['any report starts a task', { reportedOn: '2019-05-20' }, { status: 'in_progress', progressPct: 0 }],
    ['a percentage', { reportedOn: '2019-05-20', progressPct: 40 }, { status: 'in_progress', progressPct: 40 }],
    ['a count', { reportedOn: '2019-05-20', countValue: 120 }, { currentValue: 120 }],
    [
      'done sets 100% and the completion date',
      { reportedOn: '2019-06-28', statusAfter: 'done', progressPct: 80 },
      { status: 'done', progressPct: 100, completedOn: '2019-06-28' },
    ],
  ])('%s', (_w, u, want) => {
    expect(applyWorkTaskProgress(start, u)).toMatchObject(want);
  });

  it('a later report on a done task keeps its completion date; reopening clears it', () => {
    const done = { status: 'done' as const, progressPct: 100, currentValue: 1, completedOn: '2019-06-28' };
    expect(applyWorkTaskProgress(done, { reportedOn: '2019-07-05', countValue: 2 })).toMatchObject({
      status: 'done',
      completedOn: '2019-06-28',
      currentValue: 2,
    });
    expect(
      applyWorkTaskProgress(done, { reportedOn: '2019-07-05', statusAfter: 'in_progress', progressPct: 90 }),
    ).toEqual({
      status: 'in_progress',
      progressPct: 90,
      currentValue: 1,
      completedOn: null,
    });
  });
});

describe('targets of tasks (the indicators’ evaluation: 以上/以下 include the number, < and > are strict)', () => {
  it.each<[Parameters<typeof evaluateWorkTaskTarget>[0], number | null, string | null]>([
    [{ kind: 'count', comparator: '>=', value: 208 }, 208, 'met'],
    [{ kind: 'count', comparator: '>=', value: 208 }, 150, 'not_met'],
    // not met but within the close margin of the indicators' evaluation
    [{ kind: 'indicator', comparator: '<', value: 4.5, indicatorId: 'infant_mortality_rate' }, 4.5, 'close'],
    [{ kind: 'indicator', comparator: '<', value: 4.5, indicatorId: 'infant_mortality_rate' }, 9, 'not_met'],
    [{ kind: 'indicator', comparator: '<', value: 4.5, indicatorId: 'infant_mortality_rate' }, 4.4, 'met'],
    [{ kind: 'indicator', comparator: '<=', value: 43, indicatorId: 'caesarean_rate' }, 43, 'met'],
    [
      {
        kind: 'indicator',
        comparator: 'no_avoidable_maternal_death',
        value: 0,
        indicatorId: 'avoidable_maternal_deaths',
      },
      0,
      'met',
    ],
    [
      { kind: 'indicator', comparator: '>=', value: 93, indicatorId: 'maternal_systematic_management_rate' },
      null,
      'no_data',
    ],
    [{ kind: 'none', comparator: null, value: null }, 5, null],
  ])('%j with %s → %s', (t, v, want) => {
    expect(evaluateWorkTaskTarget(t, v)).toBe(want);
  });
});

describe('seed 003: 舟卫发〔2019〕35号《2019年全市妇幼健康工作要点》 as tasks', () => {
  const plan = ZHOUSHAN_2019_PLAN;
  it('keeps the document: issuer, number, date, region', () => {
    expect(plan).toMatchObject({
      regionCode: '330900',
      year: 2019,
      issuer: '舟山市卫生健康委员会',
      documentNo: '舟卫发〔2019〕35号',
      issuedOn: '2019-05-15',
    });
  });

  it('has the eleven work points, each with a lead unit, and the 15 + 3 + 2 rows of the core indicator table', () => {
    const points = plan.tasks.filter((t) => !t.section.startsWith('附表'));
    expect(new Set(points.map((t) => t.code.replace(/\d$/, ''))).size).toBe(11);
    const table = plan.tasks.filter((t) => t.section.startsWith('附表'));
    expect(table.filter((t) => t.code.startsWith('重点'))).toHaveLength(15);
    expect(table.filter((t) => t.code.startsWith('区域'))).toHaveLength(3);
    expect(table.filter((t) => t.code.startsWith('重大项目'))).toHaveLength(2);
    for (const t of plan.tasks)
      expect(
        t.units.filter((u) => u.lead),
        t.code,
      ).toHaveLength(1);
  });

  it.each<[string, object]>([
    [
      '（四）1',
      { deadline: '2019-06-30', deadlineNote: '6月底前', target: { kind: 'count', value: 1, scope: 'each_county' } },
    ],
    ['（四）2', { deadline: '2019-12-31', deadlineNote: '年底前' }],
    [
      '（五）',
      { target: { kind: 'indicator', indicatorId: 'handbook_app_coverage_rate', comparator: '>=', value: 80 } },
    ],
    ['（六）2', { target: { kind: 'indicator', indicatorId: 'chd_echo_diagnoses', comparator: '>=', value: 208 } }],
    ['（三）', { target: { kind: 'count', comparator: '>=', value: 2 } }],
    [
      '重点1',
      { target: { indicatorId: 'caesarean_rate', comparator: '<=', value: 43, period: '2019', scope: 'each_county' } },
    ],
    ['区域2', { target: { indicatorId: 'infant_mortality_rate', comparator: '<', value: 4.5 } }],
    ['区域1', { target: { indicatorId: 'avoidable_maternal_deaths', comparator: 'no_avoidable_maternal_death' } }],
    ['重点15', { title: '0-3岁儿童发育筛查率 ≥ 90%', target: { comparator: '>=', value: 90 } }],
  ])('%s as the document gives it', (code, want) => {
    expect(plan.tasks.find((t) => t.code === code)).toMatchObject(want);
  });

  it('every linked indicator is in the catalogue; codes are unique', () => {
    for (const t of plan.tasks)
      if (t.target?.kind === 'indicator') expect(getIndicator(t.target.indicatorId!), t.code).toBeDefined();
    expect(new Set(plan.tasks.map((t) => t.code)).size).toBe(plan.tasks.length);
  });
});
