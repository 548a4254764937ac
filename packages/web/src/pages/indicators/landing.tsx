/**
 * The part of the start page that depends on the role: a county supervisor sees her county's indicators that miss
 * their targets and her open duties; a city (or higher) user sees her counties side by side.
 */
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Col, Empty, List, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { api } from '../../api/client';
import { useCurrentUser } from '../../app/auth';
import { useI18n } from '../../i18n/i18n-provider';
import { EVALUATION_HEX, defaultList, membersPath } from './dashboard.page';
import { DataAsOf, fmtValue, StatusTag, useIndicatorHome } from './indicator-widgets';
import { dashboardApi, type Compare, type Evaluation } from './indicators.api';

/** The role's landing section, or nothing for roles that do not read indicators. */
export function RoleLanding() {
  const me = useCurrentUser();
  const reads = me.permissions.includes('indicator.read');
  const home = useIndicatorHome(reads);
  if (!reads || !home.data?.regionCode) return null;
  const level = home.data.regions.find((r) => r.code === home.data.regionCode)?.level;
  const period = `${home.data.reportYear}RY`;
  if (level === 'county')
    return (
      <CountyLanding
        region={home.data.regionCode}
        regionName={home.data.regionName ?? ''}
        period={period}
        canList={home.data.canSeePeople}
        supervises={me.permissions.includes('care.supervise')}
        cares={me.permissions.includes('care.read')}
      />
    );
  return <RegionsLanding region={home.data.regionCode} period={period} />;
}

function dashboardLink(region: string, period: string, extra: Record<string, string> = {}): string {
  return `/indicators/dashboard?${new URLSearchParams({ region, period, ...extra }).toString()}`;
}

interface PendingReport {
  id: string;
  caseId: string;
  womanName: string;
  overdue: boolean;
}

function CountyLanding(props: {
  region: string;
  regionName: string;
  period: string;
  canList: boolean;
  supervises: boolean;
  cares: boolean;
}) {
  const { pick, lang } = useI18n();
  const d = useQuery({
    queryKey: ['indicators', 'dashboard', props.region, props.period, 'default'],
    queryFn: () => dashboardApi.cards({ regionCode: props.region, period: props.period, basis: 'default' }),
    refetchInterval: 60_000,
  });
  const reports = useQuery({
    queryKey: ['landing', 'high-risk-reports'],
    queryFn: () => api.get<PendingReport[]>('/high-risk-reports'),
    enabled: props.supervises,
  });
  const maternal = useQuery({
    queryKey: ['landing', 'maternal-worklist'],
    // only the count is shown: one row per kind instead of a page of each
    queryFn: () => api.get<{ overdue: number }>('/maternal-worklist', { limit: 1 }),
    enabled: props.cares,
  });
  const child = useQuery({
    queryKey: ['landing', 'child-worklist'],
    queryFn: () => api.get<{ items: { overdue: boolean }[]; total: number; overdue?: number }>('/child-worklist'),
    enabled: props.cares,
  });
  const behind = (d.data?.cards ?? [])
    .filter((c) => c.target && (c.evaluation === 'not_met' || c.evaluation === 'close'))
    .sort((a, b) => (a.evaluation === b.evaluation ? 0 : a.evaluation === 'not_met' ? -1 : 1));
  const counts = { met: 0, close: 0, not_met: 0 } as Record<string, number>;
  for (const c of d.data?.cards ?? []) if (c.target) counts[c.evaluation] = (counts[c.evaluation] ?? 0) + 1;
  const overdueReports = (reports.data ?? []).filter((r) => r.overdue).length;
  const duties: { key: string; label: string; n: number | undefined; overdue?: number; to: string }[] = [
    ...(props.supervises
      ? [
          {
            key: 'reports',
            label: pick('待确认的高危报告', 'High-risk reports to acknowledge'),
            n: reports.data?.length,
            overdue: overdueReports,
            to: '/maternal/high-risk',
          },
        ]
      : []),
    ...(props.cares
      ? [
          {
            key: 'maternal',
            label: pick('孕产妇保健逾期工作', 'Overdue maternal care'),
            n: maternal.data?.overdue,
            to: '/maternal',
          },
          {
            key: 'child',
            label: pick('儿童保健逾期工作', 'Overdue child care'),
            // the list is paged: the server counts every overdue duty
            n: child.data ? (child.data.overdue ?? child.data.items.filter((i) => i.overdue).length) : undefined,
            to: '/child-worklist',
          },
          {
            key: 'screening',
            label: pick('新生儿疾病筛查漏筛名单', 'Newborns not screened'),
            n: undefined,
            to: '/newborn-screening/missed',
          },
        ]
      : []),
  ];
  return (
    <Row gutter={16} style={{ marginBottom: 16 }} data-testid="landing-county">
      <Col xs={24} lg={14}>
        <Card
          size="small"
          title={`${props.regionName} · ${pick('未达标与接近目标的指标', 'Indicators behind target')}`}
          extra={
            <Space>
              <DataAsOf at={d.data?.dataAsOf} />
              <Link to={dashboardLink(props.region, props.period)} data-testid="landing-dashboard">
                {pick('打开看板', 'Open dashboard')}
              </Link>
            </Space>
          }
          loading={d.isLoading}
        >
          <Space style={{ marginBottom: 8 }}>
            <Tag color="red">{pick(`未达标 ${counts.not_met ?? 0}`, `Not met ${counts.not_met ?? 0}`)}</Tag>
            <Tag color="gold">{pick(`接近 ${counts.close ?? 0}`, `Close ${counts.close ?? 0}`)}</Tag>
            <Tag color="green">{pick(`达标 ${counts.met ?? 0}`, `Met ${counts.met ?? 0}`)}</Tag>
          </Space>
          {behind.length === 0 ? (
            <Empty description={pick('所有有目标的指标均已达标', 'Every indicator with a target is met')} />
          ) : (
            <List
              size="small"
              dataSource={behind.slice(0, 8)}
              renderItem={(c) => (
                <List.Item
                  actions={
                    props.canList && c.status !== 'unavailable'
                      ? [
                          <Link
                            key="list"
                            to={membersPath(c.indicatorId, {
                              region: props.region,
                              period: props.period,
                              basis: 'default',
                              list: defaultList(c),
                            })}
                          >
                            {defaultList(c) === 'missed' ? pick('未达到者', 'Missed') : pick('名单', 'List')}
                          </Link>,
                        ]
                      : []
                  }
                >
                  <Space>
                    <StatusTag status={c.evaluation} />
                    <Link to={dashboardLink(props.region, props.period, { indicator: c.indicatorId })}>
                      {pick(c.nameZh, c.nameEn)}
                    </Link>
                    <Typography.Text strong>{fmtValue(c.value, c.unit, lang)}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={pick('我的待办', 'My open duties')} data-testid="landing-duties">
          <List
            size="small"
            dataSource={duties}
            locale={{ emptyText: pick('没有待办', 'Nothing open') }}
            renderItem={(x) => (
              <List.Item>
                <Link to={x.to} data-testid={`duty-${x.key}`}>
                  {x.label}
                </Link>
                <Space>
                  {x.overdue ? <Tag color="red">{pick(`${x.overdue} 逾期`, `${x.overdue} overdue`)}</Tag> : null}
                  {x.n !== undefined && <Badge count={x.n} showZero color={x.n ? '#f5222d' : '#52c41a'} />}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}

function RegionsLanding(props: { region: string; period: string }) {
  const { pick, lang } = useI18n();
  const q = useQuery({
    queryKey: ['indicators', 'compare', props.region, props.period],
    queryFn: () => dashboardApi.compare({ regionCode: props.region, period: props.period }),
    refetchInterval: 60_000,
  });
  const d = q.data;
  const cell = (
    c: Compare['rows'][number]['cells'][string] | undefined,
    unit: Compare['indicators'][number]['unit'],
  ) => {
    if (!c) return '—';
    const e: Evaluation = c.target ? c.evaluation : 'no_data';
    return (
      <Tooltip
        title={
          c.target
            ? `${pick('目标', 'Target')} ${c.target.comparator === 'no_avoidable_maternal_death' ? pick('无可避免孕产妇死亡', 'no avoidable death') : `${c.target.comparator} ${c.target.value}`} · ${c.numerator ?? '—'}/${c.denominator ?? '—'}`
            : `${c.numerator ?? '—'}/${c.denominator ?? '—'}`
        }
      >
        <span
          data-evaluation={e}
          style={{
            display: 'inline-block',
            minWidth: 64,
            padding: '1px 6px',
            borderRadius: 4,
            background: c.target ? `${EVALUATION_HEX[e]}22` : undefined,
            color: c.target && e !== 'no_data' ? EVALUATION_HEX[e] : undefined,
            fontWeight: c.target ? 600 : undefined,
          }}
        >
          {fmtValue(c.value, unit, lang)}
        </span>
      </Tooltip>
    );
  };
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="landing-regions"
      loading={q.isLoading}
      title={
        d
          ? `${d.region.name} · ${pick('各地区关键指标', 'Regions side by side')} · ${pick(d.period.labelZh, d.period.labelEn)}`
          : ''
      }
      extra={
        <Space>
          <DataAsOf at={d?.dataAsOf} />
          <Link to={dashboardLink(props.region, props.period)} data-testid="landing-dashboard">
            {pick('打开看板', 'Open dashboard')}
          </Link>
        </Space>
      }
    >
      {d && (
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={d.rows}
          data-testid="compare-table"
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>{d.total.name}</strong>
              </Table.Summary.Cell>
              {d.indicators.map((i, idx) => (
                <Table.Summary.Cell key={i.id} index={idx + 1}>
                  {cell(d.total.cells[i.id], i.unit)}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )}
          columns={[
            {
              title: pick('地区', 'Region'),
              dataIndex: 'name',
              fixed: 'left' as const,
              render: (name: string, r) => (
                <Link to={dashboardLink(r.code, props.period)} data-testid={`compare-${r.code}`}>
                  {name}
                </Link>
              ),
            },
            ...d.indicators.map((i) => ({
              title: (
                <Link to={dashboardLink(props.region, props.period, { indicator: i.id })}>
                  {pick(i.nameZh, i.nameEn)}
                </Link>
              ),
              key: i.id,
              render: (_: unknown, r: Compare['rows'][number]) => cell(r.cells[i.id], i.unit),
            })),
          ]}
        />
      )}
      <Space style={{ marginTop: 8, fontSize: 12 }}>
        {(['met', 'close', 'not_met'] as const).map((e) => (
          <StatusTag key={e} status={e} />
        ))}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {pick(
            '按各地区适用的目标值着色；无目标的指标不着色',
            'Coloured against each region’s own target; no colour without a target',
          )}
        </Typography.Text>
      </Space>
    </Card>
  );
}
