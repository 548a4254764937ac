import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n-provider';
import { premaritalApi, type PremaritalExam } from './women.api';
import { PREMARITAL_OPINION, lab } from './women-labels';

/** A person's premarital examinations (as bride or groom). */
export function PremaritalHistory(props: { personId: string; sex: 'female' | 'male' }) {
  const { lang, pick } = useI18n();
  const q = useQuery({
    queryKey: ['premarital-history', props.personId],
    queryFn: () => premaritalApi.history(props.personId),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Link to={`/women/premarital-exams/new?personId=${props.personId}&sex=${props.sex}`}>
        <Button icon={<PlusOutlined />}>{pick('登记婚前医学检查', 'Record a premarital examination')}</Button>
      </Link>
      <Table<PremaritalExam>
        rowKey="id"
        size="small"
        pagination={false}
        loading={q.isLoading}
        dataSource={q.data ?? []}
        columns={[
          { title: pick('日期', 'Date'), dataIndex: 'examDate' },
          {
            title: pick('配偶', 'Partner'),
            render: (_: unknown, r) => (props.sex === 'female' ? r.male?.name : r.female?.name) ?? '—',
          },
          {
            title: pick('医学意见', 'Opinion'),
            dataIndex: 'opinion',
            render: (v: string) => lab(PREMARITAL_OPINION, v, lang),
          },
          { title: pick('证明编号', 'Certificate'), dataIndex: 'certificateNo' },
          {
            title: pick('随访', 'Follow-up'),
            render: (_: unknown, r) =>
              r.followUpDoneOn ? (
                <Tag color="green">{r.followUpDoneOn}</Tag>
              ) : r.followUpDue ? (
                <Tag color={r.followUpOverdue ? 'red' : 'orange'}>{r.followUpDue}</Tag>
              ) : (
                '—'
              ),
          },
          {
            title: '',
            render: (_: unknown, r) => <Link to={`/women/premarital-exams/${r.id}`}>{pick('详情', 'Open')}</Link>,
          },
        ]}
      />
    </Space>
  );
}
