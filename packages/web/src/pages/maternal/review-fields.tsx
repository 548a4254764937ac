/**
 * The death review fields shared by the maternal, perinatal and under-5 death reviews (REFERENCE §4, issue #3 §9): the
 * committee level, date, conclusion, the 12-cell grid of contributing factors with a note on each ticked cell, the
 * actions; and a read-only summary of a review made.
 */
import { Checkbox, DatePicker, Descriptions, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../i18n/i18n-provider';
import { lbl, type Pair } from './maternal-labels';
import type { DeathReview } from './maternal.api';

const STAGES: [string, string, string][] = [
  ['personal_family', '个人/家庭/社区', 'Individual/family/community'],
  ['health_system', '医疗保健系统', 'Health system'],
  ['society', '社会其他部门', 'Other sectors'],
];
const ASPECTS: [string, string, string][] = [
  ['knowledge_skill', '知识技能', 'Knowledge/skill'],
  ['attitude', '态度', 'Attitude'],
  ['resources', '资源', 'Resources'],
  ['management', '管理', 'Management'],
];
/** The 12 cells in grid order (stage × aspect) with their zh and en labels. */
const CELLS: { value: string; zh: string; en: string }[] = STAGES.flatMap(([s, sz, se]) =>
  ASPECTS.map(([a, az, ae]) => ({ value: `${s}.${a}`, zh: `${sz}·${az}`, en: `${se} · ${ae}` })),
);
export const CONCLUSIONS: Record<string, Pair> = {
  avoidable: ['可避免', 'Avoidable'],
  conditionally_avoidable: ['创造条件可避免', 'Avoidable under better conditions'],
  unavoidable: ['不可避免', 'Unavoidable'],
};
/** The committee levels, in the order a death goes up to them. */
export const LEVELS: Record<string, Pair> = {
  county: ['县级', 'County'],
  city: ['市级', 'City'],
  province: ['省级', 'Province'],
};
export const LEVEL_ORDER = Object.keys(LEVELS);

/** What the review form holds: the ticked cells, and a note for each of them. */
export interface ReviewFormValues {
  level?: string;
  reviewedOn?: Dayjs;
  conclusion?: string;
  factors?: string[];
  notes?: Record<string, string | undefined>;
  actions?: string;
}

/** The form values of a review made (to reopen it): its ticked cells and their notes. */
export function reviewFormValues(r: DeathReview): ReviewFormValues {
  const factors = r.factors ?? {};
  return {
    level: r.level,
    reviewedOn: dayjs(r.reviewedOn),
    conclusion: r.conclusion,
    factors: Object.keys(factors),
    notes: { ...factors },
    actions: r.actions ?? undefined,
  };
}

/** The request body of the review form: `factors` maps each ticked cell to its note ('' when none is written). */
export function reviewBody(v: ReviewFormValues) {
  return {
    level: v.level,
    reviewedOn: (v.reviewedOn as Dayjs).format('YYYY-MM-DD'),
    conclusion: v.conclusion,
    factors: Object.fromEntries((v.factors ?? []).map((k) => [k, v.notes?.[k]?.trim() ?? ''])),
    actions: v.actions || undefined,
  };
}

/** The review fields: level, date, conclusion, the 12-cell grid with a note per ticked cell, actions. */
export function ReviewFields() {
  const { t, pick, lang } = useI18n();
  return (
    <>
      <Space wrap>
        <Form.Item name="level" label={pick('评审级别', 'Level')} rules={[{ required: true }]}>
          <Select
            style={{ width: 120 }}
            options={LEVEL_ORDER.map((k) => ({ value: k, label: lbl(LEVELS, k, lang) }))}
          />
        </Form.Item>
        <Form.Item
          name="reviewedOn"
          label={pick('评审日期', 'Date')}
          rules={[{ required: true }]}
          initialValue={dayjs()}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item name="conclusion" label={pick('结论', 'Conclusion')} rules={[{ required: true }]}>
          <Select
            style={{ width: 200 }}
            options={Object.keys(CONCLUSIONS).map((k) => ({ value: k, label: lbl(CONCLUSIONS, k, lang) }))}
          />
        </Form.Item>
      </Space>
      <Form.Item name="factors" label={pick('影响因素（十二格表）', 'Contributing factors (12-cell grid)')}>
        <Checkbox.Group
          style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: 4 }}
          options={CELLS.map((c) => ({ value: c.value, label: pick(c.zh, c.en) }))}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a: ReviewFormValues, b: ReviewFormValues) => a.factors !== b.factors}>
        {({ getFieldValue }) => {
          const ticked = (getFieldValue('factors') as string[] | undefined) ?? [];
          const cells = CELLS.filter((c) => ticked.includes(c.value));
          return cells.map((c) => (
            <Form.Item
              key={c.value}
              name={['notes', c.value]}
              label={t('review.cellNote', { cell: pick(c.zh, c.en) })}
              rules={[{ max: 500, message: t('review.cellNoteTooLong') }]}
            >
              <Input
                maxLength={500}
                placeholder={t('review.cellNotePlaceholder')}
                data-testid={`review-note-${c.value}`}
              />
            </Form.Item>
          ));
        }}
      </Form.Item>
      <Form.Item name="actions" label={pick('改进措施', 'Actions')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </>
  );
}

/** A review made, read-only: level, conclusion and date, the ticked cells in grid order with their notes, actions. */
export function ReviewSummary({ review, testId }: { review: DeathReview; testId?: string }) {
  const { t, pick, lang } = useI18n();
  const factors = review.factors ?? {};
  const cells = CELLS.filter((c) => c.value in factors);
  return (
    <Descriptions
      size="small"
      column={1}
      data-testid={testId}
      title={`${lbl(LEVELS, review.level, lang)} · ${lbl(CONCLUSIONS, review.conclusion, lang)}（${review.reviewedOn}）`}
      items={[
        {
          key: 'factors',
          label: t('review.factors'),
          children: cells.length ? (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {cells.map((c) => (
                <li key={c.value}>
                  {pick(c.zh, c.en)}
                  {factors[c.value] ? `${pick('：', ': ')}${factors[c.value]}` : ''}
                </li>
              ))}
            </ul>
          ) : (
            '—'
          ),
        },
        { key: 'actions', label: pick('改进措施', 'Actions'), children: review.actions || '—' },
      ]}
    />
  );
}
