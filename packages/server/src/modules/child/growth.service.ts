import { DAYS_PER_MONTH, growthCurves, type GrowthCurves, type GrowthIndicator } from '@fuyou/core';
import { withScope } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import type { ModuleDeps } from '../module-deps';
import { daysBetween, loadChild, num, today } from './child.common';

/** One measurement on a chart. */
export interface GrowthPoint {
  checkupId: string;
  date: string;
  /** Months of age (age-based indicators) or cm (weight-for-length/height). */
  x: number;
  y: number;
  z: number | null;
  flagged: boolean;
}

/** One chart: the SD curves from core and the child's points. */
export interface GrowthChart {
  indicator: GrowthIndicator;
  titleZh: string;
  titleEn: string;
  curves: GrowthCurves;
  points: GrowthPoint[];
  /** False when no reference covers the range ("reference not available"). */
  available: boolean;
}

const TITLES: Record<GrowthIndicator, [string, string]> = {
  wfa: ['年龄别体重', 'Weight-for-age'],
  lhfa: ['年龄别身长/身高', 'Length/height-for-age'],
  bmifa: ['年龄别BMI', 'BMI-for-age'],
  hcfa: ['年龄别头围', 'Head circumference-for-age'],
  wfl: ['身长别体重', 'Weight-for-length'],
  wfh: ['身高别体重', 'Weight-for-height'],
};

/** Growth charts of a child: the −3…+3 SD curves of each indicator (core) with the child's measured points. */
export function createGrowthService(deps: ModuleDeps) {
  const { db, audit } = deps;
  return {
    async charts(
      ctx: AuthContext,
      personId: string,
      only?: GrowthIndicator,
    ): Promise<{ sex: string; charts: GrowthChart[] }> {
      return withScope(db, ctx, async (trx) => {
        const { person, profile } = await loadChild(trx, personId);
        const rows = await trx
          .selectFrom('child_checkup')
          .selectAll()
          .where('county_code', '=', profile.county_code)
          .where('person_id', '=', personId)
          .orderBy('visit_date')
          .execute();
        await audit.read(trx, ctx, {
          action: 'child.growth.read',
          entityType: 'child_profile',
          entityId: personId,
          personId,
          countyCode: profile.county_code,
        });
        const sex = person.sex === 'male' || person.sex === 'female' ? person.sex : null;
        if (!sex || !person.birth_date) return { sex: person.sex, charts: [] };
        const ageMonthsNow = daysBetween(person.birth_date, today()) / DAYS_PER_MONTH;
        const maxAge = rows.reduce((m, r) => Math.max(m, r.age_days / DAYS_PER_MONTH), ageMonthsNow);
        const ageTo = Math.min(84, Math.max(24, Math.ceil((maxAge + 3) / 6) * 6));
        const flagged = (r: (typeof rows)[number], key: string) => r.growth_flags.includes(`implausible_${key}`);
        const charts: GrowthChart[] = [];
        const age = (r: (typeof rows)[number]) => Math.round((r.age_days / DAYS_PER_MONTH) * 100) / 100;
        const indicators: GrowthIndicator[] = only ? [only] : ['wfa', 'lhfa', 'wfl', 'wfh', 'bmifa', 'hcfa'];
        for (const indicator of indicators) {
          let points: GrowthPoint[] = [];
          let curves: GrowthCurves;
          if (indicator === 'wfl' || indicator === 'wfh') {
            const under2 = indicator === 'wfl';
            curves = growthCurves(indicator, sex, under2 ? 45 : 65, under2 ? 110 : 120);
            points = rows
              .filter((r) => r.weight_kg !== null && r.length_cm !== null && r.age_days < 731 === under2)
              .map((r) => ({
                checkupId: r.id,
                date: r.visit_date,
                x: num(r.length_cm)!,
                y: num(r.weight_kg)!,
                z: num(r.wlhz),
                flagged: flagged(r, 'wlhz'),
              }));
            if (!only && !points.length && (under2 ? ageMonthsNow >= 24 : ageMonthsNow < 24)) continue;
          } else {
            curves = growthCurves(indicator, sex, 0, ageTo);
            const pick: Record<
              string,
              [(r: (typeof rows)[number]) => number | null, (r: (typeof rows)[number]) => number | null, string]
            > = {
              wfa: [(r) => num(r.weight_kg), (r) => num(r.waz), 'waz'],
              lhfa: [(r) => num(r.length_cm), (r) => num(r.lhaz), 'lhaz'],
              bmifa: [(r) => num(r.bmi), (r) => num(r.bmiz), 'bmiz'],
              hcfa: [(r) => num(r.head_cm), (r) => num(r.hcz), 'hcz'],
            };
            const [val, z, key] = pick[indicator]!;
            points = rows
              .filter((r) => val(r) !== null)
              .map((r) => ({
                checkupId: r.id,
                date: r.visit_date,
                x: age(r),
                y: val(r)!,
                z: z(r),
                flagged: flagged(r, key),
              }));
          }
          const [titleZh, titleEn] = TITLES[indicator];
          charts.push({
            indicator,
            titleZh,
            titleEn,
            curves,
            points,
            available: curves.lines.some((l) => l.data.length > 0),
          });
        }
        return { sex, charts };
      });
    },
  };
}
