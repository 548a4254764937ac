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
import { premaritalApi, type PremaritalListItem } from './women.api';
import { PREMARITAL_OPINION, lab, options } from './women-labels';

const FOLLOW_UP = {
  due: { zh: '待随访', en: 'Follow-up due' },
  overdue: { zh: '随访逾期', en: 'Follow-up overdue' },
  done: { zh: '已随访', en: 'Followed up' },
};

/** 婚前医学检查 list: filters (institution, date, opinion, follow-up), pagination, xlsx export. */
export function PremaritalListPage() {
  const { lang, pick } = useI18n();
  const [q, setQ] = useState<string | undefined>();
  const [opinion, setOpinion] = useState<string | undefined>();
  const [followUp, setFollowUp] = useState<string | undefined>();
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const filter = {
    q,
    opinion,
    followUp,
    institutionId: institutionId ?? undefined,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
  };
  const list = useQuery({
    queryKey: ['premarital-exams', filter, page],
    queryFn: () => premaritalApi.list({ ...filter, page, pageSize: 20 }),
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
        title={pick('婚前医学检查', 'Premarital examinations')}
        extra={
          <>
            <Link to="/women/premarital-rate">
              <Button>{pick('婚检率与结婚登记', 'Rate and registrations')}</Button>
            </Link>
            <Button icon={<DownloadOutlined />} href={buildUrl('/premarital-exams/export.xlsx', filter)}>
              {pick('导出Excel', 'Export xlsx')}
            </Button>
            <Link to="/women/premarital-exams/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="premarital-new">
                {pick('登记婚检', 'Record an examination')}
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
            style={{ width: 240 }}
            placeholder={pick('医学意见', 'Opinion')}
            value={opinion}
            onChange={reset(setOpinion)}
            options={options(PREMARITAL_OPINION, lang)}
          />
          <Select
            allowClear
            style={{ width: 140 }}
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
        <Table<PremaritalListItem>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
          columns={[
            { title: pick('检查日期', 'Date'), dataIndex: 'examDate' },
            { title: pick('女方', 'Bride'), dataIndex: 'femaleName', render: (v: string | null) => v ?? '—' },
            { title: pick('女方证件', 'Bride ID'), dataIndex: 'femaleIdMasked' },
            { title: pick('男方', 'Groom'), dataIndex: 'maleName', render: (v: string | null) => v ?? '—' },
            { title: pick('男方证件', 'Groom ID'), dataIndex: 'maleIdMasked' },
            {
              title: pick('医学意见', 'Opinion'),
              dataIndex: 'opinion',
              render: (v: string) => (
                <Tag color={v === 'no_contraindication' ? 'green' : 'orange'}>{lab(PREMARITAL_OPINION, v, lang)}</Tag>
              ),
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
            { title: pick('机构', 'Institution'), dataIndex: 'institutionName' },
            {
              title: '',
              render: (_: unknown, r) => <Link to={`/women/premarital-exams/${r.id}`}>{pick('详情', 'Open')}</Link>,
            },
          ]}
        />
      </Card>
    </>
  );
}
