import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag } from 'antd';
import { api } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';

interface Missed {
  personId: string;
  childName: string;
  birthDate: string | null;
  kind: string;
  reason: string;
  nextStep: string | null;
  nextDue: string | null;
}

const KIND: Record<string, [string, string]> = {
  metabolic: ['遗传代谢病', 'Metabolic'],
  hearing: ['听力', 'Hearing'],
  heart: ['先心病', 'CHD'],
};

/** 漏筛及阳性未随访: children under one year with a newborn screening not done in time, or a positive not followed. */
export function MissedScreeningPage() {
  const { pick } = useI18n();
  const q = useQuery({
    queryKey: ['nbs-missed'],
    queryFn: () => api.get<{ items: Missed[]; total: number }>('/newborn-screening/missed'),
  });
  return (
    <>
      <PageHeader
        title={pick('新生儿漏筛与阳性随访', 'Missed newborn screening')}
        subTitle={pick(`共 ${q.data?.total ?? 0} 项`, `${q.data?.total ?? 0} items`)}
      />
      <Card>
        <Table<Missed>
          size="small"
          rowKey={(r) => `${r.personId}-${r.kind}`}
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          columns={[
            {
              title: pick('儿童', 'Child'),
              render: (_: unknown, r) => <Link to={`/children/${r.personId}`}>{r.childName}</Link>,
            },
            { title: pick('出生日期', 'Born'), dataIndex: 'birthDate' },
            {
              title: pick('筛查', 'Screening'),
              dataIndex: 'kind',
              render: (v: string) => pick(...(KIND[v] ?? [v, v])),
            },
            {
              title: pick('情况', 'Why'),
              dataIndex: 'reason',
              render: (v: string) =>
                v === 'not_screened' ? (
                  <Tag color="red">{pick('未筛查', 'Not screened')}</Tag>
                ) : (
                  <Tag color="orange">{pick('下一步逾期', 'Next step overdue')}</Tag>
                ),
            },
            { title: pick('下一步', 'Next step'), dataIndex: 'nextStep' },
            { title: pick('应于', 'Due'), dataIndex: 'nextDue' },
          ]}
        />
      </Card>
    </>
  );
}
