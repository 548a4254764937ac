import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Input, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { buildUrl } from '../../api/client';
import { InstitutionSelect } from '../../components/institution-select';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { screeningApi, type ScreeningListItem } from './women.api';
import {
  CASE_STATE,
  COHORT,
  KIND,
  METHOD,
  PATHWAY_NEXT,
  STATUS,
  lab,
  options,
  resultText,
  stateColor,
} from './women-labels';

/** 两癌筛查 list: filters (institution, date, result, case state), pagination, xlsx export with masked IDs. */
export function ScreeningListPage() {
  const { lang, pick } = useI18n();
  const [q, setQ] = useState<string | undefined>();
  const [kind, setKind] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [caseState, setCaseState] = useState<string | undefined>();
  const [cohort, setCohort] = useState<string | undefined>();
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const filter = {
    q,
    kind,
    status,
    caseState,
    cohort,
    institutionId: institutionId ?? undefined,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
  };
  const list = useQuery({
    queryKey: ['cancer-screenings', filter, page],
    queryFn: () => screeningApi.list({ ...filter, page, pageSize: 20 }),
  });
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <>
      <PageHeader
        title={pick('两癌筛查', 'Cervical and breast cancer screening')}
        extra={
          <>
            <Button
              icon={<DownloadOutlined />}
              href={buildUrl('/cancer-screenings/export.xlsx', filter)}
              data-testid="screening-export"
            >
              {pick('导出Excel', 'Export xlsx')}
            </Button>
            <Link to="/women/cancer-screenings/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="screening-new">
                {pick('登记筛查', 'Record a screening')}
              </Button>
            </Link>
          </>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={pick('姓名', 'Name')}
            style={{ width: 140 }}
            onSearch={(v) => reset(setQ)(v || undefined)}
          />
          <Select
            allowClear
            style={{ width: 110 }}
            placeholder={pick('类别', 'Kind')}
            value={kind}
            onChange={reset(setKind)}
            options={options(KIND, lang)}
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={pick('结果', 'Result')}
            value={status}
            onChange={reset(setStatus)}
            options={options(STATUS, lang)}
            data-testid="filter-status"
          />
          <Select
            allowClear
            style={{ width: 150 }}
            placeholder={pick('随访状态', 'Case state')}
            value={caseState}
            onChange={reset(setCaseState)}
            options={options(CASE_STATE, lang)}
          />
          <Select
            allowClear
            style={{ width: 170 }}
            placeholder={pick('人群', 'Cohort')}
            value={cohort}
            onChange={reset(setCohort)}
            options={options(COHORT, lang)}
          />
          <div style={{ width: 260 }}>
            <InstitutionSelect value={institutionId} onChange={reset(setInstitutionId)} />
          </div>
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => reset(setRange)(v as [Dayjs | null, Dayjs | null] | null)}
          />
        </Space>
        <Table<ScreeningListItem>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          data-testid="screening-table"
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showTotal: (t) => `${t}`,
          }}
          columns={[
            {
              title: pick('姓名', 'Name'),
              dataIndex: 'womanName',
              render: (v: string, r) => <Link to={`/people/${r.personId}`}>{v}</Link>,
            },
            { title: pick('证件号码', 'ID number'), dataIndex: 'idNumberMasked' },
            { title: pick('年龄', 'Age'), dataIndex: 'ageAtScreening' },
            { title: pick('类别', 'Kind'), dataIndex: 'kind', render: (v: string) => lab(KIND, v, lang) },
            { title: pick('方法', 'Method'), dataIndex: 'method', render: (v: string) => lab(METHOD, v, lang) },
            { title: pick('日期', 'Date'), dataIndex: 'screeningDate' },
            { title: pick('结果', 'Results'), render: (_: unknown, r) => resultText(r) },
            {
              title: pick('判定', 'Status'),
              dataIndex: 'status',
              render: (v: string) => (
                <Tag color={v === 'abnormal' ? 'orange' : v === 'normal' ? 'green' : 'default'}>
                  {lab(STATUS, v, lang)}
                </Tag>
              ),
            },
            {
              title: pick('下一步', 'Next'),
              dataIndex: 'nextStep',
              render: (v: string | null) => lab(PATHWAY_NEXT, v, lang),
            },
            {
              title: pick('随访', 'Case'),
              render: (_: unknown, r) =>
                r.caseState ? (
                  <Tag color={stateColor(r.caseState, r.caseOverdue)}>{lab(CASE_STATE, r.caseState, lang)}</Tag>
                ) : (
                  '—'
                ),
            },
            { title: pick('下次筛查', 'Next due'), dataIndex: 'nextDueOn', render: (v: string | null) => v ?? '—' },
            { title: pick('机构', 'Institution'), dataIndex: 'institutionName' },
            {
              title: '',
              render: (_: unknown, r) => (
                <Link to={`/women/cancer-screenings/${r.id}`} data-testid="screening-open">
                  {pick('详情', 'Open')}
                </Link>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
