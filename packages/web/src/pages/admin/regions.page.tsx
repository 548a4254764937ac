import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { HomeOutlined } from '@ant-design/icons';
import { regionChildren, searchRegions } from '../../api/platform.api';
import type { RegionDto } from '../../api/types';
import { useHasPermission } from '../../app/auth';
import { useErrorText } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { REGION_LEVEL_LABELS, labelOf } from '../../i18n/labels';
import { useI18n } from '../../i18n/i18n-provider';
import { RegionAltitudeModal } from './region-altitude-modal';

/**
 * Regions browser: drill down province → city → county → township, with a breadcrumb and a name search; users with
 * institution.manage set a region's altitude (Hb altitude adjustment of children).
 */
export function RegionsPage() {
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? undefined;
  const [q, setQ] = useState('');
  const [searchText, setSearchText] = useState('');
  const canManage = useHasPermission('institution.manage');
  const [altitudeOf, setAltitudeOf] = useState<RegionDto | null>(null);
  const level = useQuery({
    queryKey: ['regions', 'children', code ?? 'root'],
    queryFn: () => regionChildren(code),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const search = useQuery({
    queryKey: ['regions', 'search', q],
    queryFn: () => searchRegions(q),
    enabled: q.length > 0,
  });
  const open = (c?: string) => {
    setQ('');
    setSearchText('');
    setParams(c ? { code: c } : {});
  };

  const trail = [...(level.data?.ancestors ?? []), ...(level.data?.region ? [level.data.region] : [])].filter(
    (r) => r.level !== 'country',
  );

  const columns: TableColumnsType<RegionDto> = [
    {
      title: t('regions.code'),
      dataIndex: 'code',
      width: 140,
      render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
    },
    {
      title: t('regions.name'),
      dataIndex: 'name',
      render: (n: string, r) =>
        r.level === 'township' || r.level === 'village' ? (
          n
        ) : (
          <Button type="link" style={{ padding: 0 }} onClick={() => open(r.code)} data-testid="region-open">
            {n}
          </Button>
        ),
    },
    {
      title: t('regions.level'),
      dataIndex: 'level',
      width: 140,
      render: (l: string) => <Tag>{labelOf(REGION_LEVEL_LABELS, l, lang)}</Tag>,
    },
    ...(canManage
      ? [
          {
            title: t('regions.altitude'),
            width: 140,
            render: (_: unknown, r: RegionDto) => (
              <Button size="small" onClick={() => setAltitudeOf(r)} data-testid="region-altitude">
                {t('regions.altitudeSet')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div>
      <PageHeader
        title={t('regions.title')}
        subTitle={t('regions.subtitle')}
        extra={
          <Input.Search
            allowClear
            placeholder={t('regions.searchPlaceholder')}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onSearch={(v) => setQ(v.trim())}
            style={{ width: 280 }}
            data-testid="region-search"
          />
        }
      />
      <Card>
        {q ? (
          <>
            <Space style={{ marginBottom: 12 }}>
              <Typography.Text>{t('regions.searchResults', { q })}</Typography.Text>
              <Button size="small" onClick={() => open(code)}>
                {t('common.back')}
              </Button>
            </Space>
            <Table<RegionDto>
              rowKey="code"
              size="middle"
              columns={[
                ...columns.slice(0, 1),
                {
                  title: t('regions.name'),
                  dataIndex: 'name',
                  render: (n: string, r) => (
                    <Button type="link" style={{ padding: 0 }} onClick={() => open(r.parentCode ?? undefined)}>
                      {n}
                    </Button>
                  ),
                },
                ...columns.slice(2),
              ]}
              dataSource={search.data?.items ?? []}
              loading={search.isFetching}
              pagination={false}
            />
          </>
        ) : (
          <>
            <Breadcrumb
              style={{ marginBottom: 12 }}
              data-testid="region-breadcrumb"
              items={[
                {
                  title: (
                    <a onClick={() => open()}>
                      <HomeOutlined /> {t('regions.country')}
                    </a>
                  ),
                },
                ...trail.map((r, i) => ({
                  title: i === trail.length - 1 ? r.name : <a onClick={() => open(r.code)}>{r.name}</a>,
                })),
              ]}
            />
            {level.isError && (
              <Alert type="error" showIcon message={errorText(level.error)} style={{ marginBottom: 12 }} />
            )}
            <Table<RegionDto>
              rowKey="code"
              size="middle"
              columns={columns}
              dataSource={level.data?.items ?? []}
              loading={level.isFetching}
              data-testid="region-table"
              locale={{ emptyText: t('regions.noChildren') }}
              pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
            />
          </>
        )}
      </Card>
      <RegionAltitudeModal region={altitudeOf} onClose={() => setAltitudeOf(null)} />
    </div>
  );
}
