import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Alert, Button, Card, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { QUALITY_RECORD_TYPES, QUALITY_RULE_KINDS, type QualityRecordType, type QualityRuleKind } from '@fuyou/core';
import { ApiError } from '../../api/client';
import { useErrorText } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { qualityApi, type ProblemFilters, type QualityProblem } from './quality.api';
import { QualityRegionSelect, SeverityTag, kindLabel, recordTypeLabel, useQualityHome } from './quality-widgets';

const PAGE_SIZE = 20;

/** 质控问题清单: the current problems of a region, filtered, each linked to the page where it is fixed; export. */
export function QualityProblemsPage() {
  const { pick, lang } = useI18n();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const home = useQualityHome();
  const region = params.get('region') ?? home.data?.regionCode ?? '';
  const page = Number(params.get('page') ?? 1);
  const [name, setName] = useState(params.get('q') ?? '');
  const rules = useQuery({
    queryKey: ['quality', 'rules', region],
    queryFn: () => qualityApi.rules(region || undefined),
    enabled: !!region,
    staleTime: 5 * 60_000,
  });
  const filters: ProblemFilters = {
    regionCode: region,
    countyCode: params.get('county') ?? undefined,
    ruleId: params.get('rule') ?? undefined,
    kind: params.get('kind') ?? undefined,
    severity: params.get('severity') ?? undefined,
    recordType: params.get('type') ?? undefined,
    institutionId: params.get('institution') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    q: params.get('q') ?? undefined,
  };
  const q = useQuery({
    queryKey: ['quality', 'problems', filters, page],
    queryFn: () => qualityApi.problems(filters, page, PAGE_SIZE),
    enabled: !!region,
    retry: false,
  });
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  const counties = useMemo(
    () =>
      (home.data?.regions ?? []).filter((r) => r.level === 'county' && (r.code === region || r.parentCode === region)),
    [home.data, region],
  );
  return (
    <>
      <PageHeader
        title={pick('质控问题清单', 'Data-quality problems')}
        subTitle={pick(
          '最近一次质控发现的问题；修改记录后，下次运行时问题自动消失（证件号码脱敏，查看与导出留痕）',
          'Problems of the latest run; a fixed record disappears on the next run (masked identifiers; viewing and export are audited)',
        )}
        breadcrumb={[
          { title: pick('数据质控', 'Data quality'), to: `/quality?region=${region}` },
          { title: pick('问题清单', 'Problems') },
        ]}
        extra={
          <Button
            icon={<DownloadOutlined />}
            href={qualityApi.problemsXlsxUrl(filters)}
            disabled={!region}
            data-testid="problems-export"
          >
            {pick('导出Excel', 'Export xlsx')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          {home.data && (
            <QualityRegionSelect
              home={home.data}
              value={region}
              onChange={(c) => set({ region: c, county: undefined })}
            />
          )}
          {counties.length > 1 && (
            <Select
              allowClear
              placeholder={pick('县区', 'County')}
              style={{ width: 140 }}
              value={filters.countyCode}
              onChange={(v?: string) => set({ county: v })}
              options={counties.map((c) => ({ value: c.code, label: c.name }))}
            />
          )}
          <Select
            allowClear
            placeholder={pick('类别', 'Kind')}
            style={{ width: 140 }}
            value={filters.kind}
            onChange={(v?: string) => set({ kind: v })}
            options={QUALITY_RULE_KINDS.map((k) => ({ value: k, label: kindLabel(k as QualityRuleKind, pick) }))}
            data-testid="problems-kind"
          />
          <Select
            allowClear
            placeholder={pick('严重程度', 'Severity')}
            style={{ width: 120 }}
            value={filters.severity}
            onChange={(v?: string) => set({ severity: v })}
            options={[
              { value: 'error', label: pick('错误', 'Error') },
              { value: 'warning', label: pick('提示', 'Warning') },
            ]}
          />
          <Select
            allowClear
            placeholder={pick('记录类型', 'Record type')}
            style={{ width: 170 }}
            value={filters.recordType}
            onChange={(v?: string) => set({ type: v })}
            options={QUALITY_RECORD_TYPES.map((t) => ({
              value: t,
              label: recordTypeLabel(t as QualityRecordType, pick),
            }))}
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={pick('规则', 'Rule')}
            style={{ width: 260 }}
            value={filters.ruleId}
            onChange={(v?: string) => set({ rule: v })}
            options={(rules.data ?? []).map((r) => ({ value: r.id, label: pick(r.nameZh, r.nameEn) }))}
            data-testid="problems-rule"
          />
          <DatePicker.RangePicker
            value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
            onChange={(v) =>
              set({ from: v?.[0]?.format('YYYY-MM-DD') ?? undefined, to: v?.[1]?.format('YYYY-MM-DD') ?? undefined })
            }
            placeholder={[pick('服务日期起', 'From'), pick('止', 'To')]}
          />
          {home.data?.canSeePeople && (
            <Input.Search
              allowClear
              placeholder={pick('姓名', 'Name')}
              style={{ width: 160 }}
              value={name}
              onChange={(e) => setName(e.target.value)}
              onSearch={(v) => set({ q: v.trim() || undefined })}
              data-testid="problems-search"
            />
          )}
          {filters.institutionId && (
            <Button size="small" onClick={() => set({ institution: undefined })}>
              {pick('清除机构筛选', 'Clear institution filter')}
            </Button>
          )}
        </Space>
      </Card>
      <Card>
        {q.error && (
          <Alert
            style={{ marginBottom: 12 }}
            type={q.error instanceof ApiError && q.error.status < 500 ? 'info' : 'error'}
            message={errorText(q.error)}
          />
        )}
        <Typography.Text type="secondary">
          {q.data && pick(`共 ${q.data.total} 个问题`, `${q.data.total} problems`)}
        </Typography.Text>
        <Table<QualityProblem>
          rowKey={(r) => `${r.countyCode}:${r.ruleId}:${r.recordId}`}
          size="small"
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          data-testid="problems-table"
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: q.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (p) => set({ page: String(p) }),
          }}
          expandable={{
            expandedRowRender: (r) => (
              <Space direction="vertical" size={2}>
                <Typography.Text>
                  {pick('处理建议', 'How to fix')}：{pick(r.fixZh, r.fixEn)}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {pick('首次发现', 'First seen')}：{new Date(r.firstSeenAt).toLocaleString(lang)} · {r.recordId}
                </Typography.Text>
              </Space>
            ),
          }}
          columns={[
            { title: pick('程度', 'Severity'), width: 70, render: (_, r) => <SeverityTag severity={r.severity} /> },
            { title: pick('规则', 'Rule'), render: (_, r) => pick(r.ruleNameZh, r.ruleNameEn) },
            { title: pick('问题详情', 'Detail'), render: (_, r) => pick(r.detailZh, r.detailEn) },
            {
              title: pick('姓名', 'Name'),
              render: (_, r) =>
                r.link ? (
                  <Link to={r.link} data-testid="problem-link">
                    {r.personName ?? pick('打开记录', 'Open record')}
                  </Link>
                ) : (
                  (r.personName ?? '—')
                ),
            },
            {
              title: pick('证件号码', 'ID number'),
              dataIndex: 'idNumberMasked',
              render: (x: string | null) => x ?? '—',
            },
            { title: pick('记录', 'Record'), render: (_, r) => recordTypeLabel(r.recordType, pick) },
            { title: pick('服务日期', 'Date'), dataIndex: 'serviceDate' },
            {
              title: pick('机构', 'Institution'),
              dataIndex: 'institutionName',
              render: (x: string | null) => x ?? '—',
            },
            { title: pick('县区', 'County'), dataIndex: 'countyName' },
          ]}
        />
      </Card>
    </>
  );
}
