/**
 * Measures the annual report (年报) tables need besides the indicator catalogue's: the gynaecological survey
 * (migration 0034: women due and examined, findings by the disease groups of table 44), cancer screenings done in
 * the period, live births by sex, premarital examinations and marriage registrants by sex, diseases found and
 * counselling. Core measure ids (`gyn_surveyed_women`, `gyn_survey_target_women`) and internal `part_` counts, all
 * counted by the same engine as the dashboards.
 */
import { ANNUAL_REPORT_GYN_FINDING_GROUPS } from '@fuyou/core';
import { sql } from '@fuyou/db';
import { basisOf, standardColumns, type AggregateMeasureDef, type BaseDef, type MeasureDef } from './measure-types';

/**
 * Women examined in a gynaecological survey campaign that started in the period, within the campaign's target ages
 * (`in_target`), one row per woman (a woman examined in two campaigns counts once), with her findings by group.
 */
const gynSurvey: BaseDef = {
  id: 'gyn_survey',
  level: 'woman',
  area: 'women',
  tables: ['gyn_survey_exam', 'gyn_survey_campaign'],
  supports: ['residence', 'hukou', 'facility'],
  extras: {},
  source(c, extras) {
    const b = basisOf(c, { rec: 'e', person: 'e.person_id', inst: 'e.institution_id' });
    const groups = ANNUAL_REPORT_GYN_FINDING_GROUPS.map(
      (g) => sql`bool_or(e.findings && ${[...g.findings]}::text[]) as ${sql.ref(`g_${g.id}`)}`,
    );
    return sql`select x.*, ${extras} from (
      select ${standardColumns({
        county: b.county,
        subject: sql`e.person_id::text`,
        person: sql`e.person_id`,
        personCounty: sql`e.county_code::text`,
        pregnancy: sql`null::uuid`,
        eventDate: sql`min(e.exam_date)`,
        institution: sql`min(e.institution_id::text)::uuid`,
      })}, bool_or(cardinality(e.findings) > 0) as any_finding, ${sql.join(groups)}
      from gyn_survey_exam e
      join gyn_survey_campaign gc on gc.county_code = e.county_code and gc.id = e.campaign_id
      ${b.joins}
      where ${b.filter} and e.in_target and gc.start_date between ${c.from}::date and ${c.to}::date
      group by 1, 2, 3, 4, 5) x`;
  },
};

/** Women with a cervical or breast cancer screening done in the period (any method), one row per woman. */
const cancerInPeriod: BaseDef = {
  id: 'cancer_in_period',
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
        institution: sql`min(s.institution_id::text)::uuid`,
      })}, bool_or(s.kind = 'cervical') as cervical, bool_or(s.kind = 'breast') as breast
      from cancer_screening s ${b.joins}
      where ${b.filter} and s.screening_date between ${c.from}::date and ${c.to}::date
      group by 1, 2, 3, 4, 5) x`;
  },
};

/** Bases of the report measures. */
export const reportBases: readonly BaseDef[] = [gynSurvey, cancerInPeriod];

const m = (id: string, base: string, needs: string[], where: ReturnType<typeof sql>, extra: Partial<MeasureDef> = {}) =>
  ({ id, base, needs, where, ...extra }) as MeasureDef;

/** Report measures over the bases of this file and of the maternal and women's files. */
export const reportMeasures: readonly MeasureDef[] = [
  m('gyn_surveyed_women', 'gyn_survey', [], sql`true`, {
    noteZh: '报告期内开始的普查活动中目标年龄内受检的妇女（同一妇女只计一次）',
    noteEn: 'Women of the target ages examined in survey campaigns started in the period (each woman once)',
  }),
  m('part_gyn_survey_women_with_findings', 'gyn_survey', [], sql`b.any_finding`),
  ...ANNUAL_REPORT_GYN_FINDING_GROUPS.map((g) =>
    m(`part_gyn_survey_${g.id}`, 'gyn_survey', [], sql`${sql.ref(`b.g_${g.id}`)}`),
  ),
  m('part_cervical_screened_in_period', 'cancer_in_period', [], sql`b.cervical`),
  m('part_breast_screened_in_period', 'cancer_in_period', [], sql`b.breast`),
  m('part_live_births_male', 'births', ['sex'], sql`b.outcome = 'live_birth' and b.sex = 'male'`),
  m('part_live_births_female', 'births', ['sex'], sql`b.outcome = 'live_birth' and b.sex = 'female'`),
  m('part_live_births_sex_unknown', 'births', ['sex'], sql`b.outcome = 'live_birth' and b.sex = 'unknown'`),
  m('part_premarital_examined_male', 'premarital', [], sql`b.sex = 'male'`),
  m('part_premarital_examined_female', 'premarital', [], sql`b.sex = 'female'`),
  m('part_premarital_diseases_found_male', 'premarital', [], sql`b.sex = 'male' and cardinality(b.diseases) > 0`),
  m('part_premarital_diseases_found_female', 'premarital', [], sql`b.sex = 'female' and cardinality(b.diseases) > 0`),
  m('part_premarital_counselled', 'premarital', [], sql`b.counselled`),
];

/** Report measures from aggregate figures. */
export const reportAggregateMeasures: readonly AggregateMeasureDef[] = [
  {
    id: 'gyn_survey_target_women',
    tables: ['gyn_survey_campaign'],
    counts: (c) => sql`select county_code::text as county_code, sum(target_population)::int as n
      from gyn_survey_campaign
      where county_code = any(${[...c.counties]}::bpchar[]) and start_date between ${c.from}::date and ${c.to}::date
      group by county_code`,
    noteZh: '报告期内开始的普查活动的目标人数之和（按活动所在县区）',
    noteEn: 'Sum of the target populations of the survey campaigns started in the period (by county)',
  },
  ...(['male', 'female'] as const).map((sex): AggregateMeasureDef => ({
    id: `part_marriage_registrants_${sex}`,
    tables: ['marriage_registration_count'],
    counts: (c) => sql`select county_code::text as county_code, sum(couples)::int as n
        from marriage_registration_count
        where county_code = any(${[...c.counties]}::bpchar[])
          and make_date(year, month, 1) between date_trunc('month', ${c.from}::date)::date and ${c.to}::date
        group by county_code`,
    noteZh: `民政部门提供的结婚登记对数（每对${sex === 'male' ? '男方' : '女方'}1人）`,
    noteEn: `Couples registering a marriage (one ${sex === 'male' ? 'man' : 'woman'} each)`,
  })),
];
