import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useApiFeedback } from '../../components/api-feedback';
import { useI18n } from '../../i18n/i18n-provider';
import { INFECTIONS, lbl } from './maternal-labels';
import { BirthDefectCardButton } from '../women/birth-defect-card';
import { maternalApi, type PrenatalScreening } from './maternal.api';

const TREATMENT_KINDS: Record<string, readonly [string, string]> = {
  art: ['抗病毒治疗（ART）', 'Antiretroviral therapy (ART)'],
  penicillin_course: ['苄星青霉素治疗（1个疗程）', 'Benzathine penicillin course'],
  hbv_antiviral: ['乙肝抗病毒（替诺福韦）', 'HBV antiviral (tenofovir)'],
  other: ['其他', 'Other'],
};

interface TestValues {
  infection: string;
  testedOn: Dayjs;
  result: string;
  method?: string;
  titre?: string;
  hbeagPositive?: boolean;
  hbvDnaIuPerMl?: number;
  atLabour?: boolean;
}
interface TreatmentValues {
  infection: string;
  dutyCode?: string;
  kind: string;
  startedOn: Dayjs;
  detail?: string;
  highExposure?: boolean;
}

/**
 * PMTCT of HIV, syphilis and hepatitis B (restricted to the pmtct permission): the three tests with the early-test,
 * first-visit and labour flags, the record's maternal duties with the treatments that meet them, and the infant's
 * birth duties (opened on the child at delivery).
 */
export function PmtctPanel(props: { pregnancyId: string; canWrite: boolean; onChanged(): void }) {
  const { pick, lang } = useI18n();
  const qc = useQueryClient();
  const { applyToForm } = useApiFeedback();
  const [open, setOpen] = useState<null | 'test' | 'treatment'>(null);
  const [form] = Form.useForm<TestValues>();
  const [tform] = Form.useForm<TreatmentValues>();
  const infection = Form.useWatch('infection', form) as string | undefined;
  const q = useQuery({
    queryKey: ['maternal', 'pmtct', props.pregnancyId],
    queryFn: () => maternalApi.pmtct(props.pregnancyId),
  });
  const done = () => {
    setOpen(null);
    form.resetFields();
    tform.resetFields();
    void qc.invalidateQueries({ queryKey: ['maternal', 'pmtct', props.pregnancyId] });
    props.onChanged();
  };
  const add = useMutation({
    mutationFn: (v: TestValues) =>
      maternalApi.addPmtctTest(props.pregnancyId, {
        infection: v.infection,
        testedOn: v.testedOn.format('YYYY-MM-DD'),
        result: v.result,
        method: v.method || undefined,
        titre: v.titre || undefined,
        hbeagPositive: v.hbeagPositive,
        hbvDnaIuPerMl: v.hbvDnaIuPerMl,
        atLabour: v.atLabour ?? false,
      }),
    onSuccess: done,
    onError: (e) => applyToForm(form, e),
  });
  const treat = useMutation({
    mutationFn: (v: TreatmentValues) => {
      const rec = q.data && !q.data.restricted ? q.data.record : null;
      return maternalApi.addPmtctTreatment(props.pregnancyId, {
        version: rec?.version ?? 1,
        infection: v.infection,
        dutyCode: v.dutyCode,
        kind: v.kind,
        startedOn: v.startedOn.format('YYYY-MM-DD'),
        detail: v.detail || undefined,
        ...(v.infection === 'hiv' ? { hivExposure: v.highExposure ? 'high' : 'standard' } : {}),
      });
    },
    onSuccess: done,
    onError: (e) => applyToForm(tform, e),
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
  const resultLabel = (r: string) =>
    r === 'positive'
      ? pick('阳性', 'positive')
      : r === 'negative'
        ? pick('阴性', 'negative')
        : pick('不确定', 'indeterminate');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        size="small"
        title={pick('三病检测', 'HIV, syphilis, hepatitis B tests')}
        extra={
          props.canWrite && (
            <Button size="small" onClick={() => setOpen('test')} data-testid="pmtct-add">
              {pick('录入结果', 'Add a result')}
            </Button>
          )
        }
      >
        <Space wrap style={{ marginBottom: 8 }} data-testid="pmtct-status">
          {v.status.map((s) => (
            <Tag key={s.infection} color={s.positive ? 'purple' : s.tested ? 'green' : 'default'}>
              {lbl(INFECTIONS, s.infection, lang)}：
              {s.tested
                ? s.positive
                  ? pick('阳性', 'positive')
                  : pick('阴性', 'negative')
                : pick('未检测', 'not tested')}
              {s.earlyTest ? pick('（早检）', ' (early)') : ''}
              {s.tested && !s.testedAtFirstVisit ? pick('（非首诊检测）', ' (not at the first visit)') : ''}
            </Tag>
          ))}
        </Space>
        {v.status.some((s) => s.rapidTestAtLabourNeeded) && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            data-testid="pmtct-rapid"
            message={pick(
              `尚未检测：${v.status
                .filter((s) => s.rapidTestAtLabourNeeded)
                .map((s) => lbl(INFECTIONS, s.infection, lang))
                .join('、')}。请尽快检测；临产时仍未检测的，产时快速检测。`,
              `Not tested: ${v.status
                .filter((s) => s.rapidTestAtLabourNeeded)
                .map((s) => lbl(INFECTIONS, s.infection, lang))
                .join(', ')}. Test now; if still untested at labour, use a rapid test.`,
            )}
          />
        )}
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={v.tests}
          columns={[
            { title: pick('项目', 'Test'), dataIndex: 'infection', render: (x: string) => lbl(INFECTIONS, x, lang) },
            { title: pick('日期', 'Date'), dataIndex: 'testedOn' },
            { title: pick('孕周', 'GA'), dataIndex: 'gestationalAge' },
            { title: pick('结果', 'Result'), dataIndex: 'result', render: resultLabel },
            {
              title: pick('说明', 'Notes'),
              render: (_: unknown, t) => (
                <>
                  {t.earlyTest && <Tag>{pick('早检', 'early')}</Tag>}
                  {t.atLabour && <Tag>{pick('产时检测', 'at labour')}</Tag>}
                  {t.titre && <Tag>{t.titre}</Tag>}
                  {t.hbvDnaIuPerMl !== undefined && <Tag>HBV DNA {t.hbvDnaIuPerMl} IU/mL</Tag>}
                </>
              ),
            },
          ]}
        />
      </Card>
      {v.record && (
        <Card
          size="small"
          title={pick('母婴阻断措施', 'PMTCT duties')}
          extra={
            props.canWrite && (
              <Button size="small" onClick={() => setOpen('treatment')} data-testid="pmtct-treat">
                {pick('记录治疗', 'Record a treatment')}
              </Button>
            )
          }
        >
          {v.record.hbvAntiviralIndicated && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              message={pick(
                'HBV DNA≥2×10⁵ IU/mL或HBeAg阳性：孕28–32周起抗病毒治疗',
                'HBV DNA ≥2×10⁵ IU/mL or HBeAg positive: antiviral from 28–32 weeks',
              )}
            />
          )}
          {v.record.maternalDuties.map((d) => (
            <div key={d.code}>
              <Tag color={d.done ? 'green' : 'orange'}>{d.done ? pick('已落实', 'done') : pick('待落实', 'to do')}</Tag>
              {pick(d.zh, d.en)}
            </div>
          ))}
          {v.record.treatments.length > 0 && (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              style={{ marginTop: 8 }}
              dataSource={v.record.treatments}
              columns={[
                {
                  title: pick('感染', 'Infection'),
                  dataIndex: 'infection',
                  render: (x: string) => lbl(INFECTIONS, x, lang),
                },
                {
                  title: pick('治疗', 'Treatment'),
                  dataIndex: 'kind',
                  render: (x: string) => lbl(TREATMENT_KINDS, x, lang),
                },
                { title: pick('开始日期', 'Started'), dataIndex: 'startedOn' },
                { title: pick('说明', 'Detail'), dataIndex: 'detail' },
              ]}
            />
          )}
          {v.infantPlan?.duties.map((d) => (
            <div key={d.code}>
              <Tag color="blue">{pick('新生儿', 'infant')}</Tag>
              {pick(d.zh, d.en)} {d.dueBy ?? d.dueDate}
            </div>
          ))}
        </Card>
      )}
      <Modal
        open={open === 'test'}
        destroyOnHidden
        title={pick('录入检测结果', 'Add a test result')}
        onCancel={() => setOpen(null)}
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
            <Input placeholder={pick('如：ELISA、快速检测、TPPA、RPR', 'e.g. ELISA, rapid test, TPPA, RPR')} />
          </Form.Item>
          {infection === 'syphilis' && (
            <Form.Item name="titre" label={pick('非梅毒螺旋体抗体滴度', 'Non-treponemal titre')}>
              <Input placeholder="1:8" />
            </Form.Item>
          )}
          {infection === 'hbv' && (
            <Space wrap>
              <Form.Item name="hbeagPositive" label="HBeAg" valuePropName="checked">
                <Checkbox>{pick('阳性', 'positive')}</Checkbox>
              </Form.Item>
              <Form.Item name="hbvDnaIuPerMl" label="HBV DNA (IU/mL)">
                <InputNumber min={0} style={{ width: 180 }} />
              </Form.Item>
            </Space>
          )}
          <Form.Item name="atLabour" valuePropName="checked">
            <Checkbox>{pick('产时（临产后）检测', 'Tested at labour')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={open === 'treatment'}
        destroyOnHidden
        title={pick('记录孕产妇治疗', 'Record a maternal treatment')}
        onCancel={() => setOpen(null)}
        onOk={() => tform.submit()}
        confirmLoading={treat.isPending}
      >
        <Form
          form={tform}
          layout="vertical"
          initialValues={{ startedOn: dayjs(), infection: v.record?.infections[0] }}
          onFinish={(x) => treat.mutate(x)}
        >
          <Form.Item name="infection" label={pick('感染', 'Infection')} rules={[{ required: true }]}>
            <Select
              options={(v.record?.infections ?? []).map((k) => ({ value: k, label: lbl(INFECTIONS, k, lang) }))}
            />
          </Form.Item>
          <Form.Item name="dutyCode" label={pick('落实的措施', 'Duty it meets')}>
            <Select
              allowClear
              options={(v.record?.maternalDuties ?? []).map((d) => ({ value: d.code, label: pick(d.zh, d.en) }))}
            />
          </Form.Item>
          <Form.Item name="kind" label={pick('治疗', 'Treatment')} rules={[{ required: true }]}>
            <Select
              options={Object.keys(TREATMENT_KINDS).map((k) => ({ value: k, label: lbl(TREATMENT_KINDS, k, lang) }))}
            />
          </Form.Item>
          <Form.Item name="startedOn" label={pick('开始日期', 'Started on')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="detail" label={pick('方案、剂量', 'Regimen, dose')}>
            <Input />
          </Form.Item>
          <Form.Item name="highExposure" valuePropName="checked">
            <Checkbox>
              {pick('HIV高暴露风险（新生儿加强预防）', 'High HIV exposure (enhanced infant prophylaxis)')}
            </Checkbox>
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
