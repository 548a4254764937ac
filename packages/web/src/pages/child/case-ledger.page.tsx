import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { buildUrl } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { childApi, type LedgerItem } from './child.api';
import { CASE_KIND, CASE_STATUS, SEVERITY, lbl } from './child-labels';

/** 体弱儿/高危儿台账: every case with filters, pagination and an xlsx export (identifiers masked). */
export function CaseLedgerPage() {
  const { lang, pick } = useI18n();
  const [kind, setKind] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>('open');
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const filter = { kind, status, overdue: overdue ? 'true' : undefined };
  const q = useQuery({
    queryKey: ['child-cases', filter, page],
    queryFn: () => childApi.ledger({ ...filter, page, pageSize: 20 }),
  });
  return (
    <>
      <PageHeader
        title={pick('体弱儿/高危儿台账', 'Case ledger')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            href={buildUrl('/child-cases/export.xlsx', filter)}
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
            style={{ width: 180 }}
            placeholder={pick('专案类型', 'Kind')}
            value={kind}
            onChange={(v) => {
              setKind(v);
              setPage(1);
            }}
            options={Object.keys(CASE_KIND).map((k) => ({ value: k, label: lbl(CASE_KIND, k, lang) }))}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={pick('状态', 'Status')}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={Object.keys(CASE_STATUS).map((k) => ({ value: k, label: lbl(CASE_STATUS, k, lang) }))}
          />
          <Button type={overdue ? 'primary' : 'default'} danger={overdue} onClick={() => setOverdue(!overdue)}>
            {pick('仅看逾期随访', 'Overdue only')}
          </Button>
        </Space>
        <Table<LedgerItem>
          rowKey="id"
          size="small"
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage }}
          columns={[
            {
              title: pick('姓名', 'Name'),
              dataIndex: 'childName',
              render: (v: string, r) => <Link to={`/children/${r.personId}`}>{v}</Link>,
            },
            { title: pick('出生日期', 'Born'), dataIndex: 'birthDate' },
            { title: pick('证件号码', 'ID number'), dataIndex: 'idNumberMasked' },
            { title: pick('现住址', 'Residence'), dataIndex: 'residenceRegionName' },
            { title: pick('类型', 'Kind'), dataIndex: 'kind', render: (v: string) => lbl(CASE_KIND, v, lang) },
            {
              title: pick('程度', 'Severity'),
              dataIndex: 'severity',
              render: (v: string | null) => lbl(SEVERITY, v, lang),
            },
            { title: pick('状态', 'Status'), dataIndex: 'status', render: (v: string) => lbl(CASE_STATUS, v, lang) },
            { title: pick('建案', 'Opened'), dataIndex: 'openedOn' },
            { title: pick('随访', 'Follow-ups'), dataIndex: 'followups' },
            {
              title: pick('下次随访', 'Next due'),
              render: (_: unknown, r) =>
                r.nextFollowUpDue ? <Tag color={r.overdue ? 'red' : 'blue'}>{r.nextFollowUpDue}</Tag> : '—',
            },
            { title: pick('管理机构', 'Institution'), dataIndex: 'institutionName' },
            { title: '', render: (_: unknown, r) => <Link to={`/child-cases/${r.id}`}>{pick('详情', 'Open')}</Link> },
          ]}
        />
      </Card>
    </>
  );
}
