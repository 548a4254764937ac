import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Segmented, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { useErrorText } from '../../components/api-feedback';
import { useCatalogue } from './indicator-widgets';
import { indicatorsApi, type Member } from './indicators.api';

type List = 'missed' | 'numerator' | 'denominator';

/** The people behind an indicator: who was missed, the numerator, the denominator; masked, paged, exportable. */
export function IndicatorMembersPage() {
  const { pick } = useI18n();
  const errorText = useErrorText();
  const { indicatorId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const catalogue = useCatalogue();
  const def = catalogue.data?.find((d) => d.id === indicatorId);
  const list = (params.get('list') ?? 'missed') as List;
  const page = Number(params.get('page') ?? 1);
  const query = {
    regionCode: params.get('region') ?? '',
    period: params.get('period') ?? '',
    basis: params.get('basis') ?? 'default',
    list,
    countyCode: params.get('county') ?? undefined,
    institutionId: params.get('institution') ?? undefined,
    version: params.get('version') ?? undefined,
  };
  const q = useQuery({
    queryKey: ['indicators', 'members', indicatorId, query, page],
    queryFn: () => indicatorsApi.members(indicatorId, { ...query, page, pageSize: 20 }),
    enabled: !!query.regionCode && !!query.period,
    retry: false,
  });
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    next.set(k, v);
    if (k !== 'page') next.set('page', '1');
    setParams(next, { replace: true });
  };
  const lists: { value: List; label: string }[] = [
    ...(def?.direction === 'higher_better' && def.denominatorZh
      ? [{ value: 'missed' as const, label: pick('未达到者', 'Who was missed') }]
      : []),
    { value: 'numerator', label: pick('分子名单', 'Numerator') },
    ...(def?.denominatorZh ? [{ value: 'denominator' as const, label: pick('分母名单', 'Denominator') }] : []),
  ];
  return (
    <>
      <PageHeader
        title={def ? pick(def.nameZh, def.nameEn) : indicatorId}
        subTitle={pick(
          '个案名单（证件号码与电话已脱敏；查看与导出均留痕）',
          'People behind the figure (masked identifiers; viewing and export are audited)',
        )}
        breadcrumb={[
          {
            title: pick('指标看板', 'Dashboard'),
            to: `/indicators/dashboard?${new URLSearchParams({ region: query.regionCode, period: query.period, indicator: indicatorId }).toString()}`,
          },
          {
            title: pick('指标查询', 'Indicators'),
            to: `/indicators/explore?${new URLSearchParams({ indicator: indicatorId, region: query.regionCode, period: query.period }).toString()}`,
          },
          { title: pick('名单', 'List') },
        ]}
        extra={
          <Button
            icon={<DownloadOutlined />}
            href={indicatorsApi.membersXlsxUrl(indicatorId, query)}
            data-testid="members-export"
          >
            {pick('导出Excel', 'Export xlsx')}
          </Button>
        }
      />
      <Card>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Segmented<List> value={list} onChange={(v) => set('list', v)} options={lists} data-testid="members-list" />
          <Typography.Text type="secondary">
            {query.period} · {query.countyCode ?? query.regionCode}
            {q.data?.items[0]?.institutionName && query.institutionId ? ` · ${q.data.items[0].institutionName}` : ''}
            {q.data && ` · ${pick(`共 ${q.data.total} 人`, `${q.data.total} people`)}`}
          </Typography.Text>
          {q.error && (
            <Alert
              type={q.error instanceof ApiError && q.error.status < 500 ? 'info' : 'error'}
              message={errorText(q.error)}
            />
          )}
          <Table<Member>
            rowKey={(r) => `${r.personId ?? ''}-${r.pregnancyId ?? ''}-${r.eventDate ?? ''}`}
            size="small"
            loading={q.isLoading}
            dataSource={q.data?.items ?? []}
            data-testid="members-table"
            pagination={{
              current: page,
              pageSize: 20,
              total: q.data?.total ?? 0,
              showSizeChanger: false,
              onChange: (p) => set('page', String(p)),
            }}
            columns={[
              {
                title: pick('姓名', 'Name'),
                dataIndex: 'name',
                render: (x: string | null, r) =>
                  r.link ? (
                    <Link to={r.link} data-testid="member-link">
                      {x ?? '—'}
                    </Link>
                  ) : (
                    (x ?? '—')
                  ),
              },
              { title: pick('出生日期', 'Born'), dataIndex: 'birthDate' },
              { title: pick('证件号码', 'ID number'), dataIndex: 'idNumberMasked' },
              { title: pick('电话', 'Phone'), dataIndex: 'phoneMasked' },
              { title: pick('县区', 'County'), dataIndex: 'countyName' },
              { title: pick('日期', 'Date'), dataIndex: 'eventDate' },
              { title: pick('机构', 'Institution'), dataIndex: 'institutionName' },
            ]}
          />
        </Space>
      </Card>
    </>
  );
}
