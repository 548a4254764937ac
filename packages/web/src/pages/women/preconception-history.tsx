import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n-provider';
import { preconceptionApi, type Dispensing, type PreconceptionCheck } from './women.api';
import { ADHERENCE, RISK_LEVEL, lab } from './women-labels';

/** A person's preconception checks and (for a woman) folic acid. */
export function PreconceptionHistory(props: { personId: string; sex: 'female' | 'male' }) {
  const { lang, pick } = useI18n();
  const checks = useQuery({
    queryKey: ['preconception-history', props.personId],
    queryFn: () => preconceptionApi.history(props.personId),
  });
  const folic = useQuery({
    queryKey: ['folic', 'person', props.personId],
    queryFn: () => preconceptionApi.folicHistory(props.personId),
    enabled: props.sex === 'female',
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Link to={`/women/preconception-checks/new?personId=${props.personId}&sex=${props.sex}`}>
        <Button icon={<PlusOutlined />}>{pick('登记孕前检查', 'Record a preconception check')}</Button>
      </Link>
      <Table<PreconceptionCheck>
        rowKey="id"
        size="small"
        pagination={false}
        loading={checks.isLoading}
        dataSource={checks.data ?? []}
        columns={[
          { title: pick('日期', 'Date'), dataIndex: 'checkDate' },
          {
            title: pick('风险', 'Risk'),
            render: (_: unknown, r) => (
              <Tag color={r.riskLevel === 'high' ? 'red' : 'green'}>{lab(RISK_LEVEL, r.riskLevel, lang)}</Tag>
            ),
          },
          { title: pick('随访', 'Follow-up'), render: (_: unknown, r) => r.followUpDoneOn ?? r.followUpDue ?? '—' },
          {
            title: pick('妊娠', 'Pregnancy'),
            dataIndex: 'pregnancyConfirmedOn',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: '',
            render: (_: unknown, r) => <Link to={`/women/preconception-checks/${r.id}`}>{pick('详情', 'Open')}</Link>,
          },
        ]}
      />
      {props.sex === 'female' && folic.data && (
        <>
          <div>
            {pick('叶酸', 'Folic acid')}:{' '}
            {pick(`累计发放${folic.data.tabletsDispensed}片`, `${folic.data.tabletsDispensed} tablets given`)}
            {folic.data.schedule &&
              pick(
                `；建议服用 ${folic.data.schedule.startDate} 至 ${folic.data.schedule.endDate}（约${folic.data.schedule.packsNeeded}瓶）`,
                `; advised ${folic.data.schedule.startDate} to ${folic.data.schedule.endDate}`,
              )}
          </div>
          <Table<Dispensing>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={folic.data.dispensings}
            columns={[
              { title: pick('发放日期', 'Dispensed'), dataIndex: 'dispensedOn' },
              { title: pick('瓶数', 'Packs'), dataIndex: 'packs' },
              {
                title: pick('随访', 'Follow-up'),
                render: (_: unknown, r) => (r.followedUp ? pick('已随访', 'done') : r.followUpDue),
              },
            ]}
          />
          {folic.data.followUps.map((f) => (
            <Tag key={f.id}>
              {f.followUpDate} {lab(ADHERENCE, f.adherence, lang)}{' '}
              {f.folateNgMl !== null ? `· ${f.folateNgMl} ng/mL` : ''}
            </Tag>
          ))}
        </>
      )}
    </Space>
  );
}
