import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Card, Input, Segmented, Space, Table, Tag } from 'antd';
import { useI18n } from '../../i18n/i18n-provider';
import { PageHeader } from '../../components/page-header';
import { childApi, type WorkItem } from './child.api';
import type { Pair } from './child-labels';
import { lbl } from './child-labels';

const KINDS: Record<string, Pair> = {
  profile_missing: ['新生儿未建档', 'Newborns without a record'],
  checkup_due: ['健康检查', 'Check-ups'],
  hb_due: ['血红蛋白检测', 'Hb tests'],
  case_proposed: ['待确认专案', 'Cases to confirm'],
  case_followup: ['专案随访', 'Case follow-ups'],
  referral_receipt: ['转诊回执', 'Referral receipts'],
  screening_step: ['筛查随访', 'Screening steps'],
  exposure_duty: ['暴露儿童', 'Exposed infants'],
};

const PAGE_SIZE = 50;

/** 儿童保健工作清单: what is due or overdue, filterable by kind, institution and township. */
export function ChildWorklistPage() {
  const { lang, pick } = useI18n();
  const [kind, setKind] = useState<string>('all');
  const [township, setTownship] = useState('');
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['child-worklist', kind, township, page],
    queryFn: () =>
      childApi.worklist({
        kind: kind === 'all' ? undefined : kind,
        township: township || undefined,
        horizon: 14,
        page,
        pageSize: PAGE_SIZE,
      }),
  });
  const counts = q.data?.counts ?? {};
  return (
    <>
      <PageHeader
        title={pick('儿童保健工作清单', 'Child-health worklist')}
        subTitle={pick('今后14天内应做和已逾期的工作', 'Due in the next 14 days and overdue')}
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Segmented
            value={kind}
            onChange={(v) => {
              setKind(String(v));
              setPage(1);
            }}
            options={[
              { value: 'all', label: pick('全部', 'All') },
              ...Object.keys(KINDS).map((k) => ({
                value: k,
                label: `${lbl(KINDS, k, lang)}${counts[k] ? ` ${counts[k]}` : ''}`,
              })),
            ]}
          />
          <Input.Search
            allowClear
            placeholder={pick('乡镇区划代码（9位）', 'Township code (9 digits)')}
            onSearch={(v) => {
              setTownship(v);
              setPage(1);
            }}
            style={{ width: 220 }}
          />
        </Space>
        <Table<WorkItem>
          size="small"
          rowKey={(r) => `${r.kind}-${r.personId}-${r.refId ?? ''}-${r.what}`}
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          data-testid="worklist-table"
          pagination={{ current: page, pageSize: PAGE_SIZE, total: q.data?.total ?? 0, onChange: setPage }}
          columns={[
            {
              title: pick('儿童', 'Child'),
              dataIndex: 'childName',
              render: (v: string, r) => <Link to={`/children/${r.personId}`}>{v}</Link>,
            },
            { title: pick('出生日期', 'Born'), dataIndex: 'birthDate' },
            { title: pick('类别', 'Kind'), dataIndex: 'kind', render: (v: string) => lbl(KINDS, v, lang) },
            { title: pick('事项', 'What'), render: (_: unknown, r) => pick(r.what, r.whatEn) },
            {
              title: pick('应完成', 'Due'),
              render: (_: unknown, r) => (r.due ? <Tag color={r.overdue ? 'red' : 'blue'}>{r.due}</Tag> : '—'),
            },
            {
              title: '',
              render: (_: unknown, r) =>
                r.kind === 'case_followup' || r.kind === 'case_proposed' ? (
                  <Link to={`/child-cases/${r.refId}`}>{pick('处理', 'Open')}</Link>
                ) : null,
            },
          ]}
        />
      </Card>
    </>
  );
}
