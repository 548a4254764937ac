/** Small pieces shared by the indicator pages: period, region and basis pickers, value formatting, status tags. */
import { Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import {
  formatIndicatorValue,
  INDICATOR_AREA_LABELS,
  TARGET_EVALUATION_LABELS,
  type TargetEvaluation,
} from '@fuyou/core';
import { useI18n } from '../../i18n/i18n-provider';
import { indicatorsApi, type Basis, type IndicatorHome, type IndicatorValue } from './indicators.api';

/** The user's indicator home (landing region, regions, report year). */
export function useIndicatorHome(enabled = true) {
  return useQuery({ queryKey: ['indicators', 'home'], queryFn: indicatorsApi.home, staleTime: 5 * 60_000, enabled });
}

/** The catalogue with measure status (cached for the session). */
export function useCatalogue() {
  return useQuery({ queryKey: ['indicators', 'catalogue'], queryFn: indicatorsApi.catalogue, staleTime: Infinity });
}

type Kind = 'RY' | 'Y' | 'Q' | 'M';

function parseKey(key: string): { kind: Kind; year: number; sub: number } {
  const ry = /^(\d{4})RY$/.exec(key);
  if (ry) return { kind: 'RY', year: Number(ry[1]), sub: 0 };
  const q = /^(\d{4})Q([1-4])$/.exec(key);
  if (q) return { kind: 'Q', year: Number(q[1]), sub: Number(q[2]) };
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) return { kind: 'M', year: Number(m[1]), sub: Number(m[2]) };
  return { kind: 'Y', year: Number(key.slice(0, 4)), sub: 0 };
}

function keyOf(kind: Kind, year: number, sub: number): string {
  if (kind === 'RY') return `${year}RY`;
  if (kind === 'Q') return `${year}Q${sub || 1}`;
  if (kind === 'M') return `${year}-${String(sub || 1).padStart(2, '0')}`;
  return String(year);
}

/** A period picker: report year (default), calendar year, quarter or month. Value is a period key. */
export function PeriodPicker(props: { value: string; onChange(key: string): void; reportYear: number }) {
  const { pick } = useI18n();
  const p = parseKey(props.value);
  const years = Array.from({ length: 8 }, (_, i) => props.reportYear - i);
  return (
    <Space.Compact data-testid="period-picker">
      <Select<Kind>
        value={p.kind}
        style={{ width: 110 }}
        onChange={(k) => props.onChange(keyOf(k, p.year, k === 'M' ? 1 : k === 'Q' ? 1 : 0))}
        options={[
          { value: 'RY', label: pick('报告年度', 'Report year') },
          { value: 'Y', label: pick('自然年', 'Year') },
          { value: 'Q', label: pick('季度', 'Quarter') },
          { value: 'M', label: pick('月', 'Month') },
        ]}
      />
      <Select<number>
        value={p.year}
        style={{ width: 90 }}
        data-testid="period-year"
        onChange={(y) => props.onChange(keyOf(p.kind, y, p.sub))}
        options={years.map((y) => ({ value: y, label: y }))}
      />
      {p.kind === 'Q' && (
        <Select<number>
          value={p.sub}
          style={{ width: 70 }}
          onChange={(q) => props.onChange(keyOf('Q', p.year, q))}
          options={[1, 2, 3, 4].map((q) => ({ value: q, label: `Q${q}` }))}
        />
      )}
      {p.kind === 'M' && (
        <Select<number>
          value={p.sub}
          style={{ width: 80 }}
          onChange={(m) => props.onChange(keyOf('M', p.year, m))}
          options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: pick(`${i + 1}月`, String(i + 1)) }))}
        />
      )}
    </Space.Compact>
  );
}

/** The regions the user may look at. */
export function RegionSelect(props: { home: IndicatorHome; value: string; onChange(code: string): void }) {
  return (
    <Select
      value={props.value}
      onChange={props.onChange}
      style={{ width: 180 }}
      data-testid="region-select"
      options={props.home.regions.map((r) => ({
        value: r.code,
        label: `${r.level === 'county' && r.code !== props.home.regionCode ? '　' : ''}${r.name}`,
      }))}
    />
  );
}

/** Residence / household registration / facility. */
export function BasisSelect(props: { value: Basis; onChange(b: Basis): void }) {
  const { pick } = useI18n();
  return (
    <Select<Basis>
      value={props.value}
      onChange={props.onChange}
      style={{ width: 130 }}
      data-testid="basis-select"
      options={[
        { value: 'default', label: pick('按指标口径', 'Indicator default') },
        { value: 'residence', label: pick('常住（居住地）', 'Residence') },
        { value: 'hukou', label: pick('户籍', 'Household reg.') },
        { value: 'facility', label: pick('按机构所在地', 'By facility') },
      ]}
    />
  );
}

/** A value with its unit ('—' when there is none). */
export function fmtValue(v: number | null | undefined, unit: IndicatorValue['unit'], lang: string, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return formatIndicatorValue(v, unit, lang === 'en-US' ? 'en' : 'zh', unit === 'count' ? 0 : digits);
}

/** Colours of the target evaluation. */
export const STATUS_COLOURS: Record<TargetEvaluation, string> = {
  met: 'green',
  close: 'gold',
  not_met: 'red',
  no_data: 'default',
};

/** A tag for met / close / not met / no data. */
export function StatusTag(props: { status: TargetEvaluation }) {
  const { pick } = useI18n();
  const l = TARGET_EVALUATION_LABELS[props.status];
  return (
    <Tag color={STATUS_COLOURS[props.status]} data-testid={`status-${props.status}`}>
      {pick(l.zh, l.en)}
    </Tag>
  );
}

/** The area label of an indicator. */
export function areaLabel(area: string, pick: (zh: string, en: string) => string): string {
  const l = INDICATOR_AREA_LABELS[area as keyof typeof INDICATOR_AREA_LABELS];
  return l ? pick(l.zh, l.en) : area;
}

/** "Data as of" line. */
export function DataAsOf(props: { at: string | undefined }) {
  const { pick } = useI18n();
  if (!props.at) return null;
  const t = new Date(props.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  return (
    <Tooltip title={pick('实时计算，缓存不超过30秒', 'Computed live; cached for at most 30 s')}>
      <Typography.Text type="secondary" data-testid="data-as-of">
        {pick('数据截至', 'Data as of')} {t}
      </Typography.Text>
    </Tooltip>
  );
}

/** Comparator as text. */
export function comparatorText(c: string, pick: (zh: string, en: string) => string): string {
  if (c === 'no_avoidable_maternal_death') return pick('无可避免孕产妇死亡', 'No avoidable maternal death');
  return { '>=': '≥', '>': '>', '<=': '≤', '<': '<' }[c] ?? c;
}
