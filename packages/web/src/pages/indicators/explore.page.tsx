import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Empty, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import {
  areaLabel,
  BasisSelect,
  DataAsOf,
  fmtValue,
  PeriodPicker,
  RegionSelect,
  useCatalogue,
  useIndicatorHome,
} from './indicator-widgets';
import { indicatorsApi, type Basis, type FigureRow } from './indicators.api';

/** 指标查询: one indicator for a region and period, with its interval, definitions, figures by county and lists. */
export function IndicatorExplorePage() {
  const { lang, pick } = useI18n();
  const [params, setParams] = useSearchParams();
  const home = useIndicatorHome();
  const catalogue = useCatalogue();
  const id = params.get('indicator') ?? 'maternal_systematic_management_rate';
  const region = params.get('region') ?? home.data?.regionCode ?? '';
  const period = params.get('period') ?? (home.data ? `${home.data.reportYear}RY` : '');
  const basis = (params.get('basis') ?? 'default') as Basis;
  const version = params.get('version') ?? undefined;
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k === 'indicator') next.delete('version');
    setParams(next, { replace: true });
  };
  const def = useMemo(() => catalogue.data?.find((d) => d.id === id), [catalogue.data, id]);
  const q = useQuery({
    queryKey: ['indicators', 'value', id, region, period, basis, version],
    queryFn: () => indicatorsApi.value(id, { regionCode: region, period, basis, ...(version ? { version } : {}) }),
    enabled: !!region && !!period,
  });
  const v = q.data;
  const drill = (list: string, county?: string) =>
    `/indicators/${id}/members?${new URLSearchParams({
      region,
      period,
      basis,
      list,
      ...(version ? { version } : {}),
      ...(county ? { county } : {}),
    }).toString()}`;
  const canList = home.data?.canSeePeople;
  return (
    <>
      <PageHeader
        title={pick('指标查询', 'Indicator explorer')}
        subTitle={pick(
          '任一指标、任一地区与统计周期的实时值，含置信区间、分县数据和个案名单',
          'Any indicator for any region and period, live: interval, figures by county, lists of people',
        )}
      />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            showSearch
            value={id}
            onChange={(x) => set('indicator', x)}
            style={{ width: 320 }}
            optionFilterProp="label"
            data-testid="indicator-select"
            options={Object.entries(
              (catalogue.data ?? []).reduce<Record<string, { value: string; label: string }[]>>((acc, d) => {
                (acc[d.area] ??= []).push({ value: d.id, label: pick(d.nameZh, d.nameEn) });
                return acc;
              }, {}),
            ).map(([area, options]) => ({ label: areaLabel(area, pick), options }))}
          />
          {home.data && <RegionSelect home={home.data} value={region} onChange={(x) => set('region', x)} />}
          {home.data && (
            <PeriodPicker value={period} onChange={(x) => set('period', x)} reportYear={home.data.reportYear} />
          )}
          <BasisSelect value={basis} onChange={(x) => set('basis', x)} />
          {def?.versions && (
            <Select
              value={version ?? v?.version ?? def.defaultVersion}
              onChange={(x) => set('version', x)}
              style={{ width: 240 }}
              options={def.versions.map((x) => ({ value: x.id, label: pick(x.labelZh, x.labelEn) }))}
            />
          )}
        </Space>
      </Card>
      {!v ? (
        <Card loading={q.isLoading}>{q.isError && <Empty />}</Card>
      ) : (
        <Row gutter={16}>
          <Col xs={24} lg={10}>
            <Card
              title={pick(v.nameZh, v.nameEn)}
              extra={<DataAsOf at={v.dataAsOf} />}
              data-testid="indicator-card"
              style={{ marginBottom: 16 }}
            >
              {v.status === 'unavailable' ? (
                <Alert
                  type="warning"
                  showIcon
                  message={pick('暂无法统计', 'Not available')}
                  description={v.unavailable.map((u) => pick(u.reasonZh, u.reasonEn)).join('；')}
                />
              ) : (
                <>
                  <Statistic
                    value={fmtValue(v.value, v.unit, lang)}
                    valueStyle={{ fontSize: 36 }}
                    data-testid="indicator-value"
                  />
                  {v.ci && (
                    <Typography.Text type="secondary">
                      {pick('95%置信区间', '95% CI')} {fmtValue(v.ci.lower, v.unit, lang)} –{' '}
                      {fmtValue(v.ci.upper, v.unit, lang)}
                    </Typography.Text>
                  )}
                  {v.smallNumberWarning && (
                    <Alert
                      style={{ marginTop: 8 }}
                      type="info"
                      showIcon
                      message={pick(v.smallNumberWarning.messageZh, v.smallNumberWarning.messageEn)}
                    />
                  )}
                  <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
                    <Descriptions.Item label={pick('分子', 'Numerator')}>
                      <Space>
                        <strong>{v.numerator ?? '—'}</strong>
                        {canList && (
                          <Link to={drill('numerator')} data-testid="drill-numerator">
                            {pick('名单', 'list')}
                          </Link>
                        )}
                      </Space>
                    </Descriptions.Item>
                    {v.denominatorMeasure && (
                      <Descriptions.Item label={pick('分母', 'Denominator')}>
                        <Space>
                          <strong>{v.denominator ?? '—'}</strong>
                          {canList && (
                            <Link to={drill('denominator')} data-testid="drill-denominator">
                              {pick('名单', 'list')}
                            </Link>
                          )}
                          {canList && v.direction === 'higher_better' && (
                            <Link to={drill('missed')} data-testid="drill-missed">
                              {pick('未达到者', 'who was missed')}
                            </Link>
                          )}
                        </Space>
                      </Descriptions.Item>
                    )}
                  </Descriptions>
                </>
              )}
            </Card>
            <Card title={pick('口径', 'Definition')} size="small">
              <Descriptions column={1} size="small">
                <Descriptions.Item label={pick('分子', 'Numerator')}>
                  {pick(v.numeratorZh, v.numeratorEn)}
                </Descriptions.Item>
                {v.denominatorZh && (
                  <Descriptions.Item label={pick('分母', 'Denominator')}>
                    {pick(v.denominatorZh, v.denominatorEn ?? '')}
                  </Descriptions.Item>
                )}
                <Descriptions.Item label={pick('统计周期', 'Period')}>
                  {pick(v.period.labelZh, v.period.labelEn)}
                </Descriptions.Item>
                <Descriptions.Item label={pick('人群口径', 'Basis')}>
                  {
                    {
                      residence: pick('常住', 'Residence'),
                      hukou: pick('户籍', 'Household registration'),
                      facility: pick('机构所在地', 'Facility'),
                    }[v.basis]
                  }
                </Descriptions.Item>
                {v.version && (
                  <Descriptions.Item label={pick('版本', 'Version')}>
                    {v.version}
                    {v.versionFrom !== 'default' && v.versionFrom !== 'asked' && (
                      <Tag style={{ marginLeft: 8 }}>
                        {pick(`地区选用（${v.versionFrom}）`, `chosen by ${v.versionFrom}`)}
                      </Tag>
                    )}
                  </Descriptions.Item>
                )}
                {def && (
                  <Descriptions.Item label={pick('依据', 'Source')}>
                    {def.source}
                    {!def.confirmed && (
                      <Tag color="orange" style={{ marginLeft: 8 }}>
                        {pick('待核实', 'to confirm')}
                      </Tag>
                    )}
                  </Descriptions.Item>
                )}
                {def?.measures
                  .filter((m) => m.noteZh)
                  .map((m) => (
                    <Descriptions.Item key={m.id} label={m.id}>
                      {m.noteZh}
                    </Descriptions.Item>
                  ))}
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card title={pick('分县数据', 'By county')}>
              <Table<FigureRow>
                rowKey="countyCode"
                size="small"
                pagination={false}
                dataSource={v.byCounty}
                data-testid="by-county"
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>
                      <strong>{v.regionName}</strong>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={1}>{v.numerator ?? '—'}</Table.Summary.Cell>
                    <Table.Summary.Cell index={2}>{v.denominator ?? '—'}</Table.Summary.Cell>
                    <Table.Summary.Cell index={3}>{fmtValue(v.value, v.unit, lang)}</Table.Summary.Cell>
                  </Table.Summary.Row>
                )}
                columns={[
                  {
                    title: pick('县区', 'County'),
                    dataIndex: 'countyName',
                    render: (x: string | null, r) => x ?? r.countyCode,
                  },
                  {
                    title: pick('分子', 'Numerator'),
                    dataIndex: 'numerator',
                    render: (x: number | null, r) =>
                      canList && x ? <Link to={drill('numerator', r.countyCode)}>{x}</Link> : (x ?? '—'),
                  },
                  {
                    title: pick('分母', 'Denominator'),
                    dataIndex: 'denominator',
                    render: (x: number | null) => x ?? '—',
                  },
                  {
                    title: pick('指标值', 'Value'),
                    dataIndex: 'value',
                    render: (x: number | null) => fmtValue(x, v.unit, lang),
                  },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
