import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Switch, Table, Tabs, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { buildUrl } from '../../api/client';
import { useCurrentUser } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { FormModal } from './form-modal';
import { useCommonFilters } from './list-filters';
import { PersonPicker } from './person-picker';
import { gynFpApi, type Row } from './women.api';
import {
  GYN_DISPOSITION,
  GYN_FINDING,
  PELVIC_MODALITY,
  PELVIC_REASON,
  PELVIC_STATUS,
  lab,
  options,
  pct,
} from './women-labels';

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const FOLLOW_UP = {
  due: { zh: '待随访', en: 'Follow-up due' },
  overdue: { zh: '随访逾期', en: 'Follow-up overdue' },
  done: { zh: '已随访', en: 'Followed up' },
};

function Campaigns() {
  const { lang, pick } = useI18n();
  const me = useCurrentUser();
  const [newCampaign, setNewCampaign] = useState(false);
  const [examFor, setExamFor] = useState<Row | null>(null);
  const [followUp, setFollowUp] = useState<Row | null>(null);
  const [followUpState, setFollowUpState] = useState<string | undefined>();
  const [finding, setFinding] = useState<string | undefined>();
  const [disposition, setDisposition] = useState<string | undefined>();
  const common = useCommonFilters();
  const { page, setPage } = common;
  const campaigns = useQuery({ queryKey: ['gyn', 'campaigns'], queryFn: () => gynFpApi.campaigns() });
  const filter = { ...common.values, followUp: followUpState, finding, disposition };
  const exams = useQuery({
    queryKey: ['gyn', 'exams', filter, page],
    queryFn: () => gynFpApi.exams({ ...filter, page, pageSize: 20 }),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button icon={<PlusOutlined />} onClick={() => setNewCampaign(true)}>
        {pick('新建普查活动', 'New campaign')}
      </Button>
      <Table<Row>
        rowKey="id"
        size="small"
        pagination={false}
        loading={campaigns.isLoading}
        dataSource={campaigns.data ?? []}
        columns={[
          { title: pick('活动', 'Campaign'), dataIndex: 'name' },
          { title: pick('县区', 'County'), dataIndex: 'countyName' },
          { title: pick('期间', 'Period'), render: (_: unknown, r) => `${s(r.startDate)} ~ ${s(r.endDate)}` },
          { title: pick('目标人数', 'Target'), dataIndex: 'targetPopulation' },
          { title: pick('已检查', 'Examined'), dataIndex: 'examined' },
          { title: pick('筛查率', 'Coverage'), render: (_: unknown, r) => pct(r.coverage as number) },
          { title: pick('患病率', 'Detection'), render: (_: unknown, r) => pct(r.detectionRate as number | null) },
          { title: pick('待随访', 'Follow-up'), dataIndex: 'followUpPending' },
          {
            title: '',
            render: (_: unknown, r) => (
              <Button size="small" type="primary" onClick={() => setExamFor(r)}>
                {pick('登记检查', 'Record exam')}
              </Button>
            ),
          },
        ]}
      />
      <Space wrap>
        {common.controls}
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={pick('检查所见', 'Finding')}
          value={finding}
          onChange={(v) => {
            setFinding(v);
            common.reset();
          }}
          options={options(GYN_FINDING, lang)}
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={pick('处理', 'Disposition')}
          value={disposition}
          onChange={(v) => {
            setDisposition(v);
            common.reset();
          }}
          options={options(GYN_DISPOSITION, lang)}
        />
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={pick('随访', 'Follow-up')}
          value={followUpState}
          onChange={(v) => {
            setFollowUpState(v);
            common.reset();
          }}
          options={options(FOLLOW_UP, lang)}
          data-testid="gyn-follow-up-filter"
        />
        <Button icon={<DownloadOutlined />} href={buildUrl('/gyn-survey-exams/export.xlsx', filter)}>
          {pick('导出Excel', 'Export xlsx')}
        </Button>
      </Space>
      <Table<Row>
        rowKey="id"
        size="small"
        loading={exams.isLoading}
        dataSource={exams.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: exams.data?.total ?? 0, onChange: setPage }}
        columns={[
          {
            title: pick('姓名', 'Name'),
            render: (_: unknown, r) => <Link to={`/women/people/${s(r.personId)}`}>{s(r.womanName)}</Link>,
          },
          { title: pick('证件号码', 'ID'), dataIndex: 'idNumberMasked' },
          { title: pick('日期', 'Date'), dataIndex: 'examDate' },
          { title: pick('年龄', 'Age'), dataIndex: 'age' },
          {
            title: pick('检查所见', 'Findings'),
            render: (_: unknown, r) => (r.findings as string[]).map((f) => lab(GYN_FINDING, f, lang)).join('、') || '—',
          },
          {
            title: pick('处理', 'Disposition'),
            render: (_: unknown, r) => lab(GYN_DISPOSITION, s(r.disposition), lang),
          },
          {
            title: pick('随访', 'Follow-up'),
            render: (_: unknown, r) =>
              r.followUpDoneOn ? (
                <Tag color="green">{s(r.followUpDoneOn)}</Tag>
              ) : r.followUpDue ? (
                <Space>
                  <Tag color={r.followUpOverdue ? 'red' : 'blue'}>{s(r.followUpDue)}</Tag>
                  <Button size="small" onClick={() => setFollowUp(r)}>
                    {pick('登记', 'Record')}
                  </Button>
                </Space>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <FormModal<{
        name: string;
        year: number;
        startDate: Dayjs;
        endDate: Dayjs;
        targetPopulation: number;
        countyCode: string;
      }>
        open={newCampaign}
        title={pick('新建普查活动', 'New campaign')}
        onClose={() => setNewCampaign(false)}
        invalidate={['gyn']}
        initial={{ year: new Date().getFullYear(), countyCode: me.counties[0] }}
        submit={(v) =>
          gynFpApi.createCampaign({
            ...v,
            startDate: v.startDate.format('YYYY-MM-DD'),
            endDate: v.endDate.format('YYYY-MM-DD'),
          })
        }
      >
        <Form.Item name="name" label={pick('活动名称', 'Name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="countyCode" label={pick('县区', 'County')} rules={[{ required: true }]}>
          <Select options={me.counties.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Space>
          <Form.Item name="year" label={pick('年度', 'Year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="startDate" label={pick('开始', 'Start')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="endDate" label={pick('结束', 'End')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item
          name="targetPopulation"
          label={pick('目标人群人数（20–64岁妇女）', 'Target population (women 20–64)')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} />
        </Form.Item>
      </FormModal>
      <FormModal<{
        personId: string;
        examDate: Dayjs;
        findings: string[];
        disposition: string;
        treatment?: string;
        referralTo?: string;
      }>
        open={!!examFor}
        title={`${pick('登记普查检查', 'Record an examination')} · ${s(examFor?.name)}`}
        onClose={() => setExamFor(null)}
        invalidate={['gyn']}
        initial={{ examDate: dayjs(), findings: [], disposition: 'none' }}
        submit={(v) => gynFpApi.exam({ ...v, campaignId: examFor?.id, examDate: v.examDate.format('YYYY-MM-DD') })}
      >
        <Form.Item name="personId" label={pick('受检妇女', 'Woman')} rules={[{ required: true }]}>
          <PersonPicker sex="female" />
        </Form.Item>
        <Form.Item name="examDate" label={pick('检查日期', 'Date')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="findings" label={pick('检查所见', 'Findings')}>
          <Select mode="multiple" allowClear options={options(GYN_FINDING, lang)} />
        </Form.Item>
        <Form.Item name="disposition" label={pick('处理', 'Disposition')} rules={[{ required: true }]}>
          <Select options={options(GYN_DISPOSITION, lang)} />
        </Form.Item>
        <Form.Item name="treatment" label={pick('治疗措施', 'Treatment')}>
          <Input />
        </Form.Item>
        <Form.Item name="referralTo" label={pick('转诊机构', 'Referred to')}>
          <Input />
        </Form.Item>
      </FormModal>
      <FormModal<{ date: Dayjs; outcome: string }>
        open={!!followUp}
        title={pick('登记随访结果', 'Record the follow-up')}
        onClose={() => setFollowUp(null)}
        invalidate={['gyn']}
        initial={{ date: dayjs() }}
        submit={(v) =>
          gynFpApi.examFollowUp(followUp!.id, {
            version: followUp?.version,
            date: v.date.format('YYYY-MM-DD'),
            outcome: v.outcome,
          })
        }
      >
        <Form.Item name="date" label={pick('日期', 'Date')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="outcome" label={pick('结果', 'Outcome')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

function Pelvic() {
  const { lang, pick } = useI18n();
  const [open, setOpen] = useState(false);
  const [sessionFor, setSessionFor] = useState<Row | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [status, setStatus] = useState<string | undefined>();
  const common = useCommonFilters();
  const { page, setPage } = common;
  const filter = { ...common.values, status, overdue: overdue ? 'true' : undefined };
  const list = useQuery({
    queryKey: ['pelvic', filter, page],
    queryFn: () => gynFpApi.pelvicList({ ...filter, page, pageSize: 20 }),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
          {pick('登记盆底筛查', 'Record a screening')}
        </Button>
        {common.controls}
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={pick('状态', 'Status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            common.reset();
          }}
          options={options(PELVIC_STATUS, lang)}
        />
        <Button
          type={overdue ? 'primary' : 'default'}
          danger={overdue}
          onClick={() => {
            setOverdue(!overdue);
            common.reset();
          }}
        >
          {pick('逾期未开始康复', 'Rehabilitation overdue')}
        </Button>
        <Button icon={<DownloadOutlined />} href={buildUrl('/pelvic-floor-screenings/export.xlsx', filter)}>
          {pick('导出Excel', 'Export xlsx')}
        </Button>
      </Space>
      <Table<Row>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          {
            title: pick('姓名', 'Name'),
            render: (_: unknown, r) => <Link to={`/women/people/${s(r.personId)}`}>{s(r.womanName)}</Link>,
          },
          { title: pick('筛查日期', 'Date'), dataIndex: 'screeningDate' },
          { title: pick('产后天数', 'Days postpartum'), dataIndex: 'postpartumDays' },
          {
            title: pick('肌力/POP-Q', 'Strength/POP-Q'),
            render: (_: unknown, r) => `${s(r.muscleStrength)} / ${s(r.popStage)}`,
          },
          {
            title: pick('康复指征', 'Reasons'),
            render: (_: unknown, r) =>
              (r.reasons as string[]).map((x) => lab(PELVIC_REASON, x, lang)).join('、') || '—',
          },
          {
            title: pick('状态', 'Status'),
            render: (_: unknown, r) => (
              <Tag color={r.overdue ? 'red' : 'blue'}>{lab(PELVIC_STATUS, s(r.status), lang)}</Tag>
            ),
          },
          {
            title: pick('已治疗', 'Sessions'),
            render: (_: unknown, r) => `${s(r.sessionCount)}/${s(r.plannedSessions) || '—'}`,
          },
          {
            title: '',
            render: (_: unknown, r) =>
              r.status === 'rehab_planned' || r.status === 'in_rehab' ? (
                <Button size="small" onClick={() => setSessionFor(r)}>
                  {pick('登记治疗', 'Add session')}
                </Button>
              ) : null,
          },
        ]}
      />
      <FormModal<{
        personId: string;
        screeningDate: Dayjs;
        deliveryDate?: Dayjs;
        muscleStrength: number;
        popStage: number;
        stressIncontinence: boolean;
      }>
        open={open}
        title={pick('产后盆底功能筛查', 'Postpartum pelvic-floor screening')}
        onClose={() => setOpen(false)}
        invalidate={['pelvic']}
        initial={{ screeningDate: dayjs(), stressIncontinence: false, popStage: 0 }}
        submit={(v) =>
          gynFpApi.pelvic({
            ...v,
            screeningDate: v.screeningDate.format('YYYY-MM-DD'),
            deliveryDate: v.deliveryDate?.format('YYYY-MM-DD'),
          })
        }
      >
        <Form.Item name="personId" label={pick('产妇', 'Woman')} rules={[{ required: true }]}>
          <PersonPicker sex="female" />
        </Form.Item>
        <Space>
          <Form.Item name="screeningDate" label={pick('筛查日期', 'Date')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="deliveryDate" label={pick('分娩日期', 'Delivery date')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Space>
          <Form.Item
            name="muscleStrength"
            label={pick('盆底肌力（0–5级）', 'Muscle strength (0–5)')}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={5} />
          </Form.Item>
          <Form.Item name="popStage" label={pick('POP-Q分期（0–4）', 'POP-Q stage (0–4)')} rules={[{ required: true }]}>
            <InputNumber min={0} max={4} />
          </Form.Item>
          <Form.Item
            name="stressIncontinence"
            label={pick('压力性尿失禁', 'Stress incontinence')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        </Space>
      </FormModal>
      <FormModal<{ sessionDate: Dayjs; modality: string; muscleStrengthAfter?: number }>
        open={!!sessionFor}
        title={pick('登记康复治疗', 'Rehabilitation session')}
        onClose={() => setSessionFor(null)}
        invalidate={['pelvic']}
        initial={{ sessionDate: dayjs(), modality: 'biofeedback' }}
        submit={(v) =>
          gynFpApi.session(sessionFor!.id, {
            ...v,
            version: sessionFor?.version,
            sessionDate: v.sessionDate.format('YYYY-MM-DD'),
          })
        }
      >
        <Form.Item name="sessionDate" label={pick('日期', 'Date')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="modality" label={pick('方式', 'Modality')} rules={[{ required: true }]}>
          <Select options={options(PELVIC_MODALITY, lang)} />
        </Form.Item>
        <Form.Item name="muscleStrengthAfter" label={pick('治疗后肌力', 'Strength after')}>
          <InputNumber min={0} max={5} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

/** 妇女病普查 (campaigns, examinations, follow-up) and 产后盆底 (screening, rehabilitation). */
export function GynPelvicPage() {
  const { pick } = useI18n();
  return (
    <>
      <PageHeader title={pick('妇女病普查与产后盆底康复', 'Gynaecological survey and pelvic floor')} />
      <Card>
        <Tabs
          items={[
            { key: 'survey', label: pick('妇女病普查', 'Gynaecological survey'), children: <Campaigns /> },
            { key: 'pelvic', label: pick('产后盆底', 'Pelvic floor'), children: <Pelvic /> },
          ]}
        />
      </Card>
    </>
  );
}
