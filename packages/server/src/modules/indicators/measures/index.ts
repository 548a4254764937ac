/**
 * The measure registry: every measure id of core's `indicatorMeasures` is either implemented here (a predicate
 * over a base, a sum of parts, or an aggregate figure) or listed in {@link unavailableMeasures} with the reason.
 */
import { childBases, childMeasures } from './child.measures';
import { maternalBases, maternalMeasures, maternalSumMeasures } from './maternal.measures';
import type { AggregateMeasureDef, BaseDef, MeasureDef, SumMeasureDef, UnavailableMeasure } from './measure-types';
import { reportAggregateMeasures, reportBases, reportMeasures } from './report.measures';
import { womenAggregateMeasures, womenBases, womenMeasures } from './women.measures';

export * from './measure-types';

/** Every base, by id. */
export const bases: ReadonlyMap<string, BaseDef> = new Map(
  [...maternalBases, ...childBases, ...womenBases, ...reportBases].map((b) => [b.id, b]),
);

/** Measures that are a predicate over a base, by id (including internal `part_` measures). */
export const baseMeasures: ReadonlyMap<string, MeasureDef> = new Map(
  [...maternalMeasures, ...childMeasures, ...womenMeasures, ...reportMeasures].map((m) => [m.id, m]),
);

/** Measures that are sums of other measures, by id. */
export const sumMeasures: ReadonlyMap<string, SumMeasureDef> = new Map(maternalSumMeasures.map((m) => [m.id, m]));

/** Measures read from aggregate figures, by id. */
export const aggregateMeasures: ReadonlyMap<string, AggregateMeasureDef> = new Map(
  [...womenAggregateMeasures, ...reportAggregateMeasures].map((m) => [m.id, m]),
);

/** Measures the engine cannot count, with the reason (shown as status 'unavailable', never as a zero). */
export const unavailableMeasures: readonly UnavailableMeasure[] = [
  ...(['hiv', 'syphilis'] as const).flatMap((i) => {
    const zh = i === 'hiv' ? '艾滋病' : '梅毒';
    return [
      {
        id: `${i}_positive_mothers`,
        reasonZh: `孕产妇${zh}检测结果加密存储（0010 pmtct_test.result_enc），没有可统计的明文阳性标记`,
        reasonEn: `Maternal ${i.toUpperCase()} results are encrypted at rest (0010 pmtct_test.result_enc) with no plain positive flag to count`,
      },
      {
        id: i === 'hiv' ? 'hiv_positive_mothers_on_art' : 'syphilis_positive_mothers_treated',
        reasonZh: `孕产妇${zh}感染者的治疗记录加密存储（0010 pmtct_record.data_enc），无法在数据库中汇总`,
        reasonEn: `Treatment of ${i.toUpperCase()}-positive women is stored encrypted (0010 pmtct_record.data_enc) and cannot be aggregated in SQL`,
      },
    ];
  }),
  {
    id: 'handbook_service_recipients',
    reasonZh: '母子健康手册服务对象（含APP绑定）无对应数据来源',
    reasonEn: 'No data source for the mother-child health handbook service (including the app)',
  },
  {
    id: 'handbook_app_users',
    reasonZh: '母子健康手册APP使用情况无对应数据来源',
    reasonEn: 'No data source for the use of the mother-child health handbook app',
  },
];

/** Unavailable measures by id. */
export const unavailableById: ReadonlyMap<string, UnavailableMeasure> = new Map(
  unavailableMeasures.map((u) => [u.id, u]),
);

/** Whether a measure id is known to the registry (implemented or listed as unavailable). */
export function isKnownMeasure(id: string): boolean {
  return baseMeasures.has(id) || sumMeasures.has(id) || aggregateMeasures.has(id) || unavailableById.has(id);
}

/** The tables a measure reads (a missing table makes it unavailable). */
export function tablesOfMeasure(id: string): string[] {
  const bm = baseMeasures.get(id);
  if (bm) return [...(bases.get(bm.base)?.tables ?? [])];
  const sm = sumMeasures.get(id);
  if (sm) return [...new Set(sm.parts.flatMap((p) => tablesOfMeasure(p)))];
  const am = aggregateMeasures.get(id);
  if (am) return [...am.tables];
  return [];
}
