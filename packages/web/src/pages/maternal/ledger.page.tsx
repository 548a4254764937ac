import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, InputNumber, Select, Space, Switch, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { buildUrl } from '../../api/client';
import { useCurrentUser } from '../../app/auth';
import { InstitutionSelect } from '../../components/institution-select';
import { RegionPicker } from '../../components/region-picker';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { CLOSE_REASONS, COLOURS, ColourChips, PREGNANCY_STATUS, lbl } from './maternal-labels';
import { maternalApi, type LedgerItem } from './maternal.api';

/** 高危孕产妇台账: every case by colour, institution, status, weeks, overdue duties; sort, page, export. */
export function HighRiskLedgerPage() {
  const { lang, pick } = useI18n();
  const me = useCurrentUser();
  const [township, setTownship] = useState<string | undefined>();
  const [reportPending, setReportPending] = useState(false);
  const [colour, setColour] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>('open');
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [weeksFrom, setWeeksFrom] = useState<number | null>(null);
  const [weeksTo, setWeeksTo] = useState<number | null>(null);
  const [sort, setSort] = useState<{ sort?: string; order?: string }>({});
  const [page, setPage] = useState(1);
  const filter = {
    colour,
    status,
    institutionId: institutionId ?? undefined,
    overdue: overdue ? 'true' : undefined,
    reportPending: reportPending ? 'true' : undefined,
    township: township && township.length >= 9 ? township.slice(0, 9) : undefined,
    weeksFrom: weeksFrom ?? undefined,
    weeksTo: weeksTo ?? undefined,
    ...sort,
  };
  const q = useQuery({
    queryKey: ['maternal', 'ledger', filter, page],
    queryFn: () => maternalApi.ledger({ ...filter, page, pageSize: 20 }),
  });
  const reset = () => setPage(1);
  return (
    <>
      <PageHeader
        title={pick('高危孕产妇台账', 'High-risk ledger')}
        subTitle={pick(
          '橙色、红色、紫色孕产妇专案管理（五个一）',
          'Orange, red and purple women under case management',
        )}
        extra={
          <Button
            icon={<DownloadOutlined />}
            href={buildUrl('/high-risk-cases/export.xlsx', filter)}
            data-testid="ledger-export"
          >
            {pick('导出Excel', 'Export xlsx')}
          </Button>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={pick('颜色', 'Colour')}
            value={colour}
            onChange={(v) => (setColour(v), reset())}
            options={['orange', 'red', 'purple', 'yellow'].map((k) => ({ value: k, label: lbl(COLOURS, k, lang) }))}
            data-testid="ledger-colour"
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={pick('状态', 'Status')}
            value={status}
            onChange={(v) => (setStatus(v), reset())}
            options={[
              { value: 'open', label: pick('在管', 'Open') },
              { value: 'closed', label: pick('已结案', 'Closed') },
            ]}
          />
          <div style={{ width: 260 }}>
            <InstitutionSelect value={institutionId} onChange={(v) => (setInstitutionId(v), reset())} />
          </div>
          <span>
            {pick('孕周', 'Weeks')}{' '}
            <InputNumber
              min={0}
              max={45}
              value={weeksFrom}
              onChange={(v) => (setWeeksFrom(v), reset())}
              style={{ width: 70 }}
            />
            {' – '}
            <InputNumber
              min={0}
              max={45}
              value={weeksTo}
              onChange={(v) => (setWeeksTo(v), reset())}
              style={{ width: 70 }}
            />
          </span>
          <RegionPicker
            counties={me.counties}
            maxLevel="township"
            value={township}
            onChange={(v) => (setTownship(v), reset())}
            placeholder={pick('乡镇（街道）', 'Township')}
            style={{ width: 220 }}
            data-testid="ledger-township"
          />
          <span>
            <Switch checked={overdue} onChange={(v) => (setOverdue(v), reset())} data-testid="ledger-overdue" />{' '}
            {pick('仅逾期', 'Overdue only')}
          </span>
          <span>
            <Switch checked={reportPending} onChange={(v) => (setReportPending(v), reset())} />{' '}
            {pick('报告待确认', 'Report pending')}
          </span>
        </Space>
        <Table<LedgerItem>
          size="small"
          rowKey="id"
          data-testid="ledger-table"
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          onChange={(_p, _f, s) => {
            const one = Array.isArray(s) ? s[0] : s;
            setSort(one?.order ? { sort: String(one.columnKey), order: one.order === 'ascend' ? 'asc' : 'desc' } : {});
          }}
          pagination={{
            current: page,
            pageSize: 20,
            total: q.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            {
              title: pick('姓名', 'Name'),
              key: 'name',
              sorter: true,
              render: (_: unknown, r) => (
                <>
                  <Link to={`/maternal/cases/${r.id}`} data-testid="ledger-case-link">
                    {r.womanName}
                  </Link>
                  {r.nonResident && (
                    <Tag color="blue" style={{ marginLeft: 4 }}>
                      {pick('流动', 'Non-resident')}
                    </Tag>
                  )}
                </>
              ),
            },
            { title: pick('证件号码', 'ID'), dataIndex: 'idNumberMasked' },
            { title: pick('年龄', 'Age'), dataIndex: 'ageYears' },
            {
              title: pick('颜色', 'Colour'),
              key: 'colour',
              sorter: true,
              render: (_: unknown, r) => <ColourChips colour={r.colour} purple={r.purple} lang={lang} />,
            },
            {
              title: pick('高危因素', 'Reasons'),
              render: (_: unknown, r) => r.reasons.map((x) => pick(x.zh, x.en ?? x.zh)).join('；'),
            },
            { title: pick('建案', 'Opened'), dataIndex: 'openedOn', key: 'openedOn', sorter: true },
            { title: pick('预产期', 'EDD'), dataIndex: 'edd', key: 'edd', sorter: true },
            {
              title: pick('孕周', 'GA'),
              render: (_: unknown, r) => r.gestationalAge ?? lbl(PREGNANCY_STATUS, r.pregnancyStatus, lang),
            },
            { title: pick('管理机构', 'Managed by'), dataIndex: 'managingInstitutionName' },
            { title: pick('随访', 'Follow-ups'), dataIndex: 'followups' },
            {
              title: pick('报告', 'Report'),
              key: 'reportDue',
              sorter: true,
              render: (_: unknown, r) =>
                r.reportPending ? (
                  <Tag color={r.reportOverdue ? 'red' : 'blue'}>
                    {pick('待确认', 'pending')} {r.reportDueAt ? new Date(r.reportDueAt).toLocaleDateString(lang) : ''}
                  </Tag>
                ) : (
                  <Tag color="green">{pick('已确认', 'acknowledged')}</Tag>
                ),
            },
            {
              title: pick('状态', 'Status'),
              render: (_: unknown, r) =>
                r.status === 'open' ? (
                  <>
                    <Tag color="processing">{pick('在管', 'Open')}</Tag>
                    {r.followUpOverdue && <Tag color="red">{pick('随访逾期', 'follow-up overdue')}</Tag>}
                    {r.deliveryHospitalDuty?.status === 'overdue' && (
                      <Tag color="red">{pick('未定分娩医院', 'no delivery hospital')}</Tag>
                    )}
                    {r.deliveryHospitalDuty?.status === 'due' && (
                      <Tag color="orange">{pick('待定分娩医院', 'delivery hospital due')}</Tag>
                    )}
                    {r.referralsPending > 0 && <Tag color="orange">{pick('转诊待接收', 'referral pending')}</Tag>}
                  </>
                ) : (
                  <Tag>{lbl(CLOSE_REASONS, r.closeReason, lang)}</Tag>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
