import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
} from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { useApiFeedback } from '../../components/api-feedback';
import { useI18n } from '../../i18n/i18n-provider';
import type { ChildPage, ChildScreening, NewbornScreening } from './child.api';
import type { Pair } from './child-labels';
import { lbl } from './child-labels';

const NBS_KIND: Record<string, Pair> = {
  metabolic: ['遗传代谢病筛查', 'Metabolic screening'],
  hearing: ['听力筛查', 'Hearing screening'],
  heart: ['先心病筛查', 'CHD screening'],
};
const STEP: Record<string, Pair> = {
  sample: ['采血', 'Sample'],
  result: ['筛查结果', 'Result'],
  recall: ['召回', 'Recall'],
  retest: ['复查', 'Re-test'],
  confirm: ['确诊', 'Confirmation'],
  treatment: ['开始治疗', 'Treatment'],
  initial: ['初筛', 'Initial screen'],
  rescreen: ['复筛', 'Re-screen'],
  diagnosis: ['诊断', 'Diagnosis'],
  intervention: ['干预', 'Intervention'],
  screen: ['血氧+杂音筛查', 'Pulse oximetry + murmur'],
  echo: ['心脏超声', 'Echocardiography'],
};
const EVENT_RESULT: Record<string, Pair> = {
  negative: ['阴性', 'negative'],
  positive: ['阳性', 'positive'],
  suspected_positive: ['可疑阳性', 'suspected positive'],
  unsatisfactory: ['标本不合格', 'unsatisfactory'],
  normal: ['正常', 'normal'],
  chd: ['先心病', 'CHD'],
};
const CHILD_KIND: Record<string, Pair> = {
  red_reflex: ['红光反射（先天性白内障）', 'Red reflex'],
  ddh: ['髋关节发育不良', 'Hip (DDH)'],
  autism: ['孤独症筛查', 'Autism'],
  development: ['发育筛查', 'Development'],
};
const RESULT: Record<string, Pair> = {
  normal: ['未见异常', 'Normal'],
  abnormal: ['异常', 'Abnormal'],
  suspected: ['可疑', 'Suspected'],
};

type StepValues = Record<string, unknown> & { when?: Dayjs };

function stepFields(step: string, pick: (zh: string, en: string) => string) {
  const sel = (name: string, label: string, opts: [string, string, string][]) => (
    <Form.Item name={name} label={label} rules={[{ required: true }]}>
      <Select style={{ width: 130 }} options={opts.map(([value, zh, en]) => ({ value, label: pick(zh, en) }))} />
    </Form.Item>
  );
  const ear: [string, string, string][] = [
    ['pass', '通过', 'Pass'],
    ['refer', '未通过', 'Refer'],
  ];
  const posneg: [string, string, string][] = [
    ['negative', '阴性', 'Negative'],
    ['positive', '阳性', 'Positive'],
  ];
  switch (step) {
    case 'sample':
      return (
        <Form.Item name="feeds" label={pick('哺乳次数', 'Feeds')}>
          <InputNumber min={0} max={30} />
        </Form.Item>
      );
    case 'result':
      return sel('result', pick('结果', 'Result'), [
        ['negative', '阴性', 'Negative'],
        ['suspected_positive', '可疑阳性', 'Suspected positive'],
        ['unsatisfactory', '标本不合格', 'Unsatisfactory'],
      ]);
    case 'retest':
      return sel('result', pick('结果', 'Result'), posneg);
    case 'confirm':
      return (
        <>
          {sel('result', pick('结果', 'Result'), posneg)}
          <Form.Item name="diagnosis" label={pick('诊断', 'Diagnosis')}>
            <Input />
          </Form.Item>
        </>
      );
    case 'initial':
    case 'rescreen':
      return (
        <>
          {sel('left', pick('左耳', 'Left'), ear)}
          {sel('right', pick('右耳', 'Right'), ear)}
        </>
      );
    case 'diagnosis':
      return (
        <>
          {sel('left', pick('左耳', 'Left'), [
            ['normal', '正常', 'Normal'],
            ['hearing_loss', '听力损失', 'Hearing loss'],
          ])}
          {sel('right', pick('右耳', 'Right'), [
            ['normal', '正常', 'Normal'],
            ['hearing_loss', '听力损失', 'Hearing loss'],
          ])}
        </>
      );
    case 'screen':
      return (
        <>
          <Form.Item name="spo2Hand" label={pick('右手SpO2', 'SpO2 hand')} rules={[{ required: true }]}>
            <InputNumber min={50} max={100} />
          </Form.Item>
          <Form.Item name="spo2Foot" label={pick('足SpO2', 'SpO2 foot')} rules={[{ required: true }]}>
            <InputNumber min={50} max={100} />
          </Form.Item>
          <Form.Item name="murmurGrade" label={pick('杂音分级', 'Murmur grade')} initialValue={0}>
            <InputNumber min={0} max={6} />
          </Form.Item>
        </>
      );
    case 'echo':
      return sel('result', pick('结果', 'Result'), [
        ['normal', '正常', 'Normal'],
        ['chd', '先心病', 'CHD'],
      ]);
    default:
      return null;
  }
}

function NewbornCard(props: { personId: string; s: NewbornScreening; onChange(): void }) {
  const { lang, pick } = useI18n();
  const { applyToForm } = useApiFeedback();
  const [form] = Form.useForm<StepValues>();
  const { s } = props;
  const timed = s.nextStep === 'sample' || s.nextStep === 'screen';
  const save = useMutation({
    mutationFn: (v: StepValues) => {
      const { when, ...rest } = v;
      const w = when ?? dayjs();
      const event = {
        step: s.nextStep,
        ...(timed ? { at: w.format('YYYY-MM-DDTHH:mm') } : { date: w.format('YYYY-MM-DD') }),
        ...rest,
      };
      return api.post(`/children/${props.personId}/newborn-screening/${s.kind}/steps`, {
        event,
        ...(s.id ? { version: s.version } : {}),
      });
    },
    onSuccess: () => {
      form.resetFields();
      props.onChange();
    },
    onError: (e) => applyToForm(form, e),
  });
  return (
    <Card
      size="small"
      title={lbl(NBS_KIND, s.kind, lang)}
      data-testid={`nbs-${s.kind}`}
      extra={
        <Tag color={s.closed ? 'green' : s.overdue ? 'red' : 'blue'}>
          {pick(s.label?.zh ?? s.status, s.label?.en ?? s.status)}
        </Tag>
      }
      style={{ marginBottom: 16 }}
    >
      {s.flags.length > 0 && (
        <div style={{ marginBottom: 8 }}>
          {s.flags.map((f) => (
            <Tag key={f} color="orange">
              {f}
            </Tag>
          ))}
        </div>
      )}
      <Timeline
        items={s.events.map((e) => ({
          children: `${((e as { at?: string }).at ?? (e as { date?: string }).date ?? '').replace('T', ' ')} ${lbl(STEP, e.step, lang)} ${
            (e as { result?: string }).result ? lbl(EVENT_RESULT, (e as { result?: string }).result, lang) : ''
          }`,
        }))}
      />
      {!s.closed && s.nextStep && (
        <Form form={form} layout="inline" style={{ rowGap: 8 }} onFinish={(v) => save.mutate(v)}>
          <Form.Item
            label={`${pick('下一步', 'Next')}: ${lbl(STEP, s.nextStep, lang)}${s.nextDue ? ` (${pick('应于', 'by')} ${s.nextDue})` : ''}`}
            name="when"
            initialValue={dayjs()}
          >
            <DatePicker showTime={timed ? { format: 'HH:mm' } : false} />
          </Form.Item>
          {stepFields(s.nextStep, pick)}
          <Button htmlType="submit" type="primary" size="small" loading={save.isPending}>
            {pick('记录', 'Record')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

/** Newborn screening (metabolic, hearing, CHD) and child screening of one child. */
export function ScreeningPanel(props: { personId: string; page: ChildPage; onChange(): void }) {
  const { lang, pick } = useI18n();
  const { applyToForm } = useApiFeedback();
  const [form] = Form.useForm();
  const [adding, setAdding] = useState(false);
  const add = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      api.post(`/children/${props.personId}/screenings`, {
        ...v,
        screenedOn: (v.screenedOn as Dayjs).format('YYYY-MM-DD'),
        followUpDue: v.followUpDue ? (v.followUpDue as Dayjs).format('YYYY-MM-DD') : undefined,
      }),
    onSuccess: () => {
      form.resetFields();
      setAdding(false);
      props.onChange();
    },
    onError: (e) => applyToForm(form, e),
  });
  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        {props.page.screenings.newborn.map((s) => (
          <NewbornCard key={s.kind} personId={props.personId} s={s} onChange={props.onChange} />
        ))}
      </Col>
      <Col xs={24} lg={12}>
        <Card
          size="small"
          title={pick('儿童筛查', 'Child screening')}
          extra={
            <Button size="small" onClick={() => setAdding(!adding)}>
              {pick('记录筛查', 'Add')}
            </Button>
          }
        >
          {adding && (
            <Form
              form={form}
              layout="vertical"
              initialValues={{ screenedOn: dayjs(), result: 'normal' }}
              onFinish={(v) => add.mutate(v)}
            >
              <Space wrap>
                <Form.Item name="kind" label={pick('项目', 'Kind')} rules={[{ required: true }]}>
                  <Select
                    style={{ width: 200 }}
                    options={Object.keys(CHILD_KIND).map((k) => ({ value: k, label: lbl(CHILD_KIND, k, lang) }))}
                  />
                </Form.Item>
                <Form.Item name="screenedOn" label={pick('日期', 'Date')}>
                  <DatePicker />
                </Form.Item>
                <Form.Item name="tool" label={pick('工具', 'Tool')}>
                  <Input placeholder="儿心量表-II / ASQ" />
                </Form.Item>
                <Form.Item name="score" label={pick('得分', 'Score')}>
                  <InputNumber />
                </Form.Item>
                <Form.Item name="result" label={pick('结果', 'Result')}>
                  <Select
                    style={{ width: 120 }}
                    options={Object.keys(RESULT).map((k) => ({ value: k, label: lbl(RESULT, k, lang) }))}
                  />
                </Form.Item>
                <Form.Item name="followUpDue" label={pick('随访日期', 'Follow-up by')}>
                  <DatePicker />
                </Form.Item>
              </Space>
              <Button htmlType="submit" type="primary" loading={add.isPending}>
                {pick('保存', 'Save')}
              </Button>
            </Form>
          )}
          <Table<ChildScreening>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={props.page.screenings.child}
            columns={[
              { title: pick('日期', 'Date'), dataIndex: 'screenedOn' },
              { title: pick('项目', 'Kind'), dataIndex: 'kind', render: (v: string) => lbl(CHILD_KIND, v, lang) },
              {
                title: pick('工具/得分', 'Tool/score'),
                render: (_: unknown, r) => [r.tool, r.score].filter((x) => x !== null).join(' '),
              },
              { title: pick('结果', 'Result'), dataIndex: 'result', render: (v: string) => lbl(RESULT, v, lang) },
              { title: pick('随访', 'Follow-up'), dataIndex: 'followUpDue' },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
