import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Segmented,
  Space,
  Statistic,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DownloadOutlined, PictureOutlined } from '@ant-design/icons';
import { TARGET_EVALUATION_LABELS } from '@fuyou/core';
import { PageHeader } from '../../components/page-header';
import { useErrorText } from '../../components/api-feedback';
import { useI18n } from '../../i18n/i18n-provider';
import { EChart, hasCountyMap, loadCountyMap, type EChartHandle } from './echart';
import {
  areaLabel,
  BasisSelect,
  comparatorText,
  DataAsOf,
  fmtValue,
  PeriodPicker,
  RegionSelect,
  StatusTag,
  useIndicatorHome,
} from './indicator-widgets';
import { dashboardApi, type Basis, type DashboardCard, type Evaluation, type Ranking } from './indicators.api';

/** Colours of met / close / not met (bars, map, card borders). */
export const EVALUATION_HEX: Record<Evaluation, string> = {
  met: '#52c41a',
  close: '#faad14',
  not_met: '#f5222d',
  no_data: '#bfbfbf',
};

/** Refetch the figures every minute (the engine's cache holds counts for at most 30 s). */
const REFRESH_MS = 60_000;

type StatusFilter = 'all' | Evaluation;

/** The members page of an indicator for the dashboard's region and period. */
export function membersPath(
  id: string,
  q: { region: string; period: string; basis: string; list: string; county?: string; institution?: string },
): string {
  const p = new URLSearchParams({ region: q.region, period: q.period, basis: q.basis, list: q.list });
  if (q.county) p.set('county', q.county);
  if (q.institution) p.set('institution', q.institution);
  return `/indicators/${id}/members?${p.toString()}`;
}

/** The list a card or bar opens: who was missed when the indicator has one, else the numerator. */
export function defaultList(c: Pick<DashboardCard, 'direction' | 'denominator' | 'unit'>): 'missed' | 'numerator' {
  return c.direction === 'higher_better' && c.unit !== 'count' && c.denominator !== null ? 'missed' : 'numerator';
}

/** 指标看板: the indicators of a region and period against their targets, with trend, ranking and map. */
export function IndicatorDashboardPage() {
  const { pick } = useI18n();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const home = useIndicatorHome();
  const region = params.get('region') ?? home.data?.regionCode ?? '';
  const period = params.get('period') ?? (home.data ? `${home.data.reportYear}RY` : '');
  const basis = (params.get('basis') ?? 'default') as Basis;
  const status = (params.get('status') ?? 'all') as StatusFilter;
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const q = useQuery({
    queryKey: ['indicators', 'dashboard', region, period, basis],
    queryFn: () => dashboardApi.cards({ regionCode: region, period, basis }),
    enabled: !!region && !!period,
    refetchInterval: REFRESH_MS,
  });
  const d = q.data;
  const withTarget = useMemo(() => (d?.cards ?? []).filter((c) => c.target), [d]);
  const selectedId =
    params.get('indicator') ??
    withTarget.find((c) => c.evaluation === 'not_met')?.indicatorId ??
    d?.cards[0]?.indicatorId ??
    '';
  const counts = useMemo(() => {
    const n: Record<Evaluation, number> = { met: 0, close: 0, not_met: 0, no_data: 0 };
    for (const c of withTarget) n[c.evaluation]++;
    return n;
  }, [withTarget]);
  const shown = (d?.cards ?? []).filter((c) => status === 'all' || (c.target && c.evaluation === status));
  const byArea = useMemo(() => {
    const m = new Map<string, DashboardCard[]>();
    for (const c of shown) m.set(c.area, [...(m.get(c.area) ?? []), c]);
    return [...m.entries()];
  }, [shown]);
  const canList = !!home.data?.canSeePeople;
  const selected = d?.cards.find((c) => c.indicatorId === selectedId);

  return (
    <>
      <PageHeader
        title={pick('指标看板', 'Indicator dashboard')}
        subTitle={
          d
            ? `${d.region.name} · ${pick(d.period.labelZh, d.period.labelEn)} · ${pick(`目标年度 ${d.targetYear}`, `targets of ${d.targetYear}`)}`
            : pick('各项指标与目标值对照，实时计算', 'Every indicator against its target, computed live')
        }
        extra={
          <Space>
            {d && <DataAsOf at={d.dataAsOf} />}
            <Button
              icon={<DownloadOutlined />}
              href={dashboardApi.xlsxUrl({ regionCode: region, period, basis })}
              disabled={!region || !period}
              data-testid="dashboard-export"
            >
              {pick('导出Excel', 'Export xlsx')}
            </Button>
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }} size="small">
        <Flex wrap gap={12} align="center" justify="space-between">
          <Space wrap>
            {home.data && <RegionSelect home={home.data} value={region} onChange={(x) => set('region', x)} />}
            {home.data && (
              <PeriodPicker value={period} onChange={(x) => set('period', x)} reportYear={home.data.reportYear} />
            )}
            <BasisSelect value={basis} onChange={(x) => set('basis', x)} />
          </Space>
          <Segmented<StatusFilter>
            value={status}
            onChange={(v) => set('status', v === 'all' ? undefined : v)}
            data-testid="status-filter"
            options={[
              { value: 'all', label: pick('全部', 'All') },
              { value: 'not_met', label: `${pick('未达标', 'Not met')} ${counts.not_met}` },
              { value: 'close', label: `${pick('接近', 'Close')} ${counts.close}` },
              { value: 'met', label: `${pick('达标', 'Met')} ${counts.met}` },
            ]}
          />
        </Flex>
      </Card>
      {q.error && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={errorText(q.error)} />}
      {!d ? (
        <Card loading={q.isLoading || home.isLoading}>{!q.isLoading && <Empty />}</Card>
      ) : (
        <>
          {selected && (
            <Row gutter={16} style={{ marginBottom: 16 }}>
              <Col xs={24} xl={12}>
                <TrendCard card={selected} region={region} period={period} basis={basis} />
              </Col>
              <Col xs={24} xl={12}>
                <RankingCard card={selected} region={region} period={period} basis={basis} canList={canList} />
              </Col>
            </Row>
          )}
          {shown.length === 0 && <Empty description={pick('没有符合条件的指标', 'No indicator matches')} />}
          {byArea.map(([area, cards]) => (
            <div key={area} style={{ marginBottom: 16 }}>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {areaLabel(area, pick)}
              </Typography.Title>
              <Row gutter={[12, 12]}>
                {cards.map((c) => (
                  <Col key={c.indicatorId} xs={24} sm={12} lg={8} xxl={6}>
                    <IndicatorCard
                      card={c}
                      selected={c.indicatorId === selectedId}
                      onSelect={() => set('indicator', c.indicatorId)}
                      listPath={
                        canList && c.status !== 'unavailable'
                          ? membersPath(c.indicatorId, { region, period, basis, list: defaultList(c) })
                          : null
                      }
                      regionCode={region}
                    />
                  </Col>
                ))}
              </Row>
            </div>
          ))}
        </>
      )}
    </>
  );
}

/** One indicator: value, target, status, change from the last period; click selects it, the link opens the list. */
function IndicatorCard(props: {
  card: DashboardCard;
  selected: boolean;
  onSelect(): void;
  listPath: string | null;
  regionCode: string;
}) {
  const { pick, lang } = useI18n();
  const c = props.card;
  const t = c.target;
  const colour = t ? EVALUATION_HEX[c.evaluation] : '#d9d9d9';
  const better = c.change === null || c.change === 0 ? null : c.change > 0 === (c.direction === 'higher_better');
  return (
    <Card
      size="small"
      hoverable
      onClick={props.onSelect}
      data-testid={`card-${c.indicatorId}`}
      data-evaluation={t ? c.evaluation : 'none'}
      style={{
        borderLeft: `4px solid ${colour}`,
        boxShadow: props.selected ? '0 0 0 2px #1668dc55' : undefined,
        height: '100%',
      }}
      styles={{ body: { padding: 12 } }}
    >
      <Flex justify="space-between" align="start" gap={8}>
        <Typography.Text strong style={{ minHeight: 44 }}>
          {pick(c.nameZh, c.nameEn)}
        </Typography.Text>
        {t ? <StatusTag status={c.evaluation} /> : <Tag>{pick('无目标', 'No target')}</Tag>}
      </Flex>
      {c.status === 'unavailable' ? (
        <Tooltip title={c.unavailable.map((u) => pick(u.reasonZh, u.reasonEn)).join('；')}>
          <Typography.Text type="secondary">{pick('暂无法统计', 'Not available')}</Typography.Text>
        </Tooltip>
      ) : (
        <Flex align="baseline" gap={8} wrap>
          <Statistic
            value={fmtValue(c.value, c.unit, lang)}
            valueStyle={{ fontSize: 24, color: t ? colour : undefined }}
            data-testid="card-value"
          />
          {c.change !== null && (
            <Tooltip title={pick('与上一统计周期相比', 'Change from the previous period')}>
              <Typography.Text
                style={{ color: better === null ? '#8c8c8c' : better ? '#389e0d' : '#cf1322', fontSize: 13 }}
                data-testid="card-change"
              >
                {pick('较上期', 'vs previous')}{' '}
                {c.change === 0 ? (
                  pick('持平', 'unchanged')
                ) : (
                  <>
                    {c.change > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />}{' '}
                    {fmtValue(Math.abs(c.change), c.unit, lang)}
                  </>
                )}
              </Typography.Text>
            </Tooltip>
          )}
        </Flex>
      )}
      <div style={{ fontSize: 12, color: '#595959' }}>
        {c.denominator !== null && (
          <div>
            {pick('分子/分母', 'Num./den.')} {c.numerator ?? '—'} / {c.denominator}
          </div>
        )}
        {t && (
          <div data-testid="card-target">
            {pick('目标', 'Target')} {comparatorText(t.comparator, pick)}
            {t.comparator !== 'no_avoidable_maternal_death' && ` ${fmtValue(t.value, c.unit, lang)}`}
            {t.inheritedFrom !== props.regionCode && (
              <Tag style={{ marginLeft: 4 }} bordered={false}>
                {pick(`继承 ${t.regionName ?? t.inheritedFrom}`, `from ${t.regionName ?? t.inheritedFrom}`)}
              </Tag>
            )}
            {t.carriedFromYear && (
              <Tag bordered={false}>{pick(`沿用${t.carriedFromYear}年`, `set for ${t.carriedFromYear}`)}</Tag>
            )}
          </div>
        )}
        {c.previous && (
          <div>
            {pick('上期', 'Previous')} {c.previous.periodKey}：{fmtValue(c.previous.value, c.unit, lang)}
          </div>
        )}
        {c.smallNumberWarning && (
          <Tooltip title={pick(c.smallNumberWarning.messageZh, c.smallNumberWarning.messageEn)}>
            <Tag color="orange" bordered={false} data-testid="card-small-numbers">
              {pick('小数字，解读需谨慎', 'Small numbers')}
            </Tag>
          </Tooltip>
        )}
      </div>
      {props.listPath && (
        <Link
          to={props.listPath}
          onClick={(e) => e.stopPropagation()}
          data-testid="card-drill"
          style={{ fontSize: 12 }}
        >
          {defaultList(c) === 'missed' ? pick('查看未达到者名单', 'Who was missed') : pick('查看名单', 'List')}
        </Link>
      )}
    </Card>
  );
}

function ChartCard(props: {
  title: string;
  dataAsOf: string | undefined;
  chart: React.RefObject<EChartHandle | null>;
  filename: string;
  testid: string;
  children: React.ReactNode;
  extra?: React.ReactNode;
}) {
  return (
    <Card
      size="small"
      title={props.title}
      data-testid={props.testid}
      extra={
        <Space>
          {props.extra}
          <DataAsOf at={props.dataAsOf} />
          <Button
            size="small"
            icon={<PictureOutlined />}
            onClick={() => props.chart.current?.downloadPng(props.filename)}
            data-testid={`${props.testid}-png`}
          >
            PNG
          </Button>
        </Space>
      }
    >
      {props.children}
    </Card>
  );
}

function TrendCard(props: { card: DashboardCard; region: string; period: string; basis: Basis }) {
  const { pick, lang } = useI18n();
  const c = props.card;
  const chart = useRef<EChartHandle>(null);
  const q = useQuery({
    queryKey: ['indicators', 'trend', c.indicatorId, props.region, props.period, props.basis],
    queryFn: () =>
      dashboardApi.trend({
        indicatorId: c.indicatorId,
        regionCode: props.region,
        period: props.period,
        basis: props.basis,
      }),
    refetchInterval: REFRESH_MS,
    enabled: c.status !== 'unavailable',
  });
  const t = c.target;
  const option = useMemo(
    () => ({
      animation: false,
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? fmtValue(v, c.unit, lang) : '—'),
      },
      grid: { left: 48, right: 96, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: (q.data?.points ?? []).map((p) => p.periodKey) },
      yAxis: {
        type: 'value',
        // keep the target line in view
        max: (v: { max: number }) =>
          t && t.comparator !== 'no_avoidable_maternal_death' ? Math.max(v.max, t.value) : v.max,
        min: (v: { min: number }) =>
          t && t.comparator !== 'no_avoidable_maternal_death' ? Math.min(v.min, t.value) : v.min,
      },
      series: [
        {
          name: pick(c.nameZh, c.nameEn),
          type: 'line',
          connectNulls: false,
          data: (q.data?.points ?? []).map((p) => (p.value === null ? null : Math.round(p.value * 100) / 100)),
          ...(t && t.comparator !== 'no_avoidable_maternal_death'
            ? {
                markLine: {
                  symbol: 'none',
                  lineStyle: { color: '#f5222d', type: 'dashed' },
                  label: { formatter: `${pick('目标', 'Target')} ${comparatorText(t.comparator, pick)} ${t.value}` },
                  data: [{ yAxis: t.value }],
                },
              }
            : {}),
        },
      ],
    }),
    [q.data, c, t, lang, pick],
  );
  return (
    <ChartCard
      title={`${pick(c.nameZh, c.nameEn)} · ${pick('逐月趋势', 'by month')}`}
      dataAsOf={q.data?.dataAsOf}
      chart={chart}
      filename={`${c.nameZh}-趋势-${props.region}-${props.period}.png`}
      testid="trend-chart"
    >
      {c.status === 'unavailable' ? (
        <Empty description={pick('暂无法统计', 'Not available')} />
      ) : (
        <EChart ref={chart} option={option} height={280} />
      )}
    </ChartCard>
  );
}

function RankingCard(props: { card: DashboardCard; region: string; period: string; basis: Basis; canList: boolean }) {
  const { pick, lang } = useI18n();
  const navigate = useNavigate();
  const c = props.card;
  const chart = useRef<EChartHandle>(null);
  const mapChart = useRef<EChartHandle>(null);
  const q = useQuery({
    queryKey: ['indicators', 'ranking', c.indicatorId, props.region, props.period, props.basis],
    queryFn: () =>
      dashboardApi.ranking({
        indicatorId: c.indicatorId,
        regionCode: props.region,
        period: props.period,
        basis: props.basis,
      }),
    refetchInterval: REFRESH_MS,
    enabled: c.status !== 'unavailable',
  });
  const withMap = hasCountyMap(props.region) && q.data?.by === 'region';
  const [view, setView] = useState<'bar' | 'map'>('bar');
  const [mapName, setMapName] = useState<string | null>(null);
  useEffect(() => {
    if (withMap && view === 'map' && !mapName) void loadCountyMap(props.region).then(setMapName);
  }, [withMap, view, mapName, props.region]);
  useEffect(() => setMapName(null), [props.region]);

  const rows = useMemo(() => q.data?.rows ?? [], [q.data]);
  const open = (r: Ranking['rows'][number]) => {
    if (props.canList && c.status !== 'unavailable')
      navigate(
        membersPath(c.indicatorId, {
          region: props.region,
          period: props.period,
          basis: props.basis,
          list: defaultList(c),
          ...(r.kind === 'institution' ? { institution: r.code } : r.code !== props.region ? { county: r.code } : {}),
        }),
      );
    else if (r.kind === 'region' && r.code !== props.region)
      navigate(`/indicators/dashboard?${new URLSearchParams({ region: r.code, period: props.period }).toString()}`);
  };
  const label = (e: Evaluation) => pick(TARGET_EVALUATION_LABELS[e].zh, TARGET_EVALUATION_LABELS[e].en);
  const barOption = useMemo(
    () => ({
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const r = rows[p.dataIndex];
          if (!r) return '';
          return `${r.name}<br/>${fmtValue(r.value, c.unit, lang)}（${r.numerator ?? '—'}/${r.denominator ?? '—'}）<br/>${label(r.evaluation)}`;
        },
      },
      grid: { left: 8, right: 48, top: 10, bottom: 10, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => r.name),
        axisLabel: { width: 140, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          cursor: 'pointer',
          label: {
            show: true,
            position: 'right',
            formatter: (p: { dataIndex: number }) => fmtValue(rows[p.dataIndex]?.value, c.unit, lang),
          },
          data: rows.map((r) => ({
            value: r.value === null ? 0 : Math.round(r.value * 100) / 100,
            itemStyle: { color: EVALUATION_HEX[r.evaluation] },
          })),
        },
      ],
    }),
    [rows, c.unit, lang],
  );
  const mapOption = useMemo(
    () =>
      mapName
        ? {
            animation: false,
            tooltip: {
              trigger: 'item',
              formatter: (p: { name: string }) => {
                const r = rows.find((x) => x.name === p.name);
                return r ? `${r.name}<br/>${fmtValue(r.value, c.unit, lang)}<br/>${label(r.evaluation)}` : p.name;
              },
            },
            series: [
              {
                type: 'map',
                map: mapName,
                roam: true,
                layoutCenter: ['50%', '50%'],
                layoutSize: '95%',
                label: { show: true, fontSize: 11 },
                itemStyle: { borderColor: '#fff' },
                data: rows.map((r) => ({
                  name: r.name,
                  value: r.value,
                  itemStyle: { areaColor: EVALUATION_HEX[r.evaluation] },
                })),
              },
            ],
          }
        : null,
    [mapName, rows, c.unit, lang],
  );
  const title =
    q.data?.by === 'institution' ? pick('机构排名', 'Institutions ranked') : pick('下级地区排名', 'Regions ranked');
  return (
    <ChartCard
      title={`${pick(c.nameZh, c.nameEn)} · ${title}`}
      dataAsOf={q.data?.dataAsOf}
      chart={view === 'map' ? mapChart : chart}
      filename={`${c.nameZh}-${view === 'map' ? '地图' : '排名'}-${props.region}-${props.period}.png`}
      testid="ranking-chart"
      extra={
        withMap ? (
          <Segmented
            size="small"
            value={view}
            onChange={(v) => setView(v as 'bar' | 'map')}
            data-testid="ranking-view"
            options={[
              { value: 'bar', label: pick('排名', 'Bars') },
              { value: 'map', label: pick('地图', 'Map') },
            ]}
          />
        ) : null
      }
    >
      {c.status === 'unavailable' ? (
        <Empty description={pick('暂无法统计', 'Not available')} />
      ) : view === 'map' && withMap ? (
        mapOption ? (
          <EChart
            ref={mapChart}
            option={mapOption}
            height={Math.max(280, rows.length * 28)}
            onItemClick={(p) => {
              const r = rows.find((x) => x.name === p.name);
              if (r) open(r);
            }}
            data-testid="county-map"
          />
        ) : (
          <Card loading bordered={false} />
        )
      ) : (
        <>
          <EChart
            ref={chart}
            option={barOption}
            height={Math.max(200, rows.length * 34 + 30)}
            onItemClick={(p) => {
              const r = rows[p.dataIndex];
              if (r) open(r);
            }}
            data-testid="ranking-bars"
          />
          <Flex wrap gap={4} data-testid="ranking-links">
            {rows.map((r) => (
              <Button
                key={r.code || 'none'}
                size="small"
                type="link"
                onClick={() => open(r)}
                data-testid={`rank-${r.code}`}
                style={{ color: EVALUATION_HEX[r.evaluation] === '#bfbfbf' ? undefined : EVALUATION_HEX[r.evaluation] }}
              >
                {r.name} {fmtValue(r.value, c.unit, lang)}
              </Button>
            ))}
          </Flex>
        </>
      )}
    </ChartCard>
  );
}
