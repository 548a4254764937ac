import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { useHasPermission } from '../../app/auth';
import { useApiFeedback } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import type { ChildCase } from './child.api';
import { CASE_KIND, CASE_STATUS, SEVERITY, lbl } from './child-labels';

interface CaseDetail extends ChildCase {
  childName: string;
  birthDate: string | null;
  criteria: { zh: string; en: string }[];
  followups: {
    id: string;
    followupDate: string;
    weightKg: number | null;
    lengthCm: number | null;
    hbGL: number | null;
    zscores: Record<string, number>;
    severity: string | null;
    treatment: string | null;
    nextDue: string | null;
  }[];
  referrals: {
    id: string;
    referredOn: string;
    toInstitutionName: string | null;
    reason: string;
    status: string;
    receiptOn: string | null;
    receiptDiagnosis: string | null;
    version: number;
  }[];
}

const d = (v?: Dayjs) => v?.format('YYYY-MM-DD');

/** One case: follow-ups (with re-computed z-scores), referrals with receipts, closure. */
export function CaseDetailPage() {
  const { caseId = '' } = useParams();
  const { lang, pick } = useI18n();
  const qc = useQueryClient();
  const canWrite = useHasPermission('care.write');
  const { applyToForm, showError } = useApiFeedback();
  const [fuForm] = Form.useForm();
  const [refForm] = Form.useForm();
  const [closeForm] = Form.useForm();
  const [closureHint, setClosureHint] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['child-case', caseId],
    queryFn: () => api.get<CaseDetail>(`/child-cases/${caseId}`),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['child-case', caseId] });
  const addFu = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      api.post<{ closure: { met: boolean; reasonsZh: string[]; reasonsEn: string[] } }>(
        `/child-cases/${caseId}/followups`,
        {
          ...v,
          followupDate: d(v.followupDate as Dayjs),
          nextDue: d(v.nextDue as Dayjs | undefined),
        },
      ),
    onSuccess: (r) => {
      fuForm.resetFields();
      setClosureHint(
        r.closure.met
          ? pick('已达到结案标准', 'Closure criteria met')
          : pick(r.closure.reasonsZh.join('；'), r.closure.reasonsEn.join('; ')) || null,
      );
      refresh();
    },
    onError: (e) => applyToForm(fuForm, e),
  });
  const refer = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      api.post(`/child-cases/${caseId}/referrals`, { ...v, referredOn: d(v.referredOn as Dayjs) }),
    onSuccess: () => {
      refForm.resetFields();
      refresh();
    },
    onError: (e) => applyToForm(refForm, e),
  });
  const receipt = useMutation({
    mutationFn: (r: { id: string; version: number; diagnosis: string }) =>
      api.post(`/child-referrals/${r.id}/receipt`, {
        version: r.version,
        receiptOn: dayjs().format('YYYY-MM-DD'),
        diagnosis: r.diagnosis,
      }),
    onSuccess: refresh,
    onError: showError,
  });
  const close = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      api.post(`/child-cases/${caseId}/close`, { ...v, closedOn: d(v.closedOn as Dayjs), version: q.data?.version }),
    onSuccess: refresh,
    onError: (e) => applyToForm(closeForm, e),
  });
  if (q.isLoading || !q.data) return <Skeleton active />;
  const c = q.data;
  const open = c.status === 'open' && canWrite;
  return (
    <>
      <PageHeader
        title={`${lbl(CASE_KIND, c.kind, lang)} · ${c.childName}`}
        breadcrumb={[
          { title: pick('台账', 'Ledger'), to: '/child-cases' },
          { title: <Link to={`/children/${c.personId}`}>{c.childName}</Link> },
        ]}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={pick('状态', 'Status')}>
            <Tag>{lbl(CASE_STATUS, c.status, lang)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={pick('程度', 'Severity')}>{lbl(SEVERITY, c.severity, lang)}</Descriptions.Item>
          <Descriptions.Item label={pick('建案日期', 'Opened')}>{c.openedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={pick('下次随访', 'Next follow-up')}>
            {c.nextFollowUpDue ? <Tag color={c.overdue ? 'red' : 'blue'}>{c.nextFollowUpDue}</Tag> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={pick('依据', 'Criteria')}>
            {c.criteria.map((x) => pick(x.zh, x.en)).join('；') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={pick('转归', 'Outcome')}>{c.outcome ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      {closureHint && <Alert style={{ marginBottom: 16 }} type="info" showIcon message={closureHint} />}
      <Card size="small" title={pick('随访记录', 'Follow-ups')} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={c.followups}
          columns={[
            { title: pick('日期', 'Date'), dataIndex: 'followupDate' },
            { title: pick('体重', 'Weight'), dataIndex: 'weightKg' },
            { title: pick('身长', 'Length'), dataIndex: 'lengthCm' },
            { title: 'Hb', dataIndex: 'hbGL' },
            {
              title: 'Z',
              render: (_: unknown, r) =>
                Object.entries(r.zscores)
                  .map(([k, v]) => `${k} ${v}`)
                  .join(' · '),
            },
            { title: pick('处理', 'Treatment'), dataIndex: 'treatment' },
            { title: pick('下次', 'Next'), dataIndex: 'nextDue' },
          ]}
        />
        {open && (
          <Form
            form={fuForm}
            layout="inline"
            style={{ marginTop: 12, rowGap: 8 }}
            initialValues={{ followupDate: dayjs() }}
            onFinish={(v) => addFu.mutate(v)}
          >
            <Form.Item name="followupDate" rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="weightKg">
              <InputNumber placeholder={pick('体重kg', 'kg')} step={0.01} />
            </Form.Item>
            <Form.Item name="lengthCm">
              <InputNumber placeholder={pick('身长cm', 'cm')} step={0.1} />
            </Form.Item>
            <Form.Item name="hbGL">
              <InputNumber placeholder="Hb g/L" />
            </Form.Item>
            <Form.Item name="treatment">
              <Input placeholder={pick('治疗/指导', 'Treatment')} />
            </Form.Item>
            <Form.Item name="nextDue">
              <DatePicker placeholder={pick('下次随访', 'Next due')} />
            </Form.Item>
            <Button htmlType="submit" type="primary" loading={addFu.isPending}>
              {pick('记录随访', 'Add follow-up')}
            </Button>
          </Form>
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title={pick('转诊与回执', 'Referrals and receipts')}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={c.referrals}
              columns={[
                { title: pick('日期', 'Date'), dataIndex: 'referredOn' },
                { title: pick('转至', 'To'), dataIndex: 'toInstitutionName' },
                { title: pick('原因', 'Reason'), dataIndex: 'reason' },
                {
                  title: pick('回执', 'Receipt'),
                  render: (_: unknown, r) =>
                    r.status === 'received' ? (
                      `${r.receiptOn} ${r.receiptDiagnosis ?? ''}`
                    ) : canWrite ? (
                      <Input.Search
                        size="small"
                        placeholder={pick('回执诊断', 'Diagnosis')}
                        enterButton={pick('登记', 'Save')}
                        onSearch={(diagnosis) =>
                          diagnosis && receipt.mutate({ id: r.id, version: r.version, diagnosis })
                        }
                      />
                    ) : (
                      <Tag>{pick('待回执', 'Awaiting')}</Tag>
                    ),
                },
              ]}
            />
            {open && (
              <Form
                form={refForm}
                layout="inline"
                style={{ marginTop: 12, rowGap: 8 }}
                initialValues={{ referredOn: dayjs() }}
                onFinish={(v) => refer.mutate(v)}
              >
                <Form.Item name="referredOn" rules={[{ required: true }]}>
                  <DatePicker />
                </Form.Item>
                <Form.Item name="toInstitutionName" rules={[{ required: true }]}>
                  <Input placeholder={pick('转入机构', 'Receiving institution')} />
                </Form.Item>
                <Form.Item name="reason" rules={[{ required: true }]}>
                  <Input placeholder={pick('转诊原因', 'Reason')} />
                </Form.Item>
                <Button htmlType="submit" loading={refer.isPending}>
                  {pick('转诊', 'Refer')}
                </Button>
              </Form>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          {open && (
            <Card size="small" title={pick('结案', 'Close the case')}>
              <Form
                form={closeForm}
                layout="vertical"
                initialValues={{ closedOn: dayjs(), outcome: 'cured', override: false }}
                onFinish={(v) => close.mutate(v)}
              >
                <Space>
                  <Form.Item name="closedOn" label={pick('结案日期', 'Date')}>
                    <DatePicker />
                  </Form.Item>
                  <Form.Item name="outcome" label={pick('转归', 'Outcome')}>
                    <Select
                      style={{ width: 140 }}
                      options={[
                        ['cured', '治愈', 'Cured'],
                        ['improved', '好转', 'Improved'],
                        ['unchanged', '未愈', 'Unchanged'],
                        ['transferred', '转出', 'Transferred'],
                        ['lost', '失访', 'Lost'],
                        ['aged_out', '超龄', 'Aged out'],
                        ['other', '其他', 'Other'],
                      ].map(([value, zh, en]) => ({ value, label: pick(zh!, en!) }))}
                    />
                  </Form.Item>
                </Space>
                <Form.Item name="note" label={pick('说明', 'Note')}>
                  <Input />
                </Form.Item>
                <Button htmlType="submit" danger loading={close.isPending}>
                  {pick('结案', 'Close')}
                </Button>
              </Form>
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
