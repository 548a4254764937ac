import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { buildUrl } from '../../api/client';
import { useHasPermission } from '../../app/auth';
import { InstitutionSelect } from '../../components/institution-select';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { AidApplyModal, AidDecisionModal } from './aid-forms';
import { BirthDefectCardModal, type CardSource } from './birth-defect-card';
import { birthDefectApi, type AidApplication, type BirthDefectReport, type UnreportedItem } from './women.api';
import {
  AID_PROGRAMME,
  AID_STATE,
  DEFECT_CATEGORY,
  DEFECT_OUTCOME,
  DEFECT_SOURCE,
  DEFECT_TIME,
  aidColor,
  lab,
  options,
} from './women-labels';

const rate = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(1));
const yuan = (v: number | null | undefined, lang: string) =>
  v === null || v === undefined
    ? '—'
    : lang === 'en-US'
      ? `${v.toLocaleString('en-US')} yuan`
      : `${v.toLocaleString('zh-CN')} 元`;

/** Rate per 10,000 perinatal births per county, the total and by category. */
function RateCard() {
  const { lang, pick } = useI18n();
  const [year, setYear] = useState(new Date().getFullYear());
  const [period, setPeriod] = useState<'calendar' | 'report'>('calendar');
  const q = useQuery({
    queryKey: ['birth-defects', 'rate', year, period],
    queryFn: () => birthDefectApi.rate(year, period),
  });
  const r = q.data;
  return (
    <Card
      size="small"
      title={pick('出生缺陷发生率（每万围产儿）', 'Birth-defect rate (per 10,000 perinatal births)')}
      extra={
        <Space>
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
            data-testid="bd-rate-year"
          />
          <Radio.Group
            value={period}
            onChange={(e) => setPeriod(e.target.value as 'calendar' | 'report')}
            optionType="button"
            options={[
              { value: 'calendar', label: pick('自然年', 'Calendar year') },
              { value: 'report', label: pick('年报年度', 'Report year') },
            ]}
          />
        </Space>
      }
      style={{ marginBottom: 16 }}
      data-testid="bd-rate"
    >
      <Row gutter={16}>
        <Col span={6}>
          <Statistic title={pick('缺陷儿', 'Cases')} value={r?.total.defectCases ?? 0} loading={q.isLoading} />
        </Col>
        <Col span={6}>
          <Statistic
            title={pick('围产儿数', 'Perinatal births')}
            value={r?.total.perinatalBirths ?? 0}
            loading={q.isLoading}
          />
        </Col>
        <Col span={6}>
          <Statistic
            title={pick('发生率（1/万）', 'Rate (per 10,000)')}
            value={rate(r?.total.ratePer10000)}
            loading={q.isLoading}
          />
        </Col>
        <Col span={6}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r ? `${r.from} ~ ${r.to}` : ''}
            <br />
            {pick(
              '分母：孕满28周的活产、死胎死产及治疗性引产（孕产期保健分娩记录）',
              'Denominator: live births, stillbirths and terminations ≥28 weeks (delivery records)',
            )}
          </Typography.Text>
        </Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col span={12}>
          <Table
            size="small"
            rowKey="countyCode"
            pagination={false}
            dataSource={r?.counties ?? []}
            columns={[
              { title: pick('县区', 'County'), dataIndex: 'countyName' },
              { title: pick('缺陷儿', 'Cases'), dataIndex: 'defectCases' },
              { title: pick('围产儿', 'Births'), dataIndex: 'perinatalBirths' },
              { title: pick('1/万', 'per 10,000'), dataIndex: 'ratePer10000', render: rate },
            ]}
          />
        </Col>
        <Col span={12}>
          <Table
            size="small"
            rowKey="category"
            pagination={false}
            dataSource={r?.byCategory ?? []}
            locale={{ emptyText: pick('本期无缺陷儿', 'No cases') }}
            columns={[
              {
                title: pick('缺陷类别', 'Category'),
                render: (_: unknown, c) => `${c.no}. ${lang === 'en-US' ? c.en : c.zh}`,
              },
              { title: pick('例数', 'Cases'), dataIndex: 'cases' },
              { title: pick('1/万', 'per 10,000'), dataIndex: 'ratePer10000', render: rate },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}

function Cards(props: { onNew(s: CardSource | null): void }) {
  const { lang, pick } = useI18n();
  const canWrite = useHasPermission('care.write');
  const [q, setQ] = useState<string | undefined>();
  const [category, setCategory] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<string | undefined>();
  const [diagnosisTime, setDiagnosisTime] = useState<string | undefined>();
  const [source, setSource] = useState<string | undefined>();
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const filter = {
    q,
    category,
    outcome,
    diagnosisTime,
    source,
    institutionId: institutionId ?? undefined,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
  };
  const list = useQuery({
    queryKey: ['birth-defects', 'list', filter, page],
    queryFn: () => birthDefectApi.list({ ...filter, page, pageSize: 20 }),
  });
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <>
      <RateCard />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={pick('母亲姓名', 'Mother’s name')}
          style={{ width: 140 }}
          onSearch={(v) => reset(setQ)(v || undefined)}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 220 }}
          placeholder={pick('缺陷类别', 'Category')}
          value={category}
          onChange={reset(setCategory)}
          options={options(DEFECT_CATEGORY, lang)}
          data-testid="bd-filter-category"
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={pick('结局', 'Outcome')}
          value={outcome}
          onChange={reset(setOutcome)}
          options={options(DEFECT_OUTCOME, lang)}
        />
        <Select
          allowClear
          style={{ width: 110 }}
          placeholder={pick('诊断时间', 'Diagnosed')}
          value={diagnosisTime}
          onChange={reset(setDiagnosisTime)}
          options={options(DEFECT_TIME, lang)}
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={pick('来源', 'Source')}
          value={source}
          onChange={reset(setSource)}
          options={options(DEFECT_SOURCE, lang)}
        />
        <div style={{ width: 240 }}>
          <InstitutionSelect value={institutionId} onChange={reset(setInstitutionId)} />
        </div>
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => reset(setRange)(v as [Dayjs | null, Dayjs | null] | null)}
        />
        <Button icon={<DownloadOutlined />} href={buildUrl('/birth-defect-reports/export.xlsx', filter)}>
          {pick('导出Excel', 'Export xlsx')}
        </Button>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => props.onNew(null)} data-testid="bd-new">
            {pick('填报登记卡', 'New card')}
          </Button>
        )}
      </Space>
      <Table<BirthDefectReport>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        data-testid="bd-table"
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showTotal: (t) => `${t}`,
        }}
        columns={[
          { title: pick('妊娠结束', 'Ended'), dataIndex: 'birthDate' },
          {
            title: pick('母亲', 'Mother'),
            render: (_: unknown, r) => <Link to={`/women/people/${r.motherPersonId}`}>{r.motherName}</Link>,
          },
          { title: pick('证件号码', 'ID'), dataIndex: 'motherIdMasked' },
          {
            title: pick('孕周/体重', 'GA/weight'),
            render: (_: unknown, r) =>
              `${r.gestationalWeeks !== null ? `${r.gestationalWeeks}+${r.gestationalDays ?? 0}` : '—'} / ${r.birthWeightG ?? '—'}`,
          },
          { title: pick('结局', 'Outcome'), dataIndex: 'outcome', render: (v: string) => lab(DEFECT_OUTCOME, v, lang) },
          {
            title: pick('缺陷', 'Defects'),
            render: (_: unknown, r) =>
              r.defects.map((d) => (
                <Tag key={d.icd10}>
                  {d.icd10} {d.description ?? lab(DEFECT_CATEGORY, d.category, lang)}
                </Tag>
              )),
          },
          {
            title: pick('诊断', 'Diagnosed'),
            render: (_: unknown, r) => `${lab(DEFECT_TIME, r.diagnosisTime, lang)} ${r.diagnosisDate}`,
          },
          { title: pick('来源', 'Source'), dataIndex: 'source', render: (v: string) => lab(DEFECT_SOURCE, v, lang) },
          { title: pick('机构', 'Institution'), dataIndex: 'institutionName' },
          {
            title: pick('救助', 'Aid'),
            render: (_: unknown, r) =>
              (r.aidStatuses ?? []).map((s, i) => (
                <Tag key={i} color={aidColor(s)}>
                  {lab(AID_STATE, s, lang)}
                </Tag>
              )),
          },
          {
            title: '',
            render: (_: unknown, r) => <Link to={`/women/birth-defects/${r.id}`}>{pick('详情', 'Open')}</Link>,
          },
        ]}
      />
    </>
  );
}

function Unreported(props: { onNew(s: CardSource): void }) {
  const { lang, pick } = useI18n();
  const canWrite = useHasPermission('care.write');
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['birth-defects', 'unreported', overdue, page],
    queryFn: () => birthDefectApi.unreported({ overdue: overdue ? 'true' : undefined, page, pageSize: 20 }),
  });
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button
          type={overdue ? 'primary' : 'default'}
          danger={overdue}
          onClick={() => setOverdue(!overdue)}
          data-testid="bd-overdue"
        >
          {pick('仅看逾期未报', 'Overdue only')}
        </Button>
        <Typography.Text type="secondary">
          {pick(
            `分娩记录中记有缺陷、或产前诊断为染色体异常且妊娠已结束，但尚未填报登记卡（出生后7天内应填报）。逾期 ${list.data?.overdue ?? 0} 例。`,
            `Births with defects noted, or abnormal prenatal diagnoses of ended pregnancies, without a card (due within 7 days). Overdue: ${list.data?.overdue ?? 0}.`,
          )}
        </Typography.Text>
      </Space>
      <Table<UnreportedItem>
        rowKey={(r) => r.birthOutcomeId ?? r.prenatalDiagnosisId ?? r.pregnancyId}
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        data-testid="bd-unreported"
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: pick('妊娠结束', 'Ended'), dataIndex: 'birthDate' },
          {
            title: pick('母亲', 'Mother'),
            render: (_: unknown, r) => <Link to={`/women/people/${r.personId}`}>{r.motherName}</Link>,
          },
          { title: pick('证件号码', 'ID'), dataIndex: 'motherIdMasked' },
          {
            title: pick('来源', 'From'),
            render: (_: unknown, r) =>
              `${lab(DEFECT_SOURCE, r.kind, lang)}${r.birthOrder ? ` ${pick('第', '#')}${r.birthOrder}${pick('胎', '')}` : ''}`,
          },
          { title: pick('记录的缺陷/诊断', 'Noted'), dataIndex: 'what' },
          { title: pick('机构', 'Institution'), dataIndex: 'institutionName' },
          {
            title: pick('应报日期', 'Due'),
            render: (_: unknown, r) => (
              <Tag color={r.overdue ? 'red' : 'blue'}>
                {r.dueOn}
                {r.overdue ? ` ${pick('逾期', 'overdue')}` : ''}
              </Tag>
            ),
          },
          {
            title: '',
            render: (_: unknown, r) =>
              canWrite && (
                <Button
                  size="small"
                  type="primary"
                  onClick={() =>
                    props.onNew({
                      deliveryId: r.deliveryId ?? undefined,
                      birthOutcomeId: r.birthOutcomeId ?? undefined,
                      prenatalDiagnosisId: r.prenatalDiagnosisId ?? undefined,
                    })
                  }
                >
                  {pick('填报', 'Report')}
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}

/** 救助申请: list with filters, approval and payment (supervisors), export. */
export function AidList() {
  const { lang, pick } = useI18n();
  const canWrite = useHasPermission('care.write');
  const canDecide = useHasPermission('care.supervise');
  const [status, setStatus] = useState<string | undefined>();
  const [programme, setProgramme] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [q, setQ] = useState<string | undefined>();
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const [apply, setApply] = useState(false);
  const [deciding, setDeciding] = useState<AidApplication | null>(null);
  const filter = {
    q,
    status,
    programme,
    overdue: overdue ? 'true' : undefined,
    institutionId: institutionId ?? undefined,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
  };
  const list = useQuery({
    queryKey: ['aid', 'list', filter, page],
    queryFn: () => birthDefectApi.aidList({ ...filter, page, pageSize: 20 }),
  });
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={pick('姓名', 'Name')}
          style={{ width: 130 }}
          onSearch={(v) => reset(setQ)(v || undefined)}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={pick('状态', 'Status')}
          value={status}
          onChange={reset(setStatus)}
          options={options(AID_STATE, lang)}
          data-testid="aid-filter-status"
        />
        <Select
          allowClear
          style={{ width: 170 }}
          placeholder={pick('救助项目', 'Programme')}
          value={programme}
          onChange={reset(setProgramme)}
          options={options(AID_PROGRAMME, lang)}
        />
        <Button type={overdue ? 'primary' : 'default'} danger={overdue} onClick={() => reset(setOverdue)(!overdue)}>
          {pick('逾期未办结', 'Overdue')}
        </Button>
        <div style={{ width: 220 }}>
          <InstitutionSelect value={institutionId} onChange={reset(setInstitutionId)} />
        </div>
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => reset(setRange)(v as [Dayjs | null, Dayjs | null] | null)}
        />
        <Button icon={<DownloadOutlined />} href={buildUrl('/aid-applications/export.xlsx', filter)}>
          {pick('导出Excel', 'Export xlsx')}
        </Button>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setApply(true)}>
            {pick('新建申请', 'New application')}
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary">
        {pick('申请', 'Requested')} {yuan(list.data?.requestedAmount, lang)} · {pick('批准', 'approved')}{' '}
        {yuan(list.data?.approvedAmount, lang)} · {pick('已发放', 'paid')} {yuan(list.data?.paidAmount, lang)}
      </Typography.Paragraph>
      <Table<AidApplication>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        data-testid="aid-table"
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: pick('申请日期', 'Applied'), dataIndex: 'appliedOn' },
          {
            title: pick('救助对象', 'Child'),
            render: (_: unknown, r) => <Link to={`/women/people/${r.personId}`}>{r.personName}</Link>,
          },
          { title: pick('证件号码', 'ID'), dataIndex: 'idNumberMasked' },
          {
            title: pick('项目', 'Programme'),
            dataIndex: 'programme',
            render: (v: string) => lab(AID_PROGRAMME, v, lang),
          },
          { title: pick('病种', 'Condition'), dataIndex: 'condition' },
          {
            title: pick('申请金额', 'Requested'),
            dataIndex: 'amountRequested',
            render: (v: number | null) => yuan(v, lang),
          },
          {
            title: pick('批准金额', 'Approved'),
            dataIndex: 'approvedAmount',
            render: (v: number | null) => yuan(v, lang),
          },
          {
            title: pick('状态', 'Status'),
            render: (_: unknown, r) => (
              <Space size={4}>
                <Tag color={aidColor(r.status)}>{lab(AID_STATE, r.status, lang)}</Tag>
                {r.dueOn && (
                  <Tag color={r.overdue ? 'red' : 'default'}>
                    {pick('期限', 'due')} {r.dueOn}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: pick('办理', 'Dates'),
            render: (_: unknown, r) =>
              [
                r.decidedOn && `${pick('审批', 'decided')} ${r.decidedOn}`,
                r.paidOn && `${pick('发放', 'paid')} ${r.paidOn}`,
              ]
                .filter(Boolean)
                .join(' · ') || '—',
          },
          {
            title: '',
            render: (_: unknown, r) => (
              <Space>
                {r.birthDefectReportId && (
                  <Link to={`/women/birth-defects/${r.birthDefectReportId}`}>{pick('登记卡', 'Card')}</Link>
                )}
                {canDecide && r.allowedDecisions.length > 0 && (
                  <Button size="small" onClick={() => setDeciding(r)} data-testid="aid-decide">
                    {r.status === 'approved' ? pick('登记发放', 'Record payment') : pick('审批', 'Decide')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {apply && <AidApplyModal open={apply} onClose={() => setApply(false)} />}
      <AidDecisionModal key={deciding?.id ?? 'none'} application={deciding} onClose={() => setDeciding(null)} />
    </>
  );
}

/** 出生缺陷监测: cards with the rate, the unreported worklist, and aid applications. */
export function BirthDefectsPage() {
  const { pick } = useI18n();
  const [source, setSource] = useState<CardSource | null | undefined>(undefined);
  return (
    <>
      <PageHeader
        title={pick('出生缺陷监测与救助', 'Birth-defect surveillance and aid')}
        subTitle={pick(
          '医院监测：孕满28周至生后7天的围产儿（含死胎死产、产前诊断后治疗性引产），全国监测23类缺陷与ICD-10编码',
          'Hospital-based: births from 28 weeks to day 7 (incl. stillbirths and terminations after prenatal diagnosis)',
        )}
      />
      <Card>
        <Tabs
          items={[
            { key: 'cards', label: pick('登记卡', 'Cards'), children: <Cards onNew={setSource} /> },
            { key: 'unreported', label: pick('待报告', 'To report'), children: <Unreported onNew={setSource} /> },
            { key: 'aid', label: pick('救助申请', 'Aid applications'), children: <AidList /> },
          ]}
        />
      </Card>
      {source !== undefined && <BirthDefectCardModal open source={source} onClose={() => setSource(undefined)} />}
    </>
  );
}
