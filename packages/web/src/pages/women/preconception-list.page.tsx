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
import { preconceptionApi, type PreconceptionListItem } from './women.api';
import { RISK_FACTOR, RISK_LEVEL, lab, options } from './women-labels';

const FOLLOW_UP = {
  due: { zh: '待随访', en: 'Due' },
  overdue: { zh: '随访逾期', en: 'Overdue' },
  done: { zh: '已随访', en: 'Done' },
};

/** 孕前优生健康检查 list: filters, pagination, export; followUp=overdue is the worklist. */
export function PreconceptionListPage() {
  const { lang, pick } = useI18n();
  const [q, setQ] = useState<string | undefined>();
  const [riskLevel, setRisk] = useState<string | undefined>();
  const [followUp, setFollowUp] = useState<string | undefined>();
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const filter = {
    q,
    riskLevel,
    followUp,
    institutionId: institutionId ?? undefined,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
  };
  const list = useQuery({
    queryKey: ['preconception-checks', filter, page],
    queryFn: () => preconceptionApi.list({ ...filter, page, pageSize: 20 }),
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
        title={pick('孕前优生健康检查', 'Preconception checks')}
        extra={
          <>
            <Link to="/women/folic-acid">
              <Button>{pick('叶酸发放与随访', 'Folic acid')}</Button>
            </Link>
            <Button icon={<DownloadOutlined />} href={buildUrl('/preconception-checks/export.xlsx', filter)}>
              {pick('导出Excel', 'Export xlsx')}
            </Button>
            <Link to="/women/preconception-checks/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {pick('登记孕前检查', 'Record a check')}
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
            style={{ width: 130 }}
            placeholder={pick('风险', 'Risk')}
            value={riskLevel}
            onChange={reset(setRisk)}
            options={options(RISK_LEVEL, lang)}
          />
          <Select
            allowClear
            style={{ width: 130 }}
            placeholder={pick('随访', 'Follow-up')}
            value={followUp}
            onChange={reset(setFollowUp)}
            options={options(FOLLOW_UP, lang)}
          />
          <div style={{ width: 260 }}>
            <InstitutionSelect value={institutionId} onChange={reset(setInstitutionId)} />
          </div>
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => reset(setRange)(v as [Dayjs | null, Dayjs | null] | null)}
          />
        </Space>
        <Table<PreconceptionListItem>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
          columns={[
            { title: pick('日期', 'Date'), dataIndex: 'checkDate' },
            { title: pick('女方', 'Woman'), dataIndex: 'femaleName' },
            { title: pick('证件号码', 'ID'), dataIndex: 'femaleIdMasked' },
            { title: pick('男方', 'Man'), dataIndex: 'maleName', render: (v: string | null) => v ?? '—' },
            {
              title: pick('风险', 'Risk'),
              render: (_: unknown, r) => (
                <Tag color={r.riskLevel === 'high' ? 'red' : 'green'}>{lab(RISK_LEVEL, r.riskLevel, lang)}</Tag>
              ),
            },
            {
              title: pick('风险因素', 'Factors'),
              render: (_: unknown, r) => r.riskFactors.map((f) => lab(RISK_FACTOR, f, lang)).join('、') || '—',
            },
            {
              title: pick('转诊', 'Referred'),
              dataIndex: 'referred',
              render: (v: boolean) => (v ? pick('是', 'Yes') : ''),
            },
            {
              title: pick('随访', 'Follow-up'),
              render: (_: unknown, r) =>
                r.followUpDoneOn ? (
                  <Tag color="green">{r.followUpDoneOn}</Tag>
                ) : r.followUpDue ? (
                  <Tag color={r.followUpOverdue ? 'red' : 'blue'}>{r.followUpDue}</Tag>
                ) : (
                  '—'
                ),
            },
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
      </Card>
    </>
  );
}
