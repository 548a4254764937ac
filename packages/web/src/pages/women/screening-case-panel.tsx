import { useEffect } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, Input, Row, Select, Space, Tag, Timeline } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useApiFeedback } from '../../components/api-feedback';
import { useI18n } from '../../i18n/i18n-provider';
import { screeningApi, type ScreeningCase } from './women.api';
import {
  BIRADS,
  BREAST_PATH,
  BREAST_TREATMENT,
  CASE_EVENT,
  CASE_NEXT,
  CASE_STATE,
  CERVICAL_TREATMENT,
  COLPOSCOPY,
  EXAM,
  HISTOLOGY,
  HPV_TYPES,
  LESION_GRADE,
  NOTIFY_METHOD,
  PATHWAY_NEXT,
  SENIOR_REVIEW,
  TBS,
  lab,
  options,
  stateColor,
  type LabelMap,
} from './women-labels';

interface StepValues {
  event: string;
  date: Dayjs;
  exam?: string;
  result?: string;
  hpvTypes?: string[];
  method?: string;
  earlyStage?: boolean;
  note?: string;
}

const RESULT_OF_EXAM: Record<string, LabelMap | undefined> = {
  colposcopy: COLPOSCOPY,
  cytology: TBS,
  mammography: BIRADS,
  senior_review: SENIOR_REVIEW,
};

/** The follow-up case of an abnormal result: state, what to do next, the steps so far and the next step's form. */
export function ScreeningCasePanel(props: { c: ScreeningCase; onChange(): void }) {
  const { c } = props;
  const { lang, pick } = useI18n();
  const { applyToForm } = useApiFeedback();
  const [form] = Form.useForm<StepValues>();
  const event = Form.useWatch('event', form);
  const exam = Form.useWatch('exam', form);
  useEffect(() => {
    form.setFieldsValue({
      event: c.suggestedEvent ?? c.allowedEvents[0],
      exam: c.pendingExam ?? undefined,
      date: dayjs(),
      result: undefined,
      method: undefined,
      note: undefined,
    });
  }, [c.version, c.suggestedEvent, c.pendingExam, c.allowedEvents, form]);
  const save = useMutation({
    mutationFn: (v: StepValues) =>
      screeningApi.step(c.id, {
        version: c.version,
        event: v.event,
        date: v.date.format('YYYY-MM-DD'),
        exam: v.event === 'attend_further_exam' ? v.exam : undefined,
        result: v.result || undefined,
        hpvTypes: v.event === 'attend_further_exam' && v.exam === 'hpv' ? (v.hpvTypes ?? []) : undefined,
        method: v.method || undefined,
        earlyStage: v.earlyStage,
        note: v.note || undefined,
      }),
    onSuccess: () => props.onChange(),
    onError: (e) => applyToForm(form, e),
  });
  const treatments = c.kind === 'cervical' ? CERVICAL_TREATMENT : BREAST_TREATMENT;
  const exams =
    c.kind === 'cervical' ? ['colposcopy', 'cytology', 'hpv', 'biopsy'] : ['mammography', 'senior_review', 'biopsy'];
  const resultMap =
    event === 'record_pathology'
      ? c.kind === 'cervical'
        ? HISTOLOGY
        : BREAST_PATH
      : exam
        ? RESULT_OF_EXAM[exam]
        : undefined;
  return (
    <Card
      title={pick('异常结果随访个案', 'Follow-up case')}
      data-testid="case-panel"
      extra={
        <Tag color={stateColor(c.state, c.overdue)} data-testid="case-state">
          {lab(CASE_STATE, c.state, lang)}
        </Tag>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {c.nextStep !== 'none' && (
          <Alert
            type={c.overdue ? 'error' : 'info'}
            data-testid="case-next-step"
            message={
              <>
                {pick('下一步：', 'Next: ')}
                <b>{lab(CASE_NEXT, c.nextStep, lang)}</b>
                {c.dueOn && (
                  <>
                    {pick('，应于 ', ', due ')}
                    {c.dueOn}
                    {pick(' 前完成', '')}
                  </>
                )}
                {c.overdue && (
                  <Tag color="red" style={{ marginLeft: 8 }} data-testid="case-overdue">
                    {pick(`逾期${c.daysOverdue}天`, `${c.daysOverdue} days overdue`)}
                  </Tag>
                )}
              </>
            }
            description={
              c.pathwayNextStep
                ? `${pick('筛查路径建议', 'Pathway')}: ${lab(PATHWAY_NEXT, c.pathwayNextStep, lang)}`
                : undefined
            }
          />
        )}
        {(c.lesionGrade || c.treatmentMethod || c.lostReason) && (
          <div data-testid="case-outcome">
            {c.lesionGrade && <Tag color="purple">{lab(LESION_GRADE, c.lesionGrade, lang)}</Tag>}
            {c.earlyStage && <Tag>{pick('早期', 'Early stage')}</Tag>}
            {c.treatmentMethod && (
              <Tag color="green">
                {lab(treatments, c.treatmentMethod, lang)} {c.treatedOn}
              </Tag>
            )}
            {c.lostReason && <Tag>{c.lostReason}</Tag>}
          </div>
        )}
        <Timeline
          data-testid="case-steps"
          items={c.steps.map((s) => ({
            color: s.toState === 'treated' || s.toState === 'closed_normal' ? 'green' : 'blue',
            children: (
              <span>
                {s.date} {lab(CASE_EVENT, s.event, lang)} → {lab(CASE_STATE, s.toState, lang)}
                {s.exam && ` · ${lab(EXAM, s.exam, lang)}`}
                {s.result && ` · ${s.result}`}
                {s.method && ` · ${lab({ ...NOTIFY_METHOD, ...treatments }, s.method, lang)}`}
                {s.note && ` · ${s.note}`}
              </span>
            ),
          }))}
        />
        {c.allowedEvents.length > 0 && (
          <Form<StepValues> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item name="event" label={pick('登记步骤', 'Step')} rules={[{ required: true }]}>
                  <Select
                    data-testid="step-event"
                    options={c.allowedEvents.map((e) => ({ value: e, label: lab(CASE_EVENT, e, lang) }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name="date" label={pick('日期', 'Date')} rules={[{ required: true }]}>
                  <DatePicker style={{ width: '100%' }} data-testid="step-date" />
                </Form.Item>
              </Col>
              {event === 'notify' && (
                <Col xs={24} md={6}>
                  <Form.Item name="method" label={pick('告知方式', 'How')}>
                    <Select allowClear data-testid="step-method" options={options(NOTIFY_METHOD, lang)} />
                  </Form.Item>
                </Col>
              )}
              {event === 'attend_further_exam' && (
                <Col xs={24} md={6}>
                  <Form.Item name="exam" label={pick('检查项目', 'Examination')} rules={[{ required: true }]}>
                    <Select
                      data-testid="step-exam"
                      options={exams.map((e) => ({ value: e, label: lab(EXAM, e, lang) }))}
                    />
                  </Form.Item>
                </Col>
              )}
              {event === 'attend_further_exam' && exam === 'hpv' && (
                <Col xs={24} md={8}>
                  <Form.Item name="hpvTypes" label={pick('阳性型别（阴性留空）', 'Positive types (empty = negative)')}>
                    <Select mode="tags" options={HPV_TYPES.map((t) => ({ value: t, label: `HPV${t}` }))} />
                  </Form.Item>
                </Col>
              )}
              {resultMap && (event === 'attend_further_exam' || event === 'record_pathology') && (
                <Col xs={24} md={8}>
                  <Form.Item name="result" label={pick('结果', 'Result')} rules={[{ required: true }]}>
                    <Select data-testid="step-result" options={options(resultMap, lang)} />
                  </Form.Item>
                </Col>
              )}
              {event === 'record_pathology' && (
                <Col xs={24} md={4}>
                  <Form.Item name="earlyStage" label=" " valuePropName="checked">
                    <Checkbox>{pick('癌：早期', 'Cancer: early stage')}</Checkbox>
                  </Form.Item>
                </Col>
              )}
              {event === 'record_treatment' && (
                <Col xs={24} md={8}>
                  <Form.Item name="method" label={pick('治疗方式', 'Treatment')} rules={[{ required: true }]}>
                    <Select data-testid="step-method" options={options(treatments, lang)} />
                  </Form.Item>
                </Col>
              )}
              <Col xs={24} md={event === 'mark_lost' ? 12 : 8}>
                <Form.Item
                  name="note"
                  label={event === 'mark_lost' ? pick('失访原因', 'Reason') : pick('备注', 'Note')}
                  rules={event === 'mark_lost' ? [{ required: true }] : []}
                >
                  <Input maxLength={500} data-testid="step-note" />
                </Form.Item>
              </Col>
            </Row>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="step-save">
              {pick('保存步骤', 'Save step')}
            </Button>
          </Form>
        )}
      </Space>
    </Card>
  );
}
