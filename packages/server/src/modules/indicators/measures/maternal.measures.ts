/**
 * Measures from the maternal records (migration 0010): women delivered, births, maternal deaths, prenatal screening.
 * A woman is counted in the period of her delivery; a birth in the period of its delivery; a death in the period of
 * the death. Thresholds come from @fuyou/core (perinatal scope ≥28 weeks, preterm <37 weeks, low birth weight
 * <2500 g, moderate anaemia Hb <100 g/L).
 */
import {
  gestationalAgeToDays,
  NATIONAL_DELIVERY_THRESHOLDS,
  NATIONAL_PMTCT_2020,
  WHO_PREGNANCY_ANAEMIA_CRITERIA,
} from '@fuyou/core';
import { sql } from '@fuyou/db';
import {
  basisOf,
  standardColumns,
  type BaseDef,
  type Fragment,
  type MeasureDef,
  type SumMeasureDef,
} from './measure-types';

const t = NATIONAL_DELIVERY_THRESHOLDS;
/** First day of the perinatal period, in days of gestation (28+0 → 196). */
export const PERINATAL_FROM_DAYS = gestationalAgeToDays(t.perinatalFrom);
/** Preterm below this many days (37+0 → 259). */
export const PRETERM_BEFORE_DAYS = gestationalAgeToDays(t.pretermBefore);
/** Low birth weight below this weight (g). */
export const LOW_BIRTH_WEIGHT_BELOW_G = t.lowBirthWeightBelowG;
/** Moderate anaemia in pregnancy: Hb below this (g/L), the upper bound of the 'moderate' band. */
export const MODERATE_ANAEMIA_BELOW_GL =
  WHO_PREGNANCY_ANAEMIA_CRITERIA.bands.find((b) => b.grade === 'moderate')?.upperGL ?? 100;
/** Maternal deaths: within this many days of the end of pregnancy (REFERENCE §3). */
export const MATERNAL_DEATH_WINDOW_DAYS = 42;

/** Codes of the PMTCT duties the measures read (from core, so a renamed code breaks a test, not a figure). */
export function pmtctCode(code: string): string {
  if (!NATIONAL_PMTCT_2020.duties.some((d) => d.code === code)) throw new Error(`unknown PMTCT duty ${code}`);
  return code;
}

/** A birth in the perinatal scope: live, or a fetal death / stillbirth at ≥28 weeks. */
const inPerinatalScope = (bo: string, d: string) =>
  sql`(${sql.raw(bo)}.outcome = 'live_birth' or (${sql.raw(bo)}.outcome in ('fetal_death', 'stillbirth')
    and ${sql.raw(d)}.ga_days >= ${PERINATAL_FROM_DAYS}))`;

/** The infections of the maternal tests. */
const INFECTIONS = ['hiv', 'syphilis', 'hbv'] as const;

/**
 * A `left join lateral` of one per-table aggregate of a delivery's pregnancy (`d`): the table's rows of that
 * pregnancy, read through its (county_code, pregnancy_id, …) index, so a count reads the period's pregnancies' rows
 * only (a grouped join over the whole table chose a sequential scan of every year). The aggregate has one row
 * whether or not the pregnancy has rows (counts 0, bool_or null: the extras coalesce).
 */
const pregnancyAggregate = (alias: string, select: Fragment, from: Fragment, where = sql`true`) =>
  sql`left join lateral (select ${select} from ${from} t
    where t.county_code = d.county_code and t.pregnancy_id = d.pregnancy_id and ${where}) ${sql.raw(alias)} on true`;

/** Women delivered in the period (产妇): one row per delivery with at least one birth in the perinatal scope. */
const delivered: BaseDef = {
  id: 'delivered',
  level: 'pregnancy',
  area: 'maternal',
  tables: [
    'delivery',
    'pregnancy',
    'birth_outcome',
    'anc_visit',
    'postpartum_visit',
    'prenatal_screening',
    'pmtct_test',
  ],
  supports: ['residence', 'hukou', 'facility'],
  extras: {
    early: sql`pg.early_registration`,
    anc_n: sql`coalesce(av.anc_n, 0)`,
    facility_delivery: sql`(d.place = 'institution')`,
    pp28: sql`coalesce(ppv.pp28, false)`,
    pp42: sql`coalesce(ppv.pp42, false)`,
    caesarean: sql`(d.mode = 'caesarean')`,
    social_caesarean: sql`(d.mode = 'caesarean' and d.caesarean_no_medical_indication)`,
    anaemia: sql`(coalesce(av.low_hb, false) or coalesce(ppv.low_hb, false))`,
    serum: sql`coalesce(psa.serum, false)`,
    serum_cfdna: sql`coalesce(psa.serum_cfdna, false)`,
    diagnosed: sql`coalesce(psa.diagnosed, false)`,
    ...Object.fromEntries(
      INFECTIONS.flatMap((i) =>
        ['any', 'pregnancy', 'early'].map((w) => [`${i}_${w}`, sql`coalesce(${sql.ref(`pta.${i}_${w}`)}, false)`]),
      ),
    ),
  },
  extraAggregates: {
    early: ['pregnancy'],
    anc_n: ['anc'],
    pp28: ['pp'],
    pp42: ['pp'],
    anaemia: ['anc', 'pp'],
    serum: ['ps'],
    serum_cfdna: ['ps'],
    diagnosed: ['ps'],
    ...Object.fromEntries(
      INFECTIONS.flatMap((i) => ['any', 'pregnancy', 'early'].map((w) => [`${i}_${w}`, ['pmtct']])),
    ),
  },
  aggregates: {
    // the pregnancy record (every delivery has one: foreign key), read only for the registration
    pregnancy: () => sql`join pregnancy pg on pg.county_code = d.county_code and pg.id = d.pregnancy_id`,
    // antenatal visits before the delivery; any Hb below the moderate-anaemia bound in pregnancy
    anc: () =>
      pregnancyAggregate(
        'av',
        sql`count(*) filter (where t.visit_date <= d.delivery_date)::int as anc_n,
          bool_or(case when jsonb_typeof(t.labs -> 'hbGL') = 'number'
            then (t.labs ->> 'hbGL')::numeric < ${MODERATE_ANAEMIA_BELOW_GL} else false end) as low_hb`,
        sql`anc_visit`,
      ),
    // a postpartum visit within 28 / 42 days; a low Hb within 42 days
    pp: () =>
      pregnancyAggregate(
        'ppv',
        sql`bool_or(t.visit_date between d.delivery_date and d.delivery_date + 28) as pp28,
          bool_or(t.visit_date between d.delivery_date and d.delivery_date + 42) as pp42,
          bool_or(t.hb_gl < ${MODERATE_ANAEMIA_BELOW_GL} and t.visit_date <= d.delivery_date + 42) as low_hb`,
        sql`postpartum_visit`,
      ),
    ps: () =>
      pregnancyAggregate(
        'psa',
        sql`bool_or(t.method in ('serum_first', 'serum_second')) as serum,
          bool_or(t.method in ('serum_first', 'serum_second', 'cfdna')) as serum_cfdna,
          bool_or(t.diagnosed_on is not null) as diagnosed`,
        sql`prenatal_screening`,
      ),
    // tests up to the day after the delivery: any, in pregnancy (not at labour), early
    pmtct: () =>
      pregnancyAggregate(
        'pta',
        sql.join(
          INFECTIONS.flatMap((i) => [
            sql`bool_or(t.infection = ${i}) as ${sql.ref(`${i}_any`)}`,
            sql`bool_or(t.infection = ${i} and not t.at_labour) as ${sql.ref(`${i}_pregnancy`)}`,
            sql`bool_or(t.infection = ${i} and t.early_test) as ${sql.ref(`${i}_early`)}`,
          ]),
        ),
        sql`pmtct_test`,
        sql`t.tested_on <= d.delivery_date + 1`,
      ),
  },
  source(c, extras, joins) {
    const b = basisOf(c, { rec: 'd', person: 'd.person_id', inst: 'd.institution_id' });
    return sql`select ${standardColumns({
      county: b.county,
      subject: sql`d.pregnancy_id::text`,
      person: sql`d.person_id`,
      personCounty: sql`d.county_code::text`,
      pregnancy: sql`d.pregnancy_id`,
      eventDate: sql`d.delivery_date`,
      institution: sql`d.institution_id`,
    })}, ${extras}
    from delivery d
    ${b.joins}
    ${joins}
    where ${b.filter} and d.delivery_date between ${c.from}::date and ${c.to}::date
      and exists (select 1 from birth_outcome bo where bo.county_code = d.county_code and bo.delivery_id = d.id
        and ${inPerinatalScope('bo', 'd')})`;
  },
};

/**
 * A `left join lateral` of one per-table aggregate of a birth's child (`bo`, delivered in `d`): the table's rows of
 * that child in the birth's county, read through its (county_code, person_id, …) index. No child record, no rows.
 */
const childAggregate = (alias: string, select: Fragment, from: Fragment, where = sql`true`) =>
  sql`left join lateral (select ${select} from ${from} t
    where t.county_code = bo.county_code and t.person_id = bo.child_person_id and ${where}) ${sql.raw(alias)} on true`;

/** Births in the perinatal scope delivered in the period (live births, fetal deaths and stillbirths ≥28 weeks). */
const births: BaseDef = {
  id: 'births',
  level: 'birth',
  area: 'maternal',
  tables: ['birth_outcome', 'delivery', 'newborn_screening', 'child_checkup', 'child_case'],
  supports: ['residence', 'hukou', 'facility'],
  extras: {
    hospital: sql`(d.place = 'institution' and vi.type is distinct from 'village_clinic')`,
    defect: sql`(cardinality(bo.defects) > 0)`,
    sex: sql`bo.sex`,
    metabolic: sql`coalesce(nsa.metabolic, false)`,
    hearing: sql`coalesce(nsa.hearing, false)`,
    chd: sql`coalesce(nsa.chd, false)`,
    echo: sql`coalesce(nsa.echo, false)`,
    newborn_visited: sql`coalesce(nva.visited, false)`,
    preterm_managed: sql`coalesce(pca.managed, false)`,
  },
  extraAggregates: {
    hospital: ['institution'],
    metabolic: ['screening'],
    hearing: ['screening'],
    chd: ['screening'],
    echo: ['screening'],
    newborn_visited: ['newborn_visit'],
    preterm_managed: ['preterm_case'],
  },
  aggregates: {
    // the delivering institution (a village clinic's birth is not a hospital birth)
    institution: () => sql`left join institution vi on vi.id = d.institution_id`,
    screening: () =>
      childAggregate(
        'nsa',
        sql`bool_or(t.kind = 'metabolic' and t.events @> '[{"step":"sample"}]') as metabolic,
          bool_or(t.kind = 'hearing' and t.events @> '[{"step":"initial"}]') as hearing,
          bool_or(t.kind = 'heart' and t.events @> '[{"step":"screen"}]') as chd,
          bool_or(t.kind = 'heart' and t.events @> '[{"step":"echo"}]') as echo`,
        sql`newborn_screening`,
      ),
    // a newborn visit within 28 days of the delivery (the window is an index range of the child's check-ups)
    newborn_visit: () =>
      childAggregate(
        'nva',
        sql`bool_or(true) as visited`,
        sql`child_checkup`,
        sql`t.kind = 'newborn_visit' and t.visit_date between d.delivery_date and d.delivery_date + 28`,
      ),
    preterm_case: () =>
      childAggregate(
        'pca',
        sql`bool_or(true) as managed`,
        sql`child_case`,
        sql`t.kind = 'preterm' and t.status in ('open', 'closed')`,
      ),
  },
  source(c, extras, joins) {
    const b = basisOf(c, { rec: 'd', person: 'd.person_id', inst: 'd.institution_id' });
    return sql`select ${standardColumns({
      county: b.county,
      subject: sql`bo.id::text`,
      person: sql`coalesce(bo.child_person_id, bo.mother_id)`,
      personCounty: sql`bo.county_code::text`,
      pregnancy: sql`d.pregnancy_id`,
      eventDate: sql`d.delivery_date`,
      institution: sql`d.institution_id`,
    })}, bo.outcome, bo.weight_g, d.ga_days, bo.mother_id, ${extras}
    from birth_outcome bo
    join delivery d on d.county_code = bo.county_code and d.id = bo.delivery_id
    ${b.joins}
    ${joins}
    where ${b.filter} and d.delivery_date between ${c.from}::date and ${c.to}::date and ${inPerinatalScope('bo', 'd')}`;
  },
};

/** Maternal death cards (submitted) with the death in the period, within 42 days of the end of pregnancy. */
const maternalDeaths: BaseDef = {
  id: 'maternal_deaths',
  level: 'woman',
  area: 'maternal',
  tables: ['maternal_death', 'maternal_death_review', 'pregnancy'],
  supports: ['residence', 'hukou', 'facility'],
  extras: {
    avoidable: sql`(coalesce((select r.conclusion from maternal_death_review r where r.county_code = md.county_code
        and r.death_id = md.id order by case r.level when 'province' then 3 when 'city' then 2 else 1 end desc limit 1)
        in ('avoidable', 'conditionally_avoidable'), false)
      or md.icd10 ~ '^O([0-8][0-9]|9[0-5])')`,
  },
  source(c, extras) {
    const b = basisOf(c, { rec: 'md', person: 'md.person_id', inst: 'md.reporting_institution_id' });
    return sql`select ${standardColumns({
      county: b.county,
      subject: sql`md.id::text`,
      person: sql`md.person_id`,
      personCounty: sql`md.county_code::text`,
      pregnancy: sql`md.pregnancy_id`,
      eventDate: sql`md.death_date`,
      institution: sql`md.reporting_institution_id`,
    })}, ${extras}
    from maternal_death md
    left join pregnancy pg on pg.county_code = md.county_code and pg.id = md.pregnancy_id
    ${b.joins}
    where ${b.filter} and md.status = 'submitted' and md.death_date between ${c.from}::date and ${c.to}::date
      and md.icd10 !~* '^(O9[67]|[STVWXY])'
      and md.death_date <= coalesce(md.delivery_date, pg.delivered_on,
        case when pg.end_reason in ('miscarriage', 'induced_abortion', 'ectopic', 'molar') then pg.ended_on end,
        md.death_date) + ${MATERNAL_DEATH_WINDOW_DAYS}::int`;
  },
};

/** Pregnancies with a high-risk prenatal screening result in the period (by screening date). */
const prenatalHighRisk: BaseDef = {
  id: 'prenatal_high_risk',
  level: 'pregnancy',
  area: 'maternal',
  tables: ['prenatal_screening'],
  supports: ['residence', 'hukou', 'facility'],
  extras: {
    diagnosed: sql`exists (select 1 from prenatal_screening ps2 where ps2.county_code = x.person_county::bpchar
      and ps2.pregnancy_id = x.pregnancy_id and ps2.diagnosed_on is not null)`,
  },
  source(c, extras) {
    const b = basisOf(c, { rec: 'ps', person: 'ps.person_id', inst: 'ps.institution_id' });
    return sql`select x.*, ${extras} from (
      select ${standardColumns({
        county: b.county,
        subject: sql`ps.pregnancy_id::text`,
        person: sql`ps.person_id`,
        personCounty: sql`ps.county_code::text`,
        pregnancy: sql`ps.pregnancy_id`,
        eventDate: sql`min(ps.screened_on)`,
        institution: sql`min(ps.institution_id::text)::uuid`,
      })}
      from prenatal_screening ps ${b.joins}
      where ${b.filter} and ps.screened_on between ${c.from}::date and ${c.to}::date
        and 'high' in (ps.t21, ps.t18, ps.ntd)
      group by 1, 2, 3, 4, 5) x`;
  },
};

/** Maternal bases. */
export const maternalBases: readonly BaseDef[] = [delivered, births, maternalDeaths, prenatalHighRisk];

const m = (id: string, base: string, needs: string[], where: ReturnType<typeof sql>, extra: Partial<MeasureDef> = {}) =>
  ({ id, base, needs, where, ...extra }) as MeasureDef;

const live = sql`b.outcome = 'live_birth'`;

/** Maternal measures. */
export const maternalMeasures: readonly MeasureDef[] = [
  m('deliveries', 'delivered', [], sql`true`),
  m('facility_deliveries', 'delivered', [], sql`true`, { fixedBasis: 'facility' }),
  m('early_registered_women', 'delivered', ['early'], sql`b.early`, {
    noteZh: '孕13周前（≤12+6周）建册（建册即第1次产前检查）',
    noteEn: 'Registered before 13 weeks (≤12+6); the registration is the first antenatal check',
  }),
  m('anc_women', 'delivered', ['anc_n'], sql`b.anc_n >= 1`, {
    noteZh: '分娩前记录的产前检查次数（含建册时的检查记录）',
    noteEn: 'Antenatal visits recorded before delivery (including the one at registration)',
  }),
  m('anc_5plus_women', 'delivered', ['anc_n'], sql`b.anc_n >= 5`),
  m(
    'systematically_managed_women_28d',
    'delivered',
    ['early', 'anc_n', 'facility_delivery', 'pp28'],
    sql`b.early and b.anc_n >= 5 and b.facility_delivery and b.pp28`,
  ),
  m(
    'systematically_managed_women_42d',
    'delivered',
    ['early', 'anc_n', 'facility_delivery', 'pp42'],
    sql`b.early and b.anc_n >= 5 and b.facility_delivery and b.pp42`,
  ),
  m('postpartum_visited_women', 'delivered', ['pp28'], sql`b.pp28`),
  m('caesarean_deliveries', 'delivered', ['caesarean'], sql`b.caesarean`),
  m('facility_caesarean_deliveries', 'delivered', ['caesarean'], sql`b.caesarean`, { fixedBasis: 'facility' }),
  m('social_factor_caesarean_deliveries', 'delivered', ['social_caesarean'], sql`b.social_caesarean`),
  m('moderate_severe_anaemia_women', 'delivered', ['anaemia'], sql`b.anaemia`, {
    noteZh: `孕期或产后42天内任一次血红蛋白 <${MODERATE_ANAEMIA_BELOW_GL} g/L`,
    noteEn: `Any Hb below ${MODERATE_ANAEMIA_BELOW_GL} g/L in pregnancy or within 42 days after delivery`,
  }),
  m('prenatal_screened_women_serum', 'delivered', ['serum'], sql`b.serum`),
  m('prenatal_screened_women_serum_or_cfdna', 'delivered', ['serum_cfdna'], sql`b.serum_cfdna`),
  m('prenatal_diagnosed_women', 'delivered', ['diagnosed'], sql`b.diagnosed`),
  ...(['hiv', 'syphilis', 'hbv'] as const).flatMap((i) => [
    m(`${i}_tested_women`, 'delivered', [`${i}_any`], sql.raw(`b.${i}_any`)),
    m(`${i}_tested_in_pregnancy_women`, 'delivered', [`${i}_pregnancy`], sql.raw(`b.${i}_pregnancy`)),
    m(`${i}_tested_early_women`, 'delivered', [`${i}_early`], sql.raw(`b.${i}_early`)),
  ]),
  m('prenatal_screen_high_risk_women', 'prenatal_high_risk', [], sql`true`),
  m('prenatal_screen_high_risk_diagnosed_women', 'prenatal_high_risk', ['diagnosed'], sql`b.diagnosed`),
  // births
  m('live_births', 'births', [], live),
  m('live_births_weighed', 'births', [], sql`${live} and b.weight_g is not null`),
  m('perinatal_births', 'births', [], sql`true`),
  m('preterm_live_births', 'births', [], sql`${live} and b.ga_days < ${PRETERM_BEFORE_DAYS}`),
  m('low_birth_weight_live_births', 'births', [], sql`${live} and b.weight_g < ${LOW_BIRTH_WEIGHT_BELOW_G}`),
  m('hospital_live_births', 'births', ['hospital'], sql`${live} and b.hospital`),
  m('perinatal_birth_defects', 'births', ['defect'], sql`b.defect`, {
    noteZh: '分娩记录中登记有出生缺陷的围产儿（孕满28周）',
    noteEn: 'Perinatal births (≥28 weeks) with a birth defect on the delivery record',
  }),
  m('metabolic_screened_live_births', 'births', ['metabolic'], sql`${live} and b.metabolic`),
  m('hearing_screened_live_births', 'births', ['hearing'], sql`${live} and b.hearing`),
  m('chd_screened_live_births', 'births', ['chd'], sql`${live} and b.chd`),
  m('chd_echo_diagnoses', 'births', ['echo'], sql`${live} and b.echo`),
  m('newborns_visited', 'births', ['newborn_visited'], sql`${live} and b.newborn_visited`),
  m(
    'preterm_infants_case_managed',
    'births',
    ['preterm_managed'],
    sql`${live} and b.ga_days < ${PRETERM_BEFORE_DAYS} and b.preterm_managed`,
  ),
  m('part_perinatal_stillbirths', 'births', [], sql`b.outcome in ('fetal_death', 'stillbirth')`),
  // deaths
  m('maternal_deaths', 'maternal_deaths', [], sql`true`, {
    noteZh: '已上报的孕产妇死亡报告卡；妊娠结束后42天内；不含意外（ICD-10 S–Y）与晚期孕产妇死亡（O96/O97）',
    noteEn:
      'Submitted death cards; within 42 days of the end of pregnancy; accidents (ICD-10 S–Y) and late maternal deaths (O96/O97) excluded',
  }),
  m('avoidable_maternal_deaths', 'maternal_deaths', ['avoidable'], sql`b.avoidable`, {
    noteZh: '最高一级评审结论为可避免或创造条件可避免，或根本死因为产科直接原因（ICD-10 O00–O95）',
    noteEn:
      'Highest-level review found it avoidable or conditionally avoidable, or a direct obstetric cause (ICD-10 O00–O95)',
  }),
];

/** Sum measures of the maternal and child records. */
export const maternalSumMeasures: readonly SumMeasureDef[] = [
  {
    id: 'perinatal_deaths',
    parts: ['part_perinatal_stillbirths', 'early_neonatal_deaths'],
    noteZh: '孕满28周的死胎死产（按分娩日期）+ 出生7天内的新生儿死亡（按死亡日期）',
    noteEn: 'Fetal deaths and stillbirths ≥28 weeks (by delivery date) + deaths within 7 days of birth (by death date)',
  },
];
