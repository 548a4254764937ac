import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
} from 'antd';
import type { ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../api/client';
import { useCurrentUser } from '../../app/auth';
import { useApiFeedback, useErrorText } from '../../components/api-feedback';
import { InstitutionSelect } from '../../components/institution-select';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import {
  CLOSE_REASONS,
  ColourChips,
  FOLLOWUP_METHODS,
  HOSPITAL_DUTY,
  REFERRAL_STATUS,
  URGENCY,
  lbl,
} from './maternal-labels';
import { maternalApi, type CaseDetail, type Referral } from './maternal.api';

type Dialog = null | 'plan' | 'followup' | 'refer' | 'close' | { kind: 'outcome'; referral: Referral };

/** 高危专案: reports (acknowledged by the county supervisor), plan, follow-ups, referrals with receipt, closure. */
export function CasePage() {
  const { caseId = '' } = useParams();
  const { pick, lang } = useI18n();
  const me = useCurrentUser();
  const can = (p: string) => me.permissions.includes(p);
  const qc = useQueryClient();
  const { message, modal } = AntApp.useApp();
  const { applyToForm, showError } = useApiFeedback();
  const errorText = useErrorText();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['maternal', 'case', caseId], queryFn: () => maternalApi.caseDetail(caseId) });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['maternal'] });
  const done = (msg: string) => () => {
    void message.success(msg);
    setDialog(null);
    form.resetFields();
    refresh();
  };
  const ack = useMutation({
    mutationFn: maternalApi.acknowledge,
    onSuccess: done(pick('已确认', 'Acknowledged')),
    onError: showError,
  });
  const receive = useMutation({
    mutationFn: (r: Referral) =>
      maternalApi.receive(r.id, { version: r.version, receivedOn: dayjs().format('YYYY-MM-DD') }),
    onSuccess: done(pick('已接收', 'Received')),
    onError: showError,
  });
  const submit = useMutation({
    mutationFn: async (v: Record<string, unknown>) => {
      const c = q.data as CaseDetail;
      const day = (x: unknown) => (x ? (x as Dayjs).format('YYYY-MM-DD') : undefined);
      if (dialog === 'plan')
        return maternalApi.updateCase(c.id, {
          version: c.version,
          plan: v.plan || undefined,
          emergencyPlan: v.emergencyPlan || undefined,
          managingInstitutionId: v.managingInstitutionId ?? undefined,
          deliveryHospitalId: v.deliveryHospitalId ?? undefined,
        });
      if (dialog === 'followup')
        return maternalApi.followup(c.id, {
          followupDate: day(v.followupDate),
          method: v.method,
          condition: v.condition || undefined,
          management: v.management || undefined,
          nextDue: day(v.nextDue),
        });
      if (dialog === 'refer')
        return maternalApi.refer(c.pregnancyId, {
          caseId: c.id,
          referredOn: day(v.referredOn),
          toInstitutionId: v.toInstitutionId ?? undefined,
          reason: v.reason,
          urgency: v.urgency ?? 'routine',
        });
      if (dialog === 'close') {
        const ok = await new Promise<boolean>((resolve) =>
          modal.confirm({
            title: pick('确认结案？', 'Close the case?'),
            content: pick(
              `专案将以"${lbl(CLOSE_REASONS, v.reason as string, lang)}"结案，结案后不能再随访、转诊或修改计划。`,
              `The case closes as "${lbl(CLOSE_REASONS, v.reason as string, lang)}"; no follow-up, referral or plan change afterwards.`,
            ),
            okText: pick('确认结案', 'Close'),
            cancelText: pick('取消', 'Cancel'),
            okButtonProps: { danger: true, 'data-testid': 'close-confirm' } as ButtonProps,
            onOk: () => resolve(true),
            onCancel: () => resolve(false),
          }),
        );
        if (!ok) return undefined;
        return maternalApi.closeCase(c.id, {
          version: c.version,
          closedOn: day(v.closedOn),
          reason: v.reason,
          note: v.note || undefined,
        });
      }
      if (dialog && typeof dialog === 'object')
        return maternalApi.outcome(dialog.referral.id, {
          version: dialog.referral.version,
          outcomeOn: day(v.outcomeOn),
          outcome: v.outcome,
        });
      return undefined;
    },
    onSuccess: (r) => (r === undefined ? undefined : done(pick('已保存', 'Saved'))()),
    onError: (e) => applyToForm(form, e),
  });
  /** The receipt is the receiving side's: its own users or an MCH supervisor (or anyone for an outside hospital). */
  const canReceive = (r: Referral) =>
    can('care.write') && (!r.toInstitutionId || r.toInstitutionId === me.institutionId || can('care.supervise'));

  if (q.isPending) return <Skeleton active />;
  if (q.isError)
    return (
      <Result
        status={q.error instanceof ApiError && q.error.status === 404 ? '404' : 'error'}
        title={errorText(q.error)}
      />
    );
  const c = q.data;
  const open = c.status === 'open';
  const write = can('care.write') && open;
  const date = (name: string, label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true }]} initialValue={dayjs()}>
      <DatePicker data-testid={`case-${name}`} />
    </Form.Item>
  );
  return (
    <>
      <PageHeader
        breadcrumb={[
          { title: pick('高危孕产妇台账', 'High-risk ledger'), to: '/maternal/high-risk' },
          { title: c.womanName },
        ]}
        title={
          <Space>
            <Link to={`/maternal/women/${c.personId}?pregnancyId=${c.pregnancyId}`} data-testid="case-woman">
              {c.womanName}
            </Link>
            <ColourChips colour={c.colour} purple={c.purple} lang={lang} testId="case-colour" />
            <Tag data-testid="case-status">{open ? pick('在管', 'Open') : lbl(CLOSE_REASONS, c.closeReason, lang)}</Tag>
          </Space>
        }
        extra={
          write && (
            <>
              <Button onClick={() => setDialog('plan')} data-testid="case-plan">
                {pick('管理计划', 'Plan')}
              </Button>
              <Button onClick={() => setDialog('followup')} data-testid="case-followup">
                {pick('随访', 'Follow-up')}
              </Button>
              <Button onClick={() => setDialog('refer')} data-testid="case-refer">
                {pick('转诊', 'Refer')}
              </Button>
              <Button danger onClick={() => setDialog('close')} data-testid="case-close">
                {pick('结案', 'Close')}
              </Button>
            </>
          )
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={pick('专案', 'Case')} style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={pick('建案日期', 'Opened')}>{c.openedOn}</Descriptions.Item>
              <Descriptions.Item label={pick('高危因素', 'Reasons')}>
                {c.reasons.map((r) => pick(r.zh, r.en ?? r.zh)).join('；')}
              </Descriptions.Item>
              <Descriptions.Item label={pick('管理机构', 'Managed by')}>
                {c.managingInstitutionName ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={pick('管理计划', 'Plan')}>{c.plan ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={pick('应急预案', 'Emergency plan')}>{c.emergencyPlan ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={pick('分娩医院', 'Delivery hospital')}>
                <span data-testid="case-delivery-hospital">{c.deliveryHospitalName ?? '—'}</span>
                {c.deliveryHospitalDuty && c.deliveryHospitalDuty.status !== 'done' && (
                  <Tag
                    style={{ marginLeft: 8 }}
                    color={
                      c.deliveryHospitalDuty.status === 'overdue'
                        ? 'red'
                        : c.deliveryHospitalDuty.status === 'due'
                          ? 'orange'
                          : 'default'
                    }
                    data-testid="case-hospital-duty"
                  >
                    {lbl(HOSPITAL_DUTY, c.deliveryHospitalDuty.status, lang)}（{c.deliveryHospitalDuty.windowStart}~
                    {c.deliveryHospitalDuty.windowEnd}）
                  </Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={pick('下次随访', 'Next follow-up')}>
                {c.nextFollowUpDue ? <Tag color={c.followUpOverdue ? 'red' : 'blue'}>{c.nextFollowUpDue}</Tag> : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={pick('预产期', 'EDD')}>{c.edd}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={pick('高危报告（报县妇幼保健院）', 'Reports to the county MCH institute')}
            style={{ marginBottom: 16 }}
          >
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={c.reports}
              data-testid="report-table"
              columns={[
                {
                  title: pick('颜色', 'Colour'),
                  render: (_: unknown, r) => <ColourChips colour={r.colour} purple={r.purple} lang={lang} />,
                },
                {
                  title: pick('报告时间', 'Reported'),
                  render: (_: unknown, r) => new Date(r.reportedAt).toLocaleString(lang),
                },
                {
                  title: pick('时限', 'Due'),
                  render: (_: unknown, r) =>
                    r.dueAt ? (
                      <Tag color={r.overdue ? 'red' : 'blue'}>{new Date(r.dueAt).toLocaleString(lang)}</Tag>
                    ) : (
                      '—'
                    ),
                },
                {
                  title: pick('确认', 'Acknowledged'),
                  render: (_: unknown, r) =>
                    r.acknowledgedAt ? (
                      <Tag color="green" data-testid="report-acknowledged">
                        {r.acknowledgedByName} {new Date(r.acknowledgedAt).toLocaleDateString(lang)}
                      </Tag>
                    ) : can('care.supervise') ? (
                      <Button
                        size="small"
                        type="primary"
                        loading={ack.isPending}
                        onClick={() => ack.mutate(r.id)}
                        data-testid="report-ack"
                      >
                        {pick('确认收到', 'Acknowledge')}
                      </Button>
                    ) : (
                      <Tag color="orange">{pick('待确认', 'pending')}</Tag>
                    ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={pick('转诊（回执）', 'Referrals with receipt')} style={{ marginBottom: 16 }}>
        <Table<Referral>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={c.referrals}
          data-testid="referral-table"
          columns={[
            { title: pick('日期', 'Date'), dataIndex: 'referredOn' },
            { title: pick('转入', 'To'), dataIndex: 'toInstitutionName' },
            { title: pick('原因', 'Reason'), dataIndex: 'reason' },
            { title: pick('紧急', 'Urgency'), dataIndex: 'urgency', render: (u: string) => lbl(URGENCY, u, lang) },
            {
              title: pick('状态', 'Status'),
              render: (_: unknown, r) => (
                <>
                  <Tag data-testid="referral-status">{lbl(REFERRAL_STATUS, r.status, lang)}</Tag>
                  {r.receiptOverdue && <Tag color="red">{pick('未按时接收', 'not received in time')}</Tag>}
                  {r.status === 'received' && r.outcomeOverdue && (
                    <Tag color="red">{pick('结果未按时回执', 'result late')}</Tag>
                  )}
                </>
              ),
            },
            { title: pick('回执', 'Outcome'), dataIndex: 'outcome' },
            {
              title: '',
              render: (_: unknown, r) =>
                canReceive(r) && (
                  <Space>
                    {r.status === 'sent' && (
                      <Button size="small" onClick={() => receive.mutate(r)} data-testid="referral-receive">
                        {pick('接收', 'Receive')}
                      </Button>
                    )}
                    {r.status !== 'returned' && (
                      <Button
                        size="small"
                        onClick={() => setDialog({ kind: 'outcome', referral: r })}
                        data-testid="referral-outcome"
                      >
                        {pick('回执', 'Outcome')}
                      </Button>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={pick('随访记录', 'Follow-ups')}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={c.followups}
          columns={[
            { title: pick('日期', 'Date'), dataIndex: 'followupDate' },
            {
              title: pick('方式', 'Method'),
              dataIndex: 'method',
              render: (m: string | null) => lbl(FOLLOWUP_METHODS, m, lang),
            },
            { title: pick('情况', 'Condition'), dataIndex: 'condition' },
            { title: pick('处理', 'Management'), dataIndex: 'management' },
            { title: pick('下次', 'Next'), dataIndex: 'nextDue' },
          ]}
        />
      </Card>
      <Modal
        open={dialog !== null}
        destroyOnHidden
        title={
          dialog === 'plan'
            ? pick('管理计划', 'Plan')
            : dialog === 'followup'
              ? pick('专案随访', 'Follow-up')
              : dialog === 'refer'
                ? pick('转诊', 'Referral')
                : dialog === 'close'
                  ? pick('结案', 'Close the case')
                  : pick('转诊回执', 'Referral outcome')
        }
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'case-dialog-ok' } as Record<string, string>}
        confirmLoading={submit.isPending}
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v) => submit.mutate(v as Record<string, unknown>)}
        >
          {dialog === 'plan' && (
            <>
              <Form.Item name="managingInstitutionId" label={pick('管理机构', 'Managed by')}>
                <InstitutionSelect currentLabel={c.managingInstitutionName} />
              </Form.Item>
              <Form.Item
                name="deliveryHospitalId"
                label={pick('分娩医院（孕28–36周确定）', 'Delivery hospital (by 28–36 weeks)')}
              >
                <InstitutionSelect currentLabel={c.deliveryHospitalName} data-testid="plan-delivery-hospital" />
              </Form.Item>
              <Form.Item name="plan" label={pick('管理计划', 'Plan')} initialValue={c.plan ?? ''}>
                <Input.TextArea rows={3} data-testid="case-plan-text" />
              </Form.Item>
              <Form.Item
                name="emergencyPlan"
                label={pick('应急预案', 'Emergency plan')}
                initialValue={c.emergencyPlan ?? ''}
              >
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          )}
          {dialog === 'followup' && (
            <>
              {date('followupDate', pick('随访日期', 'Date'))}
              <Form.Item name="method" label={pick('方式', 'Method')} initialValue="clinic">
                <Select
                  options={[
                    { value: 'clinic', label: pick('门诊', 'Clinic') },
                    { value: 'phone', label: pick('电话', 'Phone') },
                    { value: 'home', label: pick('入户', 'Home') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="condition" label={pick('情况', 'Condition')}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <Form.Item name="management" label={pick('处理', 'Management')}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <Form.Item name="nextDue" label={pick('下次随访', 'Next due')}>
                <DatePicker />
              </Form.Item>
            </>
          )}
          {dialog === 'refer' && (
            <>
              {date('referredOn', pick('转诊日期', 'Date'))}
              <Form.Item name="toInstitutionId" label={pick('转入机构', 'To')} rules={[{ required: true }]}>
                <InstitutionSelect data-testid="refer-to" />
              </Form.Item>
              <Form.Item name="reason" label={pick('原因', 'Reason')} rules={[{ required: true }]}>
                <Input data-testid="refer-reason" />
              </Form.Item>
              <Form.Item name="urgency" label={pick('紧急程度', 'Urgency')} initialValue="routine">
                <Select options={Object.keys(URGENCY).map((k) => ({ value: k, label: lbl(URGENCY, k, lang) }))} />
              </Form.Item>
            </>
          )}
          {dialog === 'close' && (
            <>
              {date('closedOn', pick('结案日期', 'Date'))}
              <Form.Item name="reason" label={pick('结案原因', 'Reason')} rules={[{ required: true }]}>
                <Select
                  data-testid="close-reason"
                  options={['delivered_assessed', 'risk_resolved', 'transferred', 'other'].map((k) => ({
                    value: k,
                    label: lbl(CLOSE_REASONS, k, lang),
                  }))}
                />
              </Form.Item>
              <Form.Item name="note" label={pick('说明', 'Note')}>
                <Input />
              </Form.Item>
            </>
          )}
          {dialog && typeof dialog === 'object' && (
            <>
              {date('outcomeOn', pick('回执日期', 'Date'))}
              <Form.Item name="outcome" label={pick('诊疗结果', 'Outcome')} rules={[{ required: true }]}>
                <Input.TextArea rows={3} data-testid="outcome-text" />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
