import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useApiFeedback } from '../../components/api-feedback';
import { useI18n } from '../../i18n/i18n-provider';
import { INFECTIONS, lbl } from './maternal-labels';
import { BirthDefectCardButton } from '../women/birth-defect-card';
import { maternalApi, type PrenatalScreening } from './maternal.api';

/** PMTCT results (restricted to the pmtct permission) with the record's duties and the infant's plan. */
export function PmtctPanel(props: { pregnancyId: string; canWrite: boolean; onChanged(): void }) {
  const { pick, lang } = useI18n();
  const qc = useQueryClient();
  const { applyToForm } = useApiFeedback();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ infection: string; testedOn: Dayjs; result: string; method?: string }>();
  const q = useQuery({
    queryKey: ['maternal', 'pmtct', props.pregnancyId],
    queryFn: () => maternalApi.pmtct(props.pregnancyId),
  });
  const add = useMutation({
    mutationFn: (v: { infection: string; testedOn: Dayjs; result: string; method?: string }) =>
      maternalApi.addPmtctTest(props.pregnancyId, { ...v, testedOn: v.testedOn.format('YYYY-MM-DD') }),
    onSuccess: () => {
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['maternal', 'pmtct', props.pregnancyId] });
      props.onChanged();
    },
    onError: (e) => applyToForm(form, e),
  });
  if (!q.data) return null;
  if (q.data.restricted)
    return (
      <Alert
        type="info"
        showIcon
        data-testid="pmtct-restricted"
        message={pick(
          '受限：艾滋病、梅毒、乙肝检测结果仅母婴阻断权限可见',
          'Restricted: visible with the PMTCT permission only',
        )}
      />
    );
  const v = q.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        size="small"
        title={pick('三病检测', 'HIV, syphilis, hepatitis B tests')}
        extra={
          props.canWrite && (
            <Button size="small" onClick={() => setOpen(true)} data-testid="pmtct-add">
              {pick('录入结果', 'Add a result')}
            </Button>
          )
        }
      >
        <Space wrap style={{ marginBottom: 8 }}>
          {v.status.map((s) => (
            <Tag key={s.infection} color={s.positive ? 'purple' : s.tested ? 'green' : 'default'}>
              {lbl(INFECTIONS, s.infection, lang)}：
              {s.tested
                ? s.positive
                  ? pick('阳性', 'positive')
                  : pick('阴性', 'negative')
                : pick('未检测', 'not tested')}
              {s.earlyTest ? pick('（早检）', ' (early)') : ''}
            </Tag>
          ))}
        </Space>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={v.tests}
          columns={[
            { title: pick('项目', 'Test'), dataIndex: 'infection', render: (x: string) => lbl(INFECTIONS, x, lang) },
            { title: pick('日期', 'Date'), dataIndex: 'testedOn' },
            { title: pick('结果', 'Result'), dataIndex: 'result' },
          ]}
        />
      </Card>
      {v.record && (
        <Card size="small" title={pick('母婴阻断措施', 'PMTCT duties')}>
          {v.record.maternalDuties.map((d) => (
            <div key={d.code}>
              <Tag color={d.done ? 'green' : 'orange'}>{d.done ? pick('已落实', 'done') : pick('待落实', 'to do')}</Tag>
              {pick(d.zh, d.en)}
            </div>
          ))}
          {v.infantPlan?.duties.map((d) => (
            <div key={d.code}>
              <Tag color="blue">{pick('新生儿', 'infant')}</Tag>
              {pick(d.zh, d.en)} {d.dueBy ?? d.dueDate}
            </div>
          ))}
        </Card>
      )}
      <Modal
        open={open}
        title={pick('录入检测结果', 'Add a test result')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={add.isPending}
      >
        <Form form={form} layout="vertical" initialValues={{ testedOn: dayjs() }} onFinish={(x) => add.mutate(x)}>
          <Form.Item name="infection" label={pick('项目', 'Test')} rules={[{ required: true }]}>
            <Select options={Object.keys(INFECTIONS).map((k) => ({ value: k, label: lbl(INFECTIONS, k, lang) }))} />
          </Form.Item>
          <Form.Item name="testedOn" label={pick('检测日期', 'Tested on')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="result" label={pick('结果', 'Result')} rules={[{ required: true }]}>
            <Select
              options={[
                { value: 'negative', label: pick('阴性', 'Negative') },
                { value: 'positive', label: pick('阳性', 'Positive') },
                { value: 'indeterminate', label: pick('不确定', 'Indeterminate') },
              ]}
            />
          </Form.Item>
          <Form.Item name="method" label={pick('方法', 'Method')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

const RISK: Record<string, readonly [string, string]> = {
  low: ['低风险', 'low'],
  intermediate: ['临界风险', 'intermediate'],
  high: ['高风险', 'high'],
};

/** Prenatal screening results and the diagnosis follow-up. */
export function ScreeningPanel(props: { pregnancyId: string; canWrite: boolean; antenatal: boolean }) {
  const { pick, lang } = useI18n();
  const qc = useQueryClient();
  const { applyToForm, showError } = useApiFeedback();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ method: string; screenedOn: Dayjs; t21?: string; t18?: string; ntd?: string }>();
  const q = useQuery({
    queryKey: ['maternal', 'screenings', props.pregnancyId],
    queryFn: () => maternalApi.screenings(props.pregnancyId),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['maternal', 'screenings', props.pregnancyId] });
  const add = useMutation({
    mutationFn: (v: { method: string; screenedOn: Dayjs; t21?: string; t18?: string; ntd?: string }) =>
      maternalApi.addScreening(props.pregnancyId, { ...v, screenedOn: v.screenedOn.format('YYYY-MM-DD') }),
    onSuccess: () => {
      setOpen(false);
      form.resetFields();
      refresh();
    },
    onError: (e) => applyToForm(form, e),
  });
  const diag = useMutation({
    mutationFn: (s: PrenatalScreening) => {
      const result = window.prompt(pick('产前诊断结果', 'Diagnosis result')) ?? '';
      const counselling = window.prompt(pick('咨询结局', 'Counselling outcome')) ?? '';
      return maternalApi.diagnosis(s.id, {
        version: s.version,
        diagnosedOn: dayjs().format('YYYY-MM-DD'),
        diagnosisResult: result || undefined,
        counsellingOutcome: counselling || undefined,
      });
    },
    onSuccess: refresh,
    onError: showError,
  });
  const band = (x: string | null) =>
    x ? <Tag color={x === 'high' ? 'red' : x === 'intermediate' ? 'orange' : 'green'}>{lbl(RISK, x, lang)}</Tag> : '—';
  return (
    <Card
      size="small"
      title={pick('产前筛查与诊断', 'Prenatal screening and diagnosis')}
      extra={
        props.canWrite &&
        props.antenatal && (
          <Button size="small" onClick={() => setOpen(true)}>
            {pick('录入筛查结果', 'Add a screening')}
          </Button>
        )
      }
    >
      <Table<PrenatalScreening>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={q.data ?? []}
        columns={[
          { title: pick('日期', 'Date'), dataIndex: 'screenedOn' },
          { title: pick('孕周', 'GA'), dataIndex: 'gestationalAge' },
          { title: 'T21', dataIndex: 't21', render: band },
          { title: 'T18', dataIndex: 't18', render: band },
          { title: 'NTD', dataIndex: 'ntd', render: band },
          {
            title: pick('随访', 'Follow-up'),
            render: (_: unknown, s) =>
              s.followUp === 'open' ? (
                <Space>
                  <Tag color={s.followUpOverdue ? 'red' : 'orange'}>{s.followUpDue}</Tag>
                  {props.canWrite && (
                    <Button size="small" onClick={() => diag.mutate(s)}>
                      {pick('记录诊断', 'Record diagnosis')}
                    </Button>
                  )}
                  {props.canWrite && s.diagnosisResult && <BirthDefectCardButton prenatalDiagnosisId={s.id} />}
                </Space>
              ) : s.followUp === 'closed' ? (
                <Space wrap>
                  {`${s.diagnosisResult ?? ''} ${s.counsellingOutcome ?? ''}`}
                  {props.canWrite && s.diagnosisResult && <BirthDefectCardButton prenatalDiagnosisId={s.id} />}
                </Space>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Modal
        open={open}
        title={pick('产前筛查结果', 'Screening result')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={add.isPending}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ screenedOn: dayjs(), method: 'serum_second' }}
          onFinish={(x) => add.mutate(x)}
        >
          <Form.Item name="method" label={pick('方法', 'Method')}>
            <Select
              options={[
                { value: 'serum_first', label: pick('孕早期血清学', 'First-trimester serum') },
                { value: 'serum_second', label: pick('孕中期血清学', 'Second-trimester serum') },
                { value: 'cfdna', label: 'NIPT' },
                { value: 'ultrasound_markers', label: pick('超声软指标', 'Ultrasound markers') },
              ]}
            />
          </Form.Item>
          <Form.Item name="screenedOn" label={pick('日期', 'Date')}>
            <DatePicker />
          </Form.Item>
          {(['t21', 't18', 'ntd'] as const).map((k) => (
            <Form.Item key={k} name={k} label={k.toUpperCase()}>
              <Select allowClear options={Object.keys(RISK).map((r) => ({ value: r, label: lbl(RISK, r, lang) }))} />
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </Card>
  );
}
