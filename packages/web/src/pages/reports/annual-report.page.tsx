import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Segmented, Select, Space, Spin, Tag, Typography } from 'antd';
import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { ANNUAL_REPORT_TABLES } from '@fuyou/core';
import { PageHeader } from '../../components/page-header';
import { useErrorText } from '../../components/api-feedback';
import { useI18n } from '../../i18n/i18n-provider';
import { DataAsOf, RegionSelect, useIndicatorHome } from '../indicators/indicator-widgets';
import { ReportSectionTable } from './report-table';
import { reportsApi } from './reports.api';

/** 年报: the annual tables of a region and report year, as computed by the indicator engine, with the downloads. */
export function AnnualReportPage() {
  const { lang, pick } = useI18n();
  const errorText = useErrorText();
  const home = useIndicatorHome();
  const [params, setParams] = useSearchParams();
  // functional updates: two quick changes must not overwrite each other
  const set = (k: string, v: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(k, v);
        return next;
      },
      { replace: true },
    );
  // the last complete report year by default (the current one is still running)
  const current = home.data?.reportYear ?? new Date().getFullYear();
  const year = Number(params.get('year') ?? current - 1);
  const region = params.get('region') ?? home.data?.regionCode ?? '';
  const tableId = params.get('table') ?? 'wt41';
  const q = useQuery({
    queryKey: ['reports', 'annual', region, year],
    queryFn: () => reportsApi.annual({ regionCode: region, year }),
    enabled: !!region,
    retry: false,
  });
  const def = ANNUAL_REPORT_TABLES.find((t) => t.id === tableId) ?? ANNUAL_REPORT_TABLES[0]!;
  const basis = params.get('basis') ?? def.bases[0]!;
  const table = useMemo(
    () =>
      q.data?.tables.find((t) => t.id === def.id && t.basis === basis) ?? q.data?.tables.find((t) => t.id === def.id),
    [q.data, def.id, basis],
  );
  const years = Array.from({ length: 8 }, (_, i) => current - i);
  const fileQuery = { regionCode: region, year };
  return (
    <>
      <PageHeader
        title={pick('妇幼健康年报', 'Annual MCH report')}
        subTitle={pick(
          '卫统41–46式样年报表，由业务记录实时计算，数字与指标看板一致',
          'Annual tables in the style of the national forms, computed live from the records — the same figures as the dashboards',
        )}
        extra={
          <Space>
            <Button
              icon={<DownloadOutlined />}
              href={reportsApi.annualXlsxUrl(fileQuery)}
              disabled={!region}
              data-testid="report-xlsx"
            >
              {pick('导出Excel', 'Export xlsx')}
            </Button>
            <Button
              icon={<FilePdfOutlined />}
              href={reportsApi.annualPdfUrl(fileQuery)}
              disabled={!region}
              data-testid="report-pdf"
            >
              {pick('导出PDF', 'Export PDF')}
            </Button>
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          {home.data && <RegionSelect home={home.data} value={region} onChange={(c) => set('region', c)} />}
          <Select<number>
            value={year}
            onChange={(y) => set('year', String(y))}
            style={{ width: 150 }}
            data-testid="report-year"
            options={years.map((y) => ({
              value: y,
              label: y === current ? pick(`${y}年度（进行中）`, `${y} (in progress)`) : pick(`${y}年度`, String(y)),
            }))}
          />
          <Segmented
            value={def.id}
            onChange={(v) =>
              setParams(
                (prev) => {
                  const next = new URLSearchParams(prev);
                  next.set('table', String(v));
                  next.delete('basis');
                  return next;
                },
                { replace: true },
              )
            }
            data-testid="report-table-select"
            options={ANNUAL_REPORT_TABLES.map((t) => ({ value: t.id, label: t.code.replace('表', '') }))}
          />
          {def.bases.length > 1 && (
            <Segmented
              value={basis}
              onChange={(v) => set('basis', String(v))}
              data-testid="report-basis"
              options={(table ? q.data!.tables.filter((t) => t.id === def.id) : []).map((t) => ({
                value: t.basis,
                label: pick(t.basisLabelZh, t.basisLabelEn),
              }))}
            />
          )}
        </Space>
      </Card>
      {q.isError && <Alert type="error" showIcon message={errorText(q.error)} style={{ marginBottom: 16 }} />}
      {q.isLoading && <Spin />}
      {q.data && !table && <Empty />}
      {q.data && table && (
        <Card
          data-testid="report-card"
          title={
            <Space direction="vertical" size={0}>
              <Typography.Text strong style={{ fontSize: 16 }}>
                {pick(table.titleZh, table.titleEn)}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {table.code}
                {pick('式样', ' style')} · {pick(table.basisLabelZh, table.basisLabelEn)} · {q.data.region.name} ·{' '}
                {q.data.period.from} — {q.data.period.to}
              </Typography.Text>
            </Space>
          }
          extra={
            <Space>
              {year === current && <Tag color="orange">{pick('报告年度未结束', 'Year not complete')}</Tag>}
              <DataAsOf at={q.data.dataAsOf} />
            </Space>
          }
        >
          {table.sections.map((s) => (
            <div key={s.id} style={{ marginBottom: 20 }}>
              <Typography.Title level={5}>{pick(s.titleZh, s.titleEn)}</Typography.Title>
              <ReportSectionTable table={table} section={s} />
            </div>
          ))}
          <Typography.Title level={5}>{pick('注', 'Notes')}</Typography.Title>
          <ol style={{ paddingLeft: 20, margin: 0 }} data-testid="report-notes">
            {(lang === 'en-US' ? table.notesEn : table.notesZh).map((n) => (
              <li key={n}>
                <Typography.Text type="secondary">{n}</Typography.Text>
              </li>
            ))}
          </ol>
        </Card>
      )}
    </>
  );
}
