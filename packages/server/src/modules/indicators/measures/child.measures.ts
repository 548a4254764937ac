/**
 * Measures from the child records (migrations 0020, 0021): under-5 deaths, the child population at the end of the
 * period, check-ups, nutrition and high-risk cases, exposed infants (PMTCT), childcare facilities.
 * Ages are counted at the last day of the period (population measures) or at the event (deaths, check-ups).
 */
import { NATIONAL_CHILD_SCHEDULE } from '@fuyou/core';
import { sql } from '@fuyou/db';
import { FACT_TAG_HEX } from '../../../platform/crypto';
import { pmtctCode } from './maternal.measures';
import {
  basisOf,
  readShared,
  recordCounties,
  standardColumns,
  type BaseDef,
  type MeasureDef,
  type SharedRows,
} from './measure-types';

/**
 * The ages (months) of the 4:2:2 check-ups of the first three years: the month contacts of the national plan
 * under 36 months (3, 6, 8, 12, 18, 24, 30). A child is managed when the check-ups with height and weight in the
 * period are at least as many as these ages she reached in the period (at least one).
 */
export const SYSTEMATIC_CHECKUP_MONTHS: readonly number[] = NATIONAL_CHILD_SCHEDULE.contacts
  .map((c) => ('months' in c.target ? c.target.months : undefined))
  .filter((mo): mo is number => mo !== undefined && mo >= 3 && mo < 36);

/** Submitted under-5 death cards with the death in the period. */
const childDeaths: BaseDef = {
  id: 'child_deaths',
  level: 'child',
  area: 'child',
  tables: ['child_death'],
  supports: ['residence', 'hukou', 'facility'],
  extras: {},
  source(c, extras) {
    const b = basisOf(c, { rec: 'cd', person: 'cd.person_id', inst: 'cd.reporting_institution_id' });
    return sql`select ${standardColumns({
      county: b.county,
      subject: sql`cd.id::text`,
      person: sql`cd.person_id`,
      personCounty: sql`cd.county_code::text`,
      pregnancy: sql`null::uuid`,
      eventDate: sql`cd.death_date`,
      institution: sql`cd.reporting_institution_id`,
    })}, coalesce(cd.death_date - pc.birth_date, cd.age_days) as age_days,
      coalesce(cd.death_date < (pc.birth_date + interval '1 year')::date, cd.age_days < 365) as under1,
      coalesce(cd.death_date < (pc.birth_date + interval '5 years')::date, cd.age_days < 1826) as under5, ${extras}
    from child_death cd
    join person pc on pc.county_code = cd.county_code and pc.id = cd.person_id
    ${b.joins}
    where ${b.filter} and cd.status = 'submitted' and cd.death_date between ${c.from}::date and ${c.to}::date`;
  },
};

/**
 * The period's check-ups with the child's birth date (alias `cc`), read once per count by the `children`,
 * `under5_measured` and `infant_feeding` bases: the check-up columns they read, `measured` (weight and height or
 * length recorded), `warned` (warning signs recorded), `wlz` (weight-for-length z, else BMI-for-age) and the
 * person's `birth_date`, read only for people born late enough to be under 5 at a check-up of the period (a month
 * of margin; older, or no person record: null, which no age condition of the bases admits).
 */
const periodCheckups: SharedRows = {
  id: 'period_checkups',
  rows: (c) => sql`select cc.county_code, cc.person_id, cc.visit_date, cc.created_at, cc.kind, cc.institution_id,
      (cc.weight_kg is not null and cc.length_cm is not null) as measured, (cc.warning_signs <> '{}'::jsonb) as warned,
      cc.waz, cc.lhaz, coalesce(cc.wlhz, cc.bmiz) as wlz, cc.feeding, cc.exclusive_breastfeeding, pk.birth_date
    from child_checkup cc
    left join person pk on pk.county_code = cc.county_code and pk.id = cc.person_id
      and pk.birth_date > (${c.from}::date - interval '5 years 1 month')::date
    where cc.county_code = any(${recordCounties(c)}::bpchar[]) and cc.visit_date between ${c.from}::date and ${c.to}::date`,
};

/** Children under 7 on the last day of the period (alive, with a child record in the county). */
const children: BaseDef = {
  id: 'children',
  level: 'child',
  area: 'child',
  tables: ['child_profile', 'child_checkup', 'child_screening'],
  supports: ['residence', 'hukou', 'facility'],
  extras: {
    checks: sql`coalesce(cca.checks, 0)`,
    required: sql`greatest(1, (select count(*)::int from unnest(${[...SYSTEMATIC_CHECKUP_MONTHS]}::int[]) mo
      where (pc.birth_date + make_interval(months => mo))::date between x_from and x_to))`,
    checked: sql`coalesce(cca.checked, false)`,
    dev_screened: sql`(coalesce(sca.screened, false) or coalesce(cca.warned, false))`,
  },
  extraAggregates: { checks: ['checkups'], checked: ['checkups'], dev_screened: ['checkups', 'screenings'] },
  aggregates: {
    // the period's check-ups, one pass: those with height and weight (newborn visits apart), any, with warning signs
    checkups: (c) => sql`left join (select cc.county_code, cc.person_id,
        count(*) filter (where cc.kind <> 'newborn_visit' and cc.measured)::int as checks,
        bool_or(cc.measured) as checked, bool_or(cc.warned) as warned
      from ${readShared(c, periodCheckups, 'cc')}
      group by 1, 2) cca on cca.county_code = cp.county_code and cca.person_id = cp.person_id`,
    screenings: (c) => sql`left join (select sc.county_code, sc.person_id, true as screened
      from child_screening sc
      where sc.county_code = any(${recordCounties(c)}::bpchar[]) and sc.kind in ('development', 'autism')
        and sc.screened_on between ${c.from}::date and ${c.to}::date
      group by 1, 2) sca on sca.county_code = cp.county_code and sca.person_id = cp.person_id`,
  },
  source(c, extras, joins) {
    const b = basisOf(c, { rec: 'cp', person: 'cp.person_id', inst: 'cp.managing_institution_id' });
    return sql`select ${standardColumns({
      county: b.county,
      subject: sql`cp.person_id::text`,
      person: sql`cp.person_id`,
      personCounty: sql`cp.county_code::text`,
      pregnancy: sql`null::uuid`,
      eventDate: sql`pc.birth_date`,
      institution: sql`cp.managing_institution_id`,
    })}, (pc.birth_date > (x_to - interval '3 years')::date) as under3, ${extras}
    from child_profile cp
    join person pc on pc.county_code = cp.county_code and pc.id = cp.person_id
    cross join (select ${c.from}::date as x_from, ${c.to}::date as x_to) xp
    ${b.joins}
    ${joins}
    where ${b.filter} and pc.birth_date <= x_to and pc.birth_date > (x_to - interval '7 years')::date
      and (pc.deceased_on is null or pc.deceased_on > x_to)
      and (cp.status = 'active' or cp.closed_on > x_to)`;
  },
};

/** Children under 5 measured (weight and height/length) in the period: their last measurement. */
const under5Measured: BaseDef = {
  id: 'under5_measured',
  level: 'child',
  area: 'child',
  tables: ['child_checkup'],
  supports: ['residence', 'hukou', 'facility'],
  extras: {},
  source(c, extras) {
    const b = basisOf(c, { rec: 'cc', person: 'cc.person_id', inst: 'cc.institution_id' });
    return sql`select x.*, ${extras} from (
      select distinct on (cc.county_code, cc.person_id) ${standardColumns({
        county: b.county,
        subject: sql`cc.person_id::text`,
        person: sql`cc.person_id`,
        personCounty: sql`cc.county_code::text`,
        pregnancy: sql`null::uuid`,
        eventDate: sql`cc.visit_date`,
        institution: sql`cc.institution_id`,
      })}, cc.waz, cc.lhaz, cc.wlz
      from ${readShared(c, periodCheckups, 'cc')}
      ${b.joins}
      where ${b.filter} and cc.measured and cc.visit_date < (cc.birth_date + interval '5 years')::date
      order by cc.county_code, cc.person_id, cc.visit_date desc, cc.created_at desc) x`;
  },
};

/** Infants under 6 months whose feeding was recorded at a check-up in the period: their last such check-up. */
const infantFeeding: BaseDef = {
  id: 'infant_feeding',
  level: 'child',
  area: 'child',
  tables: ['child_checkup'],
  supports: ['residence', 'hukou', 'facility'],
  extras: {},
  source(c, extras) {
    const b = basisOf(c, { rec: 'cc', person: 'cc.person_id', inst: 'cc.institution_id' });
    return sql`select x.*, ${extras} from (
      select distinct on (cc.county_code, cc.person_id) ${standardColumns({
        county: b.county,
        subject: sql`cc.person_id::text`,
        person: sql`cc.person_id`,
        personCounty: sql`cc.county_code::text`,
        pregnancy: sql`null::uuid`,
        eventDate: sql`cc.visit_date`,
        institution: sql`cc.institution_id`,
      })},
        (cc.exclusive_breastfeeding is true or cc.feeding in ('exclusive_breastfeeding', 'predominant_breastfeeding', 'mixed')) as breastfed,
        coalesce(cc.exclusive_breastfeeding, cc.feeding = 'exclusive_breastfeeding') as exclusive
      from ${readShared(c, periodCheckups, 'cc')}
      ${b.joins}
      where ${b.filter} and (cc.feeding is not null or cc.exclusive_breastfeeding is not null)
        and cc.visit_date < (cc.birth_date + interval '6 months')::date
      order by cc.county_code, cc.person_id, cc.visit_date desc, cc.created_at desc) x`;
  },
};

/** Children with a case of the given kinds found (proposed, not dismissed) in the period. */
function caseBase(id: string, kinds: readonly string[]): BaseDef {
  return {
    id,
    level: 'child',
    area: 'child',
    tables: ['child_case'],
    supports: ['residence', 'hukou', 'facility'],
    extras: {},
    source(c, extras) {
      const b = basisOf(c, { rec: 'cs', person: 'cs.person_id', inst: 'cs.institution_id' });
      return sql`select x.*, ${extras} from (
        select ${standardColumns({
          county: b.county,
          subject: sql`cs.person_id::text`,
          person: sql`cs.person_id`,
          personCounty: sql`cs.county_code::text`,
          pregnancy: sql`null::uuid`,
          eventDate: sql`min(cs.proposed_on)`,
          institution: sql`min(cs.institution_id::text)::uuid`,
        })}, bool_or(cs.status in ('open', 'closed')) as managed
        from child_case cs ${b.joins}
        where ${b.filter} and cs.kind = any(${[...kinds]}::text[]) and cs.status <> 'dismissed'
          and cs.proposed_on between ${c.from}::date and ${c.to}::date
        group by 1, 2, 3, 4, 5) x`;
    },
  };
}

/** Kinds of child case that are nutritional diseases. */
export const NUTRITION_CASE_KINDS = ['anaemia', 'undernutrition', 'overweight_obesity', 'rickets'] as const;

/**
 * Whether the exposed infant's record has a fact (child/exposure.facts.ts): the fact's keyed tag, HMAC-SHA256 of
 * `<county>:<person>:<fact>` recomputed in SQL from the pads of the server's fact key (`sha256(opad ||
 * sha256(ipad || message))`), is one of the record's tags. The record's contents stay encrypted.
 */
const fact = (f: string) => sql`(left(encode(sha256(b.fact_opad || sha256(b.fact_ipad
  || convert_to(b.person_county || ':' || b.person_id::text || ':' || ${f}::text, 'UTF8'))), 'hex'), ${FACT_TAG_HEX}::int)
  = any(b.facts))`;
const exposed = (infection: 'hiv' | 'syphilis' | 'hbv') => fact(`inf:${infection}`);
/** A dose of the duty recorded. */
const dose = (code: string) => fact(`dose:${pmtctCode(code)}`);
/** A dose of the duty given within 12 hours of the time of birth, or on the day of birth when the time is unknown. */
const timelyDose = (code: string) => fact(`timely:${pmtctCode(code)}`);
/** The final status of an infection is one of `statuses`. */
const finalStatus = (infection: string, ...statuses: string[]) =>
  sql`(${sql.join(
    statuses.map((st) => fact(`final:${infection}:${st}`)),
    sql` or `,
  )})`;
/** A test of the duty recorded with one of `results`. */
const testResult = (code: string, ...results: string[]) =>
  sql`(${sql.join(
    results.map((r) => fact(`test:${pmtctCode(code)}:${r}`)),
    sql` or `,
  )})`;

/**
 * Infants of HIV-, syphilis- or HBV-positive mothers born in the period (permission pmtct guards the records). The
 * record is encrypted (migration 0048): the measures test its keyed facts with {@link fact}.
 */
const exposedInfants: BaseDef = {
  id: 'exposed_infants',
  level: 'child',
  area: 'child',
  tables: ['exposed_infant'],
  supports: ['residence', 'hukou'],
  extras: {},
  source(c, extras) {
    const b = basisOf(c, { rec: 'ei', person: 'ei.person_id' });
    return sql`select ${standardColumns({
      county: b.county,
      subject: sql`ei.person_id::text`,
      person: sql`ei.person_id`,
      personCounty: sql`ei.county_code::text`,
      pregnancy: sql`null::uuid`,
      eventDate: sql`pc.birth_date`,
      institution: sql`null::uuid`,
    })}, ei.facts, ${c.factKey.ipad}::bytea as fact_ipad, ${c.factKey.opad}::bytea as fact_opad, ${extras}
    from exposed_infant ei
    join person pc on pc.county_code = ei.county_code and pc.id = ei.person_id
    ${b.joins}
    where ${b.filter} and pc.birth_date between ${c.from}::date and ${c.to}::date`;
  },
};

/** Childcare facilities (institutions of that type) active in the area; qualified when evaluated so in the year. */
const childcare: BaseDef = {
  id: 'childcare',
  level: 'institution',
  area: 'facility',
  tables: ['childcare_facility_evaluation'],
  supports: ['residence', 'facility'],
  extras: {
    qualified: sql`exists (select 1 from childcare_facility_evaluation ev where ev.institution_id = i.id
      and ev.year = extract(year from ${sql.raw('x_to')})::int and ev.qualified)`,
  },
  source(c, extras) {
    return sql`select ${standardColumns({
      county: sql`i.county_code::text`,
      subject: sql`i.id::text`,
      person: sql`null::uuid`,
      personCounty: sql`i.county_code::text`,
      pregnancy: sql`null::uuid`,
      eventDate: sql`null::date`,
      institution: sql`i.id`,
    })}, i.name as institution_name, ${extras}
    from institution i cross join (select ${c.to}::date as x_to) xp
    where i.type = 'childcare_facility' and i.active and i.county_code = any(${[...c.counties]}::bpchar[])`;
  },
};

/** Child bases. */
export const childBases: readonly BaseDef[] = [
  childDeaths,
  children,
  under5Measured,
  infantFeeding,
  caseBase('nutrition_cases', NUTRITION_CASE_KINDS),
  caseBase('high_risk_infant_cases', ['high_risk_infant']),
  exposedInfants,
  childcare,
];

const m = (id: string, base: string, needs: string[], where: ReturnType<typeof sql>, extra: Partial<MeasureDef> = {}) =>
  ({ id, base, needs, where, ...extra }) as MeasureDef;

/** Child measures. */
export const childMeasures: readonly MeasureDef[] = [
  m('infant_deaths', 'child_deaths', [], sql`b.under1`),
  m('neonatal_deaths', 'child_deaths', [], sql`b.age_days < 28`),
  m('early_neonatal_deaths', 'child_deaths', [], sql`b.age_days < 7`),
  m('under5_deaths', 'child_deaths', [], sql`b.under5`),
  m('under3_children', 'children', [], sql`b.under3`),
  m('under3_systematically_managed', 'children', ['checks', 'required'], sql`b.under3 and b.checks >= b.required`, {
    noteZh: `期内测身高体重的体检次数（新生儿访视不计）不少于期内到达的4:2:2体检月龄数（${SYSTEMATIC_CHECKUP_MONTHS.join('、')}月龄；至少1次）`,
    noteEn: `Check-ups with height and weight in the period (newborn visits excluded) at least as many as the 4:2:2 ages reached in the period (${SYSTEMATIC_CHECKUP_MONTHS.join(', ')} months; at least one)`,
  }),
  m('under7_children', 'children', [], sql`true`),
  m('under7_checked', 'children', ['checked'], sql`b.checked`),
  m('under3_developmental_screened', 'children', ['dev_screened'], sql`b.under3 and b.dev_screened`),
  m('under5_measured', 'under5_measured', [], sql`true`),
  m('under5_underweight', 'under5_measured', [], sql`b.waz < -2`),
  m('under5_stunted', 'under5_measured', [], sql`b.lhaz < -2`),
  m('under5_overweight_cn', 'under5_measured', [], sql`b.wlz >= 1 and b.wlz < 2`),
  m('under5_obese_cn', 'under5_measured', [], sql`b.wlz >= 2`),
  m('under5_overweight_who', 'under5_measured', [], sql`b.wlz >= 2 and b.wlz < 3`),
  m('under5_obese_who', 'under5_measured', [], sql`b.wlz >= 3`),
  m('infants_under6m_surveyed', 'infant_feeding', [], sql`true`),
  m('infants_under6m_breastfed', 'infant_feeding', [], sql`b.breastfed`),
  m('infants_under6m_exclusively_breastfed', 'infant_feeding', [], sql`b.exclusive`),
  m('nutrition_cases_found', 'nutrition_cases', [], sql`true`),
  m('nutrition_cases_managed', 'nutrition_cases', [], sql`b.managed`),
  m('high_risk_infants_found', 'high_risk_infant_cases', [], sql`true`),
  m('high_risk_infants_managed', 'high_risk_infant_cases', [], sql`b.managed`),
  m('hiv_exposed_live_births', 'exposed_infants', [], sql`${exposed('hiv')}`),
  m(
    'hiv_exposed_infants_on_arv',
    'exposed_infants',
    [],
    sql`${exposed('hiv')} and (${dose('hiv.infant_arv_standard')} or ${dose('hiv.infant_arv_high')})`,
  ),
  m(
    'hiv_exposed_infants_status_known',
    'exposed_infants',
    [],
    sql`${exposed('hiv')} and ${finalStatus('hiv', 'infected', 'not_infected')}`,
  ),
  m(
    'hiv_exposed_infants_infected',
    'exposed_infants',
    [],
    sql`${exposed('hiv')} and ${finalStatus('hiv', 'infected')}`,
  ),
  m('syphilis_exposed_live_births', 'exposed_infants', [], sql`${exposed('syphilis')}`),
  m(
    'syphilis_exposed_infants_treated',
    'exposed_infants',
    [],
    sql`${exposed('syphilis')} and ${dose('syphilis.infant_prophylaxis')}`,
  ),
  m(
    'congenital_syphilis_cases',
    'exposed_infants',
    [],
    sql`${exposed('syphilis')} and ${finalStatus('syphilis', 'infected')}`,
    {
      noteZh: '本期出生的梅毒暴露儿童中最终判定为先天梅毒者',
      noteEn: 'Syphilis-exposed infants born in the period finally classed as congenital syphilis',
    },
  ),
  m('hbv_exposed_live_births', 'exposed_infants', [], sql`${exposed('hbv')}`),
  m(
    'hbv_exposed_infants_hbig_timely',
    'exposed_infants',
    [],
    sql`${exposed('hbv')} and ${timelyDose('hbv.infant_hbig')}`,
  ),
  m(
    'hbv_exposed_infants_hepb1_timely',
    'exposed_infants',
    [],
    sql`${exposed('hbv')} and ${timelyDose('hbv.infant_hepb1')}`,
  ),
  m(
    'hbv_exposed_infants_tested',
    'exposed_infants',
    [],
    sql`${exposed('hbv')} and ${testResult('hbv.infant_serology', 'positive', 'negative')}`,
  ),
  m(
    'hbv_exposed_infants_hbsag_positive',
    'exposed_infants',
    [],
    sql`${exposed('hbv')} and ${testResult('hbv.infant_serology', 'positive')}`,
  ),
  m('childcare_facilities', 'childcare', [], sql`true`),
  m('childcare_facilities_qualified', 'childcare', ['qualified'], sql`b.qualified`),
];
