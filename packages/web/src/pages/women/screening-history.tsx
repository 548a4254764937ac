import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n-provider';
import { screeningApi, type Screening } from './women.api';
import {
  CASE_NEXT,
  CASE_STATE,
  COHORT,
  KIND,
  METHOD,
  PATHWAY_NEXT,
  STATUS,
  lab,
  resultText,
  stateColor,
} from './women-labels';

/** A woman's two-cancer screenings: eligibility today, next due dates, records and cases. */
export function ScreeningHistory(props: { personId: string }) {
  const { lang, pick } = useI18n();
  const q = useQuery({
    queryKey: ['cancer-screening-history', props.personId],
    queryFn: () => screeningApi.history(props.personId),
  });
  const e = q.data?.eligibility;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="women-cancer-history">
      <Space wrap>
        {e && (
          <Alert
            type={e.eligible ? 'info' : 'warning'}
            showIcon
            message={
              e.eligible
                ? pick(
                    `${e.ageAtScreening}岁，两癌筛查适龄（${lab(COHORT, e.cohort, 'zh-CN')}）`,
                    `Age ${e.ageAtScreening}: eligible`,
                  )
                : pick(
                    `${e.ageAtScreening}岁，不在两癌筛查年龄范围`,
                    `Age ${e.ageAtScreening}: outside the screening age`,
                  )
            }
          />
        )}
        {q.data && (
          <span>
            {pick('下次宫颈癌筛查', 'Next cervical')}: <b>{q.data.nextDue.cervical ?? '—'}</b>{' '}
            {pick('下次乳腺癌筛查', 'Next breast')}: <b>{q.data.nextDue.breast ?? '—'}</b>
          </span>
        )}
        <Link to={`/women/cancer-screenings/new?personId=${props.personId}`}>
          <Button icon={<PlusOutlined />} data-testid="women-cancer-new">
            {pick('登记两癌筛查', 'Record a cancer screening')}
          </Button>
        </Link>
      </Space>
      <Table<Screening>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        pagination={false}
        dataSource={q.data?.screenings ?? []}
        columns={[
          { title: pick('日期', 'Date'), dataIndex: 'screeningDate' },
          { title: pick('类别', 'Kind'), dataIndex: 'kind', render: (v: string) => lab(KIND, v, lang) },
          { title: pick('方法', 'Method'), dataIndex: 'method', render: (v: string) => lab(METHOD, v, lang) },
          { title: pick('结果', 'Results'), render: (_: unknown, r) => resultText(r) },
          { title: pick('判定', 'Status'), dataIndex: 'status', render: (v: string) => lab(STATUS, v, lang) },
          {
            title: pick('路径下一步', 'Pathway'),
            dataIndex: 'nextStep',
            render: (v: string | null) => lab(PATHWAY_NEXT, v, lang),
          },
          {
            title: pick('随访', 'Case'),
            render: (_: unknown, r) =>
              r.case ? (
                <Space size={4}>
                  <Tag color={stateColor(r.case.state, r.case.overdue)}>{lab(CASE_STATE, r.case.state, lang)}</Tag>
                  {r.case.nextStep !== 'none' && lab(CASE_NEXT, r.case.nextStep, lang)}
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: '',
            render: (_: unknown, r) => <Link to={`/women/cancer-screenings/${r.id}`}>{pick('详情', 'Open')}</Link>,
          },
        ]}
      />
    </Space>
  );
}
