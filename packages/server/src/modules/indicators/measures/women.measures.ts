/**
 * Measures from the women's-health records (migrations 0030, 0031): cervical and breast cancer screening (coverage
 * within the recommended interval, follow-up of abnormal results, lesions found and treated), premarital
 * examinations, and the aggregate denominators (census women aged 35–64, marriage registrations).
 */
import { breastRoutineIntervalMonths, cervicalRoutineIntervalMonths } from '@fuyou/core';
import { sql } from '@fuyou/db';
import {
  basisOf,
  standardColumns,
  type AggregateMeasureDef,
  type BaseDef,
  type MeasureContext,
  type MeasureDef,
} from './measure-types';

/** Screening ages of the two-cancer programme (REFERENCE §9). */
export const CANCER_SCREENING_AGES = { from: 35, to: 64 } as const;

const cervicalMonths = {
  hpv: cervicalRoutineIntervalMonths('hpv'),
  co_test: cervicalRoutineIntervalMonths('co_test'),
  cytology: cervicalRoutineIntervalMonths('cytology'),
  via_vili: cervicalRoutineIntervalMonths('via_vili'),
};
const breastMonths = breastRoutineIntervalMonths();
const longestMonths = Math.max(breastMonths, ...Object.values(cervicalMonths));

/** A screening with `method` counts when it was done within the method's interval before the end of the period. */
const withinInterval = (months: number) =>
  sql`s.screening_date > (${sql.raw('x_to')} - make_interval(months => ${months}))::date`;

const cervicalWithin = sql`(s.kind = 'cervical' and (
  (s.method = 'hpv' and ${withinInterval(cervicalMonths.hpv)})
  or (s.method = 'co_test' and ${withinInterval(cervicalMonths.co_test)})
  or (s.method = 'cytology' and ${withinInterval(cervicalMonths.cytology)})
  or (s.method = 'via_vili' and ${withinInterval(cervicalMonths.via_vili)})))`;
const breastWithin = sql`(s.kind = 'breast' and ${withinInterval(breastMonths)})`;

/** Women aged 35–64 on the last day of the period with a screening within the interval before it. */
const cancerInterval: BaseDef = {
  id: 'cancer_interval',
  level: 'woman',
  area: 'women',
  tables: ['cancer_screening'],
  supports: ['residence', 'hukou', 'facility'],
  extras: {},
  source(c, extras) {
    const b = basisOf(c, { rec: 's', person: 's.person_id', inst: 's.institution_id' });
    return sql`select x.*, ${extras} from (
      select ${standardColumns({
        county: b.county,
        subject: sql`s.person_id::text`,
        person: sql`s.person_id`,
        personCounty: sql`s.county_code::text`,
        pregnancy: sql`null::uuid`,
        eventDate: sql`max(s.screening_date)`,
        institution: sql`null::uuid`,
      })},
        bool_or(${cervicalWithin}) as cervical, bool_or(${cervicalWithin} and s.cohort = 'rural') as cervical_rural,
        bool_or(${breastWithin}) as breast, bool_or(${breastWithin} and s.cohort = 'rural') as breast_rural
      from cancer_screening s
      join person pw on pw.county_code = s.county_code and pw.id = s.person_id
      cross join (select ${c.to}::date as x_to) xp
      ${b.joins}
      where ${b.filter} and s.screening_date <= x_to
        and s.screening_date > (x_to - make_interval(months => ${longestMonths}))::date
        and pw.birth_date <= (x_to - make_interval(years => ${CANCER_SCREENING_AGES.from}))::date
        and pw.birth_date > (x_to - make_interval(years => ${CANCER_SCREENING_AGES.to + 1}))::date
      group by 1, 2, 3, 4, 5) x`;
  },
};

/** Follow-up cases of abnormal cervical or breast screening results, from screenings in the period. */
const cancerCases: BaseDef = {
  id: 'cancer_cases',
  level: 'woman',
  area: 'women',
  tables: ['cancer_screening_case', 'cancer_screening'],
  supports: ['residence', 'hukou', 'facility'],
  extras: {},
  source(c, extras) {
    const b = basisOf(c, { rec: 'sc', person: 'sc.person_id', inst: 's.institution_id' });
    return sql`select ${standardColumns({
      county: b.county,
      subject: sql`sc.id::text`,
      person: sql`sc.person_id`,
      personCounty: sql`sc.county_code::text`,
      pregnancy: sql`null::uuid`,
      eventDate: sql`s.screening_date`,
      institution: sql`s.institution_id`,
    })}, sc.kind, sc.state, sc.lesion_grade, sc.early_stage, sc.treated_on, ${extras}
    from cancer_screening_case sc
    join cancer_screening s on s.county_code = sc.county_code and s.id = sc.screening_id
    ${b.joins}
    where ${b.filter} and s.screening_date between ${c.from}::date and ${c.to}::date and sc.state <> 'screened'`;
  },
};

/** People examined before marriage in the period (each partner with a person record counts). */
const premarital: BaseDef = {
  id: 'premarital',
  level: 'person',
  area: 'women',
  tables: ['premarital_exam'],
  supports: ['residence', 'hukou', 'facility'],
  extras: {},
  source(c, extras) {
    const part = (col: string, suffix: string) => {
      const b = basisOf(c, { rec: 'pe', person: `pe.${col}`, inst: 'pe.institution_id' });
      const side = col.startsWith('female') ? 'female' : 'male';
      return sql`select ${standardColumns({
        county: b.county,
        subject: sql`pe.id::text || ${suffix}`,
        person: sql.raw(`pe.${col}`),
        personCounty: sql`pe.county_code::text`,
        pregnancy: sql`null::uuid`,
        eventDate: sql`pe.exam_date`,
        institution: sql`pe.institution_id`,
      })}, ${side}::text as sex, ${sql.raw(`pe.${side}_diseases`)} as diseases, pe.counselling_given as counselled
      from premarital_exam pe ${b.joins}
      where ${b.filter} and pe.exam_date between ${c.from}::date and ${c.to}::date and ${sql.raw(`pe.${col}`)} is not null`;
    };
    return sql`select x.*, ${extras} from (${part('female_person_id', ':f')} union all ${part('male_person_id', ':m')}) x`;
  },
};

/** Women's-health bases. */
export const womenBases: readonly BaseDef[] = [cancerInterval, cancerCases, premarital];

const m = (id: string, base: string, needs: string[], where: ReturnType<typeof sql>, extra: Partial<MeasureDef> = {}) =>
  ({ id, base, needs, where, ...extra }) as MeasureDef;

const followed = sql`(b.state in ('pathology', 'treated', 'closed_normal') or b.lesion_grade is not null)`;

/** Women's-health measures. */
export const womenMeasures: readonly MeasureDef[] = [
  m('cervical_screened_in_interval', 'cancer_interval', [], sql`b.cervical`, {
    noteZh: `期末35–64岁妇女中，期末前规定间隔内（HPV ${cervicalMonths.hpv / 12}年、细胞学 ${cervicalMonths.cytology / 12}年）做过宫颈癌筛查者`,
    noteEn: `Women 35–64 at the end of the period screened within the interval before it (HPV ${cervicalMonths.hpv / 12} y, cytology ${cervicalMonths.cytology / 12} y)`,
  }),
  m('cervical_screened_in_interval_rural', 'cancer_interval', [], sql`b.cervical_rural`),
  m('breast_screened_in_interval', 'cancer_interval', [], sql`b.breast`),
  m('breast_screened_in_interval_rural', 'cancer_interval', [], sql`b.breast_rural`),
  m('cervical_screen_abnormal_women', 'cancer_cases', [], sql`b.kind = 'cervical'`),
  m('cervical_screen_abnormal_followed_up', 'cancer_cases', [], sql`b.kind = 'cervical' and ${followed}`),
  m('breast_screen_abnormal_women', 'cancer_cases', [], sql`b.kind = 'breast'`),
  m('breast_screen_abnormal_followed_up', 'cancer_cases', [], sql`b.kind = 'breast' and ${followed}`),
  m(
    'cervical_precancer_cancer_cases',
    'cancer_cases',
    [],
    sql`b.kind = 'cervical' and b.lesion_grade in ('precancer', 'cancer')`,
  ),
  m(
    'cervical_precancer_cancer_treated',
    'cancer_cases',
    [],
    sql`b.kind = 'cervical' and b.lesion_grade in ('precancer', 'cancer') and b.treated_on is not null`,
  ),
  m(
    'cervical_early_cases',
    'cancer_cases',
    [],
    sql`b.kind = 'cervical' and (b.lesion_grade = 'precancer' or (b.lesion_grade = 'cancer' and b.early_stage))`,
  ),
  m('breast_cancer_cases', 'cancer_cases', [], sql`b.kind = 'breast' and b.lesion_grade = 'cancer'`),
  m(
    'breast_cancer_treated',
    'cancer_cases',
    [],
    sql`b.kind = 'breast' and b.lesion_grade = 'cancer' and b.treated_on is not null`,
  ),
  m('breast_early_cases', 'cancer_cases', [], sql`b.kind = 'breast' and b.lesion_grade = 'cancer' and b.early_stage`),
  m('premarital_examined_persons', 'premarital', [], sql`true`),
];

const yearOfEnd = (c: MeasureContext) => Number(c.to.slice(0, 4));

/** Women's-health measures from aggregate figures. */
export const womenAggregateMeasures: readonly AggregateMeasureDef[] = [
  {
    id: 'marriage_registrants',
    tables: ['marriage_registration_count'],
    counts: (c) => sql`select county_code::text as county_code, (sum(couples) * 2)::int as n
      from marriage_registration_count
      where county_code = any(${[...c.counties]}::bpchar[])
        and make_date(year, month, 1) between date_trunc('month', ${c.from}::date)::date and ${c.to}::date
      group by county_code`,
    noteZh: '民政部门提供的结婚登记对数 ×2（按登记县区、按月）',
    noteEn: 'Couples registering a marriage (civil affairs, by county and month) × 2',
  },
  {
    id: 'women_35_64',
    tables: ['cancer_screening_target'],
    counts: (c) => sql`select county_code::text as county_code, women_35_64::int as n from cancer_screening_target
      where county_code = any(${[...c.counties]}::bpchar[]) and year = ${yearOfEnd(c)}`,
    noteZh: '统计局/人口普查的35–64岁妇女数（期末所在年度）',
    noteEn: 'Women aged 35–64 from census figures (year of the end of the period)',
  },
  {
    id: 'women_35_64_rural',
    tables: ['cancer_screening_target'],
    counts: (c) => sql`select county_code::text as county_code, rural_women_35_64::int as n
      from cancer_screening_target
      where county_code = any(${[...c.counties]}::bpchar[]) and year = ${yearOfEnd(c)}
        and rural_women_35_64 is not null`,
    noteZh: '统计局/人口普查的农村35–64岁妇女数（期末所在年度）',
    noteEn: 'Rural women aged 35–64 from census figures (year of the end of the period)',
  },
];
