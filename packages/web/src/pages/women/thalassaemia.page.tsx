import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Segmented,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
} from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { buildUrl } from '../../api/client';
import { useApiFeedback } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { useCommonFilters } from './list-filters';
import { PersonPicker } from './person-picker';
import { thalApi, type ThalCouple, type ThalTestListItem } from './women.api';
import { CARRIER, RETEST_REASON, THAL_ACTION, THAL_KIND, THAL_RISK, lab, options } from './women-labels';

interface TestValues {
  personId: string;
  kind: string;
  testDate: Dayjs;
  mcvFl?: number;
  mchPg?: number;
  hba2Pct?: number;
  geneResult?: string;
  carrierStatus?: string;
  retestReason?: string;
}

/** Record a result: first asks whether a valid result is already on file (then a reason is needed). */
export function ThalTestModal(props: { open: boolean; personId?: string; onClose(): void }) {
  const { lang, pick } = useI18n();
  const qc = useQueryClient();
  const { applyToForm } = useApiFeedback();
  const [form] = Form.useForm<TestValues>();
  const personId = Form.useWatch('personId', form);
  const kind = Form.useWatch('kind', form);
  const retest = useQuery({
    queryKey: ['thal-retest', personId, kind],
    queryFn: () => thalApi.retest(personId, kind),
    enabled: !!personId && !!kind,
  });
  const save = useMutation({
    mutationFn: (v: TestValues) => thalApi.record({ ...v, testDate: v.testDate.format('YYYY-MM-DD') }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['thal'] });
      props.onClose();
      form.resetFields();
    },
    onError: (e) => applyToForm(form, e),
  });
  return (
    <Modal
      open={props.open}
      title={pick('登记地贫检测', 'Record a thalassaemia test')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<TestValues>
        form={form}
        layout="vertical"
        initialValues={{ personId: props.personId, kind: 'blood_indices', testDate: dayjs() }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="personId" label={pick('受检者', 'Person')} rules={[{ required: true }]}>
          <PersonPicker />
        </Form.Item>
        <Form.Item name="kind" label={pick('检测类型', 'Kind')} rules={[{ required: true }]}>
          <Select options={options(THAL_KIND, lang)} />
        </Form.Item>
        {retest.data && (
          <Alert
            style={{ marginBottom: 12 }}
            type={retest.data.retest ? 'info' : 'warning'}
            data-testid="thal-retest"
            message={`${lab(RETEST_REASON, retest.data.reason, lang)}${retest.data.reuse ? `（${retest.data.reuse.date}）` : ''}`}
          />
        )}
        <Form.Item name="testDate" label={pick('检测日期', 'Date')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        {kind !== 'gene_test' && (
          <Space>
            <Form.Item name="mcvFl" label="MCV fL">
              <InputNumber min={30} max={150} step={0.1} />
            </Form.Item>
            <Form.Item name="mchPg" label="MCH pg">
              <InputNumber min={10} max={50} step={0.1} />
            </Form.Item>
            {kind === 'hb_analysis' && (
              <Form.Item name="hba2Pct" label="HbA2 %">
                <InputNumber min={0.1} max={15} step={0.1} />
              </Form.Item>
            )}
          </Space>
        )}
        {kind === 'gene_test' && (
          <>
            <Form.Item name="geneResult" label={pick('基因型', 'Genotype')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="carrierStatus" label={pick('携带状态', 'Carrier status')} rules={[{ required: true }]}>
              <Select options={options(CARRIER, lang)} />
            </Form.Item>
          </>
        )}
        {retest.data && !retest.data.retest && (
          <Form.Item name="retestReason" label={pick('复查理由', 'Reason to test again')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function Couples() {
  const { lang, pick } = useI18n();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const { applyToForm, showError } = useApiFeedback();
  const [view, setView] = useState<'pending' | 'overdue' | 'all'>('pending');
  const [risk, setRisk] = useState<string | undefined>();
  const common = useCommonFilters({ institution: false, datesLabel: ['评估', 'Assessed'] });
  const { page, setPage } = common;
  const [form] = Form.useForm<{ femalePersonId: string; malePersonId: string }>();
  const filter = {
    ...common.values,
    risk,
    pending: view === 'pending' ? 'true' : undefined,
    overdue: view === 'overdue' ? 'true' : undefined,
  };
  const list = useQuery({
    queryKey: ['thal', 'couples', filter, page],
    queryFn: () => thalApi.couples({ ...filter, page, pageSize: 20 }),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['thal'] });
  const create = useMutation({
    mutationFn: (v: { femalePersonId: string; malePersonId: string }) => thalApi.couple(v),
    onSuccess: (c) => {
      void message.info(`${pick('评估结果', 'Result')}: ${lab(THAL_RISK, c.risk, lang)}`);
      form.resetFields();
      refresh();
    },
    onError: (e) => applyToForm(form, e),
  });
  const act = useMutation({
    mutationFn: (a: { c: ThalCouple; op: 'reassess' | 'counsel' }) =>
      a.op === 'reassess'
        ? thalApi.reassess(a.c.id, a.c.version)
        : thalApi.counselling(a.c.id, {
            version: a.c.version,
            date: dayjs().format('YYYY-MM-DD'),
            prenatalDiagnosisReferred: a.c.actions.includes('prenatal_diagnosis'),
          }),
    onSuccess: refresh,
    onError: showError,
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form form={form} layout="inline" onFinish={(v) => create.mutate(v)}>
        <Form.Item name="femalePersonId" label={pick('女方', 'Woman')} rules={[{ required: true }]}>
          <PersonPicker sex="female" style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="malePersonId" label={pick('男方', 'Man')} rules={[{ required: true }]}>
          <PersonPicker sex="male" style={{ width: 240 }} />
        </Form.Item>
        <Button htmlType="submit" loading={create.isPending}>
          {pick('评估夫妇风险', 'Assess the couple')}
        </Button>
      </Form>
      <Space wrap>
        <Segmented<'pending' | 'overdue' | 'all'>
          value={view}
          onChange={(v) => {
            setView(v);
            common.reset();
          }}
          data-testid="thal-couples-view"
          options={[
            { value: 'pending', label: pick('待遗传咨询', 'Pending counselling') },
            { value: 'overdue', label: pick('咨询逾期', 'Counselling overdue') },
            { value: 'all', label: pick('全部', 'All') },
          ]}
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={pick('风险', 'Risk')}
          value={risk}
          onChange={(v) => {
            setRisk(v);
            common.reset();
          }}
          options={options(THAL_RISK, lang)}
        />
        {common.controls}
        <Button icon={<DownloadOutlined />} href={buildUrl('/thalassaemia-couples/export.xlsx', filter)}>
          {pick('导出Excel', 'Export xlsx')}
        </Button>
      </Space>
      <Table<ThalCouple>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          {
            title: pick('女方', 'Woman'),
            render: (_: unknown, r) => <Link to={`/women/people/${r.femalePersonId}`}>{r.femaleName ?? '—'}</Link>,
          },
          {
            title: pick('女方状态', 'Her status'),
            dataIndex: 'femaleStatus',
            render: (v: string) => lab(CARRIER, v, lang),
          },
          {
            title: pick('男方', 'Man'),
            render: (_: unknown, r) => <Link to={`/women/people/${r.malePersonId}`}>{r.maleName ?? '—'}</Link>,
          },
          {
            title: pick('男方状态', 'His status'),
            dataIndex: 'maleStatus',
            render: (v: string) => lab(CARRIER, v, lang),
          },
          {
            title: pick('风险', 'Risk'),
            dataIndex: 'risk',
            render: (v: string) => (
              <Tag color={v === 'high' ? 'red' : v === 'low' ? 'green' : 'orange'}>{lab(THAL_RISK, v, lang)}</Tag>
            ),
          },
          {
            title: pick('建议', 'Actions'),
            render: (_: unknown, r) => r.actions.map((a) => lab(THAL_ACTION, a, lang)).join('、') || '—',
          },
          {
            title: pick('遗传咨询', 'Counselling'),
            render: (_: unknown, r) =>
              r.counsellingOn ??
              (r.counsellingDue ? (
                <Tag color={r.counsellingOverdue ? 'red' : 'orange'}>
                  {pick('期限', 'due')} {r.counsellingDue}
                </Tag>
              ) : (
                '—'
              )),
          },
          {
            title: '',
            render: (_: unknown, r) => (
              <Space>
                <Button size="small" onClick={() => act.mutate({ c: r, op: 'reassess' })}>
                  {pick('重新评估', 'Re-assess')}
                </Button>
                {r.pending && (
                  <Button size="small" type="primary" onClick={() => act.mutate({ c: r, op: 'counsel' })}>
                    {pick('登记咨询', 'Counselled')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}

/** 地贫防控: test results (reused across programmes) and couples at risk. */
export function ThalassaemiaPage() {
  const { lang, pick } = useI18n();
  const [open, setOpen] = useState(false);
  const [carrier, setCarrier] = useState(false);
  const [kind, setKind] = useState<string | undefined>();
  const common = useCommonFilters({ datesLabel: ['检测', 'Tested'] });
  const { page, setPage } = common;
  const filter = { ...common.values, kind, carrier: carrier ? 'true' : undefined };
  const list = useQuery({
    queryKey: ['thal', 'tests', filter, page],
    queryFn: () => thalApi.tests({ ...filter, page, pageSize: 20 }),
  });
  return (
    <>
      <PageHeader
        title={pick('地中海贫血防控', 'Thalassaemia prevention')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={buildUrl('/thalassaemia-tests/export.xlsx', filter)}>
              {pick('导出Excel', 'Export xlsx')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              {pick('登记检测', 'Record a test')}
            </Button>
          </>
        }
      />
      <Card>
        <Tabs
          items={[
            {
              key: 'tests',
              label: pick('检测结果', 'Tests'),
              children: (
                <>
                  <Space wrap style={{ marginBottom: 12 }}>
                    <Button
                      type={carrier ? 'primary' : 'default'}
                      onClick={() => {
                        setCarrier(!carrier);
                        common.reset();
                      }}
                    >
                      {pick('仅看携带者/疑似', 'Carriers only')}
                    </Button>
                    <Select
                      allowClear
                      style={{ width: 160 }}
                      placeholder={pick('检测类型', 'Kind')}
                      value={kind}
                      onChange={(v) => {
                        setKind(v);
                        common.reset();
                      }}
                      options={options(THAL_KIND, lang)}
                    />
                    {common.controls}
                  </Space>
                  <Table<ThalTestListItem>
                    rowKey="id"
                    size="small"
                    loading={list.isLoading}
                    dataSource={list.data?.items ?? []}
                    pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
                    columns={[
                      {
                        title: pick('姓名', 'Name'),
                        render: (_: unknown, r) => <Link to={`/women/people/${r.personId}`}>{r.personName}</Link>,
                      },
                      { title: pick('证件号码', 'ID'), dataIndex: 'idNumberMasked' },
                      { title: pick('日期', 'Date'), dataIndex: 'testDate' },
                      {
                        title: pick('类型', 'Kind'),
                        dataIndex: 'kind',
                        render: (v: string) => lab(THAL_KIND, v, lang),
                      },
                      {
                        title: 'MCV/MCH/HbA2',
                        render: (_: unknown, r) => [r.mcvFl, r.mchPg, r.hba2Pct].map((x) => x ?? '—').join(' / '),
                      },
                      { title: pick('基因型', 'Genotype'), dataIndex: 'geneResult' },
                      {
                        title: pick('携带状态', 'Status'),
                        dataIndex: 'carrierStatus',
                        render: (v: string) => lab(CARRIER, v, lang),
                      },
                      { title: pick('机构', 'Institution'), dataIndex: 'institutionName' },
                    ]}
                  />
                </>
              ),
            },
            { key: 'couples', label: pick('夫妇风险', 'Couples'), children: <Couples /> },
          ]}
        />
      </Card>
      <ThalTestModal open={open} onClose={() => setOpen(false)} />
    </>
  );
}
