/** Pieces shared by the quality pages: the region picker, score tags, labels and the trend chart. */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts';
import { Select, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import {
  QUALITY_RECORD_TYPE_LABELS,
  QUALITY_RULE_KIND_LABELS,
  QUALITY_SEVERITY_LABELS,
  qualityScoreBand,
  type QualityRecordType,
  type QualityRuleKind,
  type QualitySeverity,
} from '@fuyou/core';
import { useI18n } from '../../i18n/i18n-provider';
import { qualityApi, type QualityHome } from './quality.api';

/** The user's quality home (landing region, regions, permissions); asked only with `enabled` (quality.read). */
export function useQualityHome(enabled = true) {
  return useQuery({ queryKey: ['quality', 'home'], queryFn: qualityApi.home, staleTime: 5 * 60_000, enabled });
}

/** A select of the regions the user may look at (her region and the ones under it). */
export function QualityRegionSelect(props: { home: QualityHome; value: string; onChange(code: string): void }) {
  const byParent = new Map<string | null, QualityHome['regions']>();
  for (const r of props.home.regions) byParent.set(r.parentCode, [...(byParent.get(r.parentCode) ?? []), r]);
  const depth = (code: string): number => {
    const r = props.home.regions.find((x) => x.code === code);
    return r && props.home.regions.some((x) => x.code === r.parentCode) ? 1 + depth(r.parentCode!) : 0;
  };
  return (
    <Select
      value={props.value}
      onChange={props.onChange}
      style={{ width: 220 }}
      data-testid="quality-region"
      options={props.home.regions.map((r) => ({
        value: r.code,
        label: `${'　'.repeat(depth(r.code))}${r.name}`,
      }))}
    />
  );
}

const BAND_COLOURS = { good: 'green', fair: 'gold', poor: 'red' } as const;

/** The score with its band colour (— when there is no run yet). */
export function ScoreTag(props: { score: number | null }) {
  const band = qualityScoreBand(props.score);
  if (props.score === null || !band) return <Tag>—</Tag>;
  return (
    <Tag color={BAND_COLOURS[band]} data-testid="score-tag">
      {props.score.toFixed(1)}
    </Tag>
  );
}

/** The label of a rule kind. */
export function kindLabel(k: QualityRuleKind, pick: (zh: string, en: string) => string): string {
  return pick(QUALITY_RULE_KIND_LABELS[k].zh, QUALITY_RULE_KIND_LABELS[k].en);
}

/** The label of a record type. */
export function recordTypeLabel(t: QualityRecordType, pick: (zh: string, en: string) => string): string {
  const l = QUALITY_RECORD_TYPE_LABELS[t];
  return l ? pick(l.zh, l.en) : t;
}

/** A severity tag. */
export function SeverityTag(props: { severity: QualitySeverity }) {
  const { pick } = useI18n();
  const l = QUALITY_SEVERITY_LABELS[props.severity];
  return <Tag color={props.severity === 'error' ? 'red' : 'orange'}>{pick(l.zh, l.en)}</Tag>;
}

/** The score across runs (one point per day with a finished run). */
export function TrendChart(props: { points: { date: string; score: number | null }[]; height?: number }) {
  const { pick } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const inst = echarts.init(ref.current, undefined, { renderer: 'svg' });
    inst.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 24, top: 24, bottom: 40 },
      xAxis: { type: 'category', data: props.points.map((p) => p.date) },
      yAxis: { type: 'value', min: (v: { min: number }) => Math.max(0, Math.floor(v.min - 5)), max: 100 },
      series: [
        {
          name: pick('质控得分', 'Quality score'),
          type: 'line',
          data: props.points.map((p) => p.score),
          symbolSize: 7,
          connectNulls: true,
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { type: 'dashed', color: '#52c41a' },
            data: [{ yAxis: 95, name: pick('良好', 'good') }],
          },
        },
      ],
    });
    const onResize = () => inst.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      inst.dispose();
    };
  }, [props.points, pick]);
  return <div ref={ref} style={{ width: '100%', height: props.height ?? 260 }} data-testid="quality-trend" />;
}
