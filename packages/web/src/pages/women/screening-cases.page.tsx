import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Segmented, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { buildUrl } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { screeningApi, type CaseListItem } from './women.api';
import { useCommonFilters } from './list-filters';
import { CASE_NEXT, CASE_STATE, KIND, LESION_GRADE, lab, options, stateColor } from './women-labels';

type View = 'overdue' | 'open' | 'all';

/** 两癌异常随访: the overdue worklist (default), open cases, or all, with export. */
export function ScreeningCasesPage() {
  const { lang, pick } = useI18n();
  const [view, setView] = useState<View>('overdue');
  const [kind, setKind] = useState<string | undefined>();
  const [state, setState] = useState<string | undefined>();
  const common = useCommonFilters({ name: false, datesLabel: ['发现', 'Found'] });
  const { page, setPage } = common;
  const filter = {
    ...common.values,
    kind,
    state,
    overdue: view === 'overdue' ? 'true' : undefined,
    open: view === 'open' ? 'true' : undefined,
  };
  const list = useQuery({
    queryKey: ['cancer-screening-cases', filter, page],
    queryFn: () => screeningApi.cases({ ...filter, page, pageSize: 20 }),
  });
  return (
    <>
      <PageHeader
        title={pick('两癌异常随访', 'Cancer screening follow-up')}
        subTitle={pick(
          '异常结果的告知、进一步检查、病理和治疗；逾期未完成的步骤列在“逾期”中',
          'Abnormal results followed to diagnosis and treatment; late steps are listed under "Overdue"',
        )}
        extra={
          <Button icon={<DownloadOutlined />} href={buildUrl('/cancer-screening-cases/export.xlsx', filter)}>
            {pick('导出Excel', 'Export xlsx')}
          </Button>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Segmented<View>
            data-testid="cases-view"
            value={view}
            onChange={(v) => {
              setView(v);
              setPage(1);
            }}
            options={[
              { value: 'overdue', label: pick('逾期', 'Overdue') },
              { value: 'open', label: pick('随访中', 'Open') },
              { value: 'all', label: pick('全部', 'All') },
            ]}
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={pick('类别', 'Kind')}
            value={kind}
            onChange={(v) => {
              setKind(v);
              setPage(1);
            }}
            options={options(KIND, lang)}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={pick('个案状态', 'State')}
            value={state}
            onChange={(v) => {
              setState(v);
              setPage(1);
            }}
            options={options(CASE_STATE, lang)}
          />
          {common.controls}
        </Space>
        <Table<CaseListItem>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          data-testid="cases-table"
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
          columns={[
            {
              title: pick('姓名', 'Name'),
              dataIndex: 'womanName',
              render: (v: string, r) => <Link to={`/people/${r.personId}`}>{v}</Link>,
            },
            { title: pick('证件号码', 'ID number'), dataIndex: 'idNumberMasked' },
            { title: pick('类别', 'Kind'), dataIndex: 'kind', render: (v: string) => lab(KIND, v, lang) },
            { title: pick('筛查日期', 'Screened'), dataIndex: 'screeningDate' },
            {
              title: pick('状态', 'State'),
              render: (_: unknown, r) => (
                <Tag color={stateColor(r.state, r.overdue)}>{lab(CASE_STATE, r.state, lang)}</Tag>
              ),
            },
            {
              title: pick('下一步', 'Next step'),
              dataIndex: 'nextStep',
              render: (v: string) => lab(CASE_NEXT, v, lang),
            },
            {
              title: pick('应完成', 'Due'),
              render: (_: unknown, r) =>
                r.dueOn ? (
                  <Tag color={r.overdue ? 'red' : 'blue'}>
                    {r.dueOn}
                    {r.overdue ? pick(`（逾期${r.daysOverdue}天）`, ` (${r.daysOverdue} d late)`) : ''}
                  </Tag>
                ) : (
                  '—'
                ),
            },
            {
              title: pick('病变', 'Lesion'),
              dataIndex: 'lesionGrade',
              render: (v: string | null) => lab(LESION_GRADE, v, lang),
            },
            { title: pick('机构', 'Institution'), dataIndex: 'institutionName' },
            {
              title: '',
              render: (_: unknown, r) => (
                <Link to={`/women/cancer-screenings/${r.screeningId}`} data-testid="case-open">
                  {pick('处理', 'Open')}
                </Link>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
