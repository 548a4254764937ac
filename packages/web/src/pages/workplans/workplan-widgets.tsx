/** Pieces shared by the work-plan pages: timing and status tags, the target and its live value. */
import { Space, Tag, Tooltip, Typography } from 'antd';
import {
  formatIndicatorValue,
  INDICATOR_UNIT_LABELS,
  TARGET_EVALUATION_LABELS,
  WORK_TASK_STATUS_LABELS,
  WORK_TASK_TIMING_LABELS,
  type IndicatorUnit,
  type TargetEvaluation,
  type WorkTaskStatus,
  type WorkTaskTiming,
} from '@fuyou/core';
import { useI18n } from '../../i18n/i18n-provider';
import type { WorkTask } from './workplans.api';

const TIMING_COLOURS: Record<WorkTaskTiming, string> = {
  overdue: 'red',
  due_soon: 'orange',
  on_track: 'blue',
  no_deadline: 'default',
  done: 'green',
  done_late: 'gold',
  cancelled: 'default',
};

/** Where a task stands against its deadline (overdue in red, with the days). */
export function TimingTag(props: { timing: WorkTaskTiming; daysOverdue?: number }) {
  const { pick } = useI18n();
  const l = WORK_TASK_TIMING_LABELS[props.timing];
  return (
    <Tag color={TIMING_COLOURS[props.timing]} data-testid={`timing-${props.timing}`}>
      {pick(l.zh, l.en)}
      {props.timing === 'overdue' && props.daysOverdue
        ? pick(` ${props.daysOverdue}天`, ` ${props.daysOverdue} d`)
        : ''}
    </Tag>
  );
}

/** A task's status. */
export function StatusTag(props: { status: WorkTaskStatus }) {
  const { pick } = useI18n();
  const l = WORK_TASK_STATUS_LABELS[props.status];
  return <Tag>{pick(l.zh, l.en)}</Tag>;
}

const EVAL_COLOURS: Record<TargetEvaluation, string> = {
  met: 'green',
  close: 'gold',
  not_met: 'red',
  no_data: 'default',
};

/** Whether the target is met. */
export function EvaluationTag(props: { evaluation: TargetEvaluation | null }) {
  const { pick } = useI18n();
  if (!props.evaluation) return null;
  const l = TARGET_EVALUATION_LABELS[props.evaluation];
  return (
    <Tag color={EVAL_COLOURS[props.evaluation]} data-testid="task-evaluation">
      {pick(l.zh, l.en)}
    </Tag>
  );
}

/** An indicator value with its unit, in the page's language ('—' when missing). */
export function fmtValue(value: number | null, unit: string | null, lang: string): string {
  if (value === null) return '—';
  return formatIndicatorValue(value, (unit ?? '%') as IndicatorUnit, lang.startsWith('en') ? 'en' : 'zh');
}

const COMPARATOR_TEXT: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

/** The target in words: "≥ 93%", "≤ 43% (each county)", "≥ 208", "no avoidable maternal death". */
export function targetText(t: WorkTask, pick: (zh: string, en: string) => string, lang: string): string {
  if (t.targetKind === 'none' || t.comparator === null) return '';
  if (t.comparator === 'no_avoidable_maternal_death')
    return pick('不发生可避免的孕产妇死亡', 'No avoidable maternal death');
  const en = lang.startsWith('en');
  const unit =
    t.targetKind === 'indicator' && t.indicatorUnit
      ? t.indicatorUnit === 'count'
        ? ''
        : INDICATOR_UNIT_LABELS[t.indicatorUnit as IndicatorUnit][en ? 'en' : 'zh']
      : (t.targetUnit ?? '');
  const scope = t.targetScope === 'each_county' ? pick('（各县区分别）', ' (each county)') : '';
  return `${COMPARATOR_TEXT[t.comparator] ?? t.comparator} ${t.targetValue ?? ''}${unit ? ` ${unit}` : ''}${scope}`;
}

/** The current value: the live indicator value (with its period) or the reported count. */
export function CurrentValue(props: { task: WorkTask }) {
  const { pick, lang } = useI18n();
  const t = props.task;
  if (t.targetKind === 'count') return <span>{t.currentValue ?? '—'}</span>;
  if (t.targetKind !== 'indicator' || !t.live) return <span>—</span>;
  const l = t.live;
  if (l.status === 'out_of_scope' || l.status === 'unavailable')
    return (
      <Tooltip title={pick(l.messageZh ?? '', l.messageEn ?? '')}>
        <Typography.Text type="secondary">{pick('不可用', 'n/a')}</Typography.Text>
      </Tooltip>
    );
  return (
    <Space direction="vertical" size={0}>
      <span data-testid="task-live-value">{fmtValue(l.value, l.unit, lang)}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {l.period ? pick(l.period.labelZh, l.period.labelEn) : ''}
        {l.denominator !== null ? ` · ${l.numerator ?? 0}/${l.denominator}` : ''}
      </Typography.Text>
      {l.byCounty.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {l.byCounty
            .filter((c) => c.value !== null)
            .map((c) => `${c.countyName ?? c.countyCode} ${fmtValue(c.value, l.unit, lang)}`)
            .join('；')}
        </Typography.Text>
      )}
    </Space>
  );
}
