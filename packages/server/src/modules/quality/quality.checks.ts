/**
 * The rules of @fuyou/core's quality catalogue as set-based SQL. Each record type has one base query (its rows in a
 * county and window, with the facts its rules read); each rule is a pair of boolean expressions over the base row
 * (`applies`: the record is checked by the rule; `fails`: it breaks it) and a jsonb detail. A run scans each record
 * type once, unnests the rules with a LATERAL VALUES list, writes the failures as problems and the tallies per rule
 * and institution in the same statement: no per-record loop in JavaScript, one scan per record type per county.
 */
import {
  getQualityRule,
  qualityRuleWeight,
  type QualityCompletenessType,
  type QualityConfig,
  type QualityGaBand,
  type QualityRange,
  type QualityRecordType,
  type QualityTimelinessType,
} from '@fuyou/core';
import { sql } from '@fuyou/db';

type Sql = ReturnType<typeof sql<unknown>>;

/** What a run of one county needs to build its queries. */
export interface CheckParams {
  county: string;
  runId: string;
  from: string;
  to: string;
  /** The run's "today" (China date). */
  asOf: string;
  cfg: QualityConfig;
  /** The rules the run checks. */
  ruleIds: ReadonlySet<string>;
  /** The county's current run when this one started (its problems' first-seen times carry over). */
  prevRunId?: string | null;
}

/** One rule as SQL over the base row `b`. */
interface RuleSql {
  ruleId: string;
  applies?: Sql;
  fails: Sql;
  detail?: Sql;
}

/** One record type: its base query and its rules. */
export interface RecordTypeSql {
  recordType: QualityRecordType;
  /**
   * The base rows; columns record_id, person_id, context_id, institution_id, service_date, created_at, plus facts.
   */
  base(p: CheckParams): Sql;
  rules(p: CheckParams): RuleSql[];
}

const n = (v: number) => sql`${v}::numeric`;
const i = (v: number) => sql`${v}::int`;
const d = (v: string) => sql`${v}::date`;

/** `col` outside [min, max] (null never). */
function outside(col: Sql, r: QualityRange): Sql {
  return sql`(${col} < ${n(r.min)} or ${col} > ${n(r.max)})`;
}

/** The plausible [min, max] band of completed week `weeks` as two CASE expressions. */
function bandBounds(weeks: Sql, bands: readonly QualityGaBand[], fallback?: QualityRange): { lo: Sql; hi: Sql } {
  const whenLo = bands.map((b) => sql`when ${weeks} between ${i(b.fromWeek)} and ${i(b.toWeek)} then ${n(b.min)}`);
  const whenHi = bands.map((b) => sql`when ${weeks} between ${i(b.fromWeek)} and ${i(b.toWeek)} then ${n(b.max)}`);
  const lo0 = fallback ? n(fallback.min) : n(Math.min(...bands.map((b) => b.min)));
  const hi0 = fallback ? n(fallback.max) : n(Math.max(...bands.map((b) => b.max)));
  return {
    lo: sql`(case ${sql.join(whenLo, sql` `)} else ${lo0} end)`,
    hi: sql`(case ${sql.join(whenHi, sql` `)} else ${hi0} end)`,
  };
}

/** The day (China time) a timestamptz falls on. */
const cnDate = (col: Sql) => sql`((${col} at time zone 'UTC') + interval '8 hours')::date`;

/** Timeliness rule of `type`: entered more than lateEntryDays after `b.service_date`. */
function lateEntry(type: QualityTimelinessType, p: CheckParams): RuleSql {
  const from = p.cfg.timelinessCheckedFrom;
  const delay = sql`(${cnDate(sql`b.created_at`)} - b.service_date)`;
  return {
    ruleId: `${type}_late_entry`,
    applies: from ? sql`(b.created_at >= ${from}::timestamptz)` : sql`true`,
    fails: sql`(${delay} > ${i(p.cfg.lateEntryDays[type])})`,
    detail: sql`jsonb_build_object('delayDays', ${delay}, 'limitDays', ${i(p.cfg.lateEntryDays[type])})`,
  };
}

/**
 * SQL "is missing" predicates of each required field, over the base row `b` (context conditions included, as in
 * core's `fieldApplies`).
 */
const FIELD_MISSING: Record<QualityCompletenessType, Record<string, Sql>> = {
  pregnancy: {
    phone: sql`b.phone_enc is null`,
    idNumber: sql`(b.id_type = 'none' or b.id_number_enc is null)`,
    hukouRegionCode: sql`b.hukou_region_code is null`,
    address: sql`coalesce(b.address, '') = ''`,
    lmp: sql`(b.lmp is null and b.edd_method <> 'ultrasound')`,
    heightCm: sql`b.height_cm is null`,
    prePregnancyWeightKg: sql`b.pre_pregnancy_weight_kg is null`,
    registeringInstitutionId: sql`b.registering_institution_id is null`,
    handbookNo: sql`coalesce(b.handbook_no, '') = ''`,
  },
  anc_visit: {
    weightKg: sql`b.weight_kg is null`,
    systolicMmHg: sql`b.systolic_mmhg is null`,
    diastolicMmHg: sql`b.diastolic_mmhg is null`,
    institutionId: sql`b.institution_id is null`,
    fundalHeightCm: sql`(b.ga_days >= 140 and b.fundal_height_cm is null)`,
    fetalHeartRates: sql`(b.ga_days >= 140 and coalesce(cardinality(b.fetal_heart_rates), 0) = 0)`,
  },
  delivery: {
    institutionId: sql`(b.place = 'institution' and b.institution_id is null)`,
    deliveryTime: sql`b.delivery_time is null`,
    bloodLossMl: sql`b.blood_loss_ml is null`,
    attendant: sql`coalesce(b.attendant, '') = ''`,
  },
  birth_outcome: {
    weightG: sql`(b.outcome = 'live_birth' and b.weight_g is null)`,
    lengthCm: sql`(b.outcome = 'live_birth' and b.length_cm is null)`,
    apgar1: sql`(b.outcome = 'live_birth' and b.apgar_1 is null)`,
    apgar5: sql`(b.outcome = 'live_birth' and b.apgar_5 is null)`,
    sex: sql`b.sex = 'unknown'`,
  },
  postpartum_visit: {
    systolicMmHg: sql`b.systolic_mmhg is null`,
    diastolicMmHg: sql`b.diastolic_mmhg is null`,
    temperatureC: sql`(b.kind = 'home_visit' and b.temperature_c is null)`,
    institutionId: sql`b.institution_id is null`,
  },
  maternal_death: {
    reportingInstitutionId: sql`b.reporting_institution_id is null`,
    diagnosisBasis: sql`b.diagnosis_basis is null`,
    antenatalCare: sql`b.antenatal_care is null`,
  },
  child_profile: {
    gestationalWeeks: sql`b.gestational_weeks is null`,
    birthWeightG: sql`b.birth_weight_g is null`,
    birthLengthCm: sql`b.birth_length_cm is null`,
    managingInstitutionId: sql`b.managing_institution_id is null`,
    healthHandbookNo: sql`coalesce(b.health_handbook_no, '') = ''`,
  },
  child_checkup: {
    weightKg: sql`b.weight_kg is null`,
    lengthCm: sql`b.length_cm is null`,
    headCm: sql`(b.age_days < 1096 and b.head_cm is null)`,
    institutionId: sql`b.institution_id is null`,
  },
  child_death: {
    birthWeightG: sql`b.birth_weight_g is null`,
    gestationalWeeks: sql`b.gestational_weeks is null`,
    reportingInstitutionId: sql`b.reporting_institution_id is null`,
    diagnosisBasis: sql`coalesce(b.diagnosis_basis, '') = ''`,
  },
};

/** Field ids the SQL knows per record type (a test checks they cover core's field catalogue). */
export const SQL_FIELDS: Readonly<Record<QualityCompletenessType, readonly string[]>> = Object.fromEntries(
  Object.entries(FIELD_MISSING).map(([k, v]) => [k, Object.keys(v)]),
) as Record<QualityCompletenessType, string[]>;

/** Required-fields rule of `type`: the configured fields that are missing, as a text[] in the detail. */
function requiredFields(type: QualityCompletenessType, p: CheckParams): RuleSql {
  const fields = (p.cfg.requiredFields[type] ?? []).filter((f) => FIELD_MISSING[type][f]);
  const ruleId = `${type}_required_fields`;
  if (!fields.length) return { ruleId, applies: sql`false`, fails: sql`false` };
  const missing = sql`array_remove(array[${sql.join(
    fields.map((f) => sql`case when ${FIELD_MISSING[type][f]!} then ${f}::text end`),
  )}]::text[], null)`;
  return {
    ruleId,
    fails: sql`(cardinality(${missing}) > 0)`,
    detail: sql`jsonb_build_object('missing', to_jsonb(${missing}))`,
  };
}

/** Items of a problem list: `case when cond then 'code' end` for each, as a text[] without nulls. */
function problemList(items: [Sql, string][]): Sql {
  return sql`array_remove(array[${sql.join(items.map(([c, code]) => sql`case when ${c} then ${code}::text end`))}]::text[], null)`;
}

// ---------------------------------------------------------------- record types

const pregnancy: RecordTypeSql = {
  recordType: 'pregnancy',
  base: (p) => sql`
    select pg.id as record_id, pg.person_id, pg.id as context_id,
      coalesce(pg.registering_institution_id, pg.managing_institution_id) as institution_id,
      pg.registered_on as service_date, pg.created_at,
      pg.lmp, pg.edd, pg.edd_method, pg.height_cm, pg.pre_pregnancy_weight_kg, pg.registering_institution_id,
      pg.handbook_no, pg.end_reason, pg.ended_on,
      w.sex, w.phone_enc, w.id_type, w.id_number_enc, w.hukou_region_code, w.address,
      d.delivery_date,
      coalesce(w.deceased_on,
        case when pg.end_reason = 'maternal_death' then pg.ended_on end,
        case when d.maternal_condition = 'died' then d.delivery_date end) as death_date,
      (pg.end_reason = 'maternal_death' or d.maternal_condition = 'died') as death_recorded,
      exists (select 1 from maternal_death md where md.county_code = pg.county_code
        and md.person_id = pg.person_id and md.status = 'submitted') as has_death_card
    from pregnancy pg
    join person w on w.county_code = pg.county_code and w.id = pg.person_id
    left join delivery d on d.county_code = pg.county_code and d.pregnancy_id = pg.id
    where pg.county_code = ${p.county} and pg.registered_on between ${d(p.from)} and ${d(p.to)}`,
  rules: (p) => {
    const tol = p.cfg.eddToleranceDays;
    const dev = sql`abs(b.edd - b.lmp - 280)`;
    const deathInPregnancy = sql`(b.death_recorded or b.death_date between coalesce(b.lmp, b.edd - 280)
      and coalesce(b.delivery_date, b.ended_on, b.edd) + 42)`;
    return [
      requiredFields('pregnancy', p),
      lateEntry('pregnancy', p),
      {
        ruleId: 'edd_inconsistent_with_lmp',
        fails: sql`((b.edd_method = 'lmp' and b.lmp is null)
          or (b.lmp is not null and ${dev} > case when b.edd_method = 'lmp' then ${i(tol.lmp)} else ${i(tol.ultrasound)} end))`,
        detail: sql`jsonb_build_object('lmp', b.lmp, 'edd', b.edd, 'method', b.edd_method,
          'deviationDays', b.edd - b.lmp - 280)`,
      },
      { ruleId: 'male_with_pregnancy', fails: sql`(b.sex = 'male')` },
      {
        ruleId: 'maternal_death_without_card',
        applies: sql`(b.death_date is not null and ${deathInPregnancy}
          and b.death_date <= ${d(p.asOf)} - ${i(p.cfg.graceDays.deathCard)})`,
        fails: sql`(not b.has_death_card)`,
        detail: sql`jsonb_build_object('deathDate', b.death_date)`,
      },
    ];
  },
};

const ancVisit: RecordTypeSql = {
  recordType: 'anc_visit',
  base: (p) => sql`
    select v.id as record_id, v.person_id, v.pregnancy_id as context_id, v.institution_id,
      v.visit_date as service_date, v.created_at,
      v.weight_kg, v.systolic_mmhg, v.diastolic_mmhg, v.fundal_height_cm, v.fetal_heart_rates, v.ga_days,
      pg.registered_on, d.delivery_date
    from anc_visit v
    join pregnancy pg on pg.county_code = v.county_code and pg.id = v.pregnancy_id
    left join delivery d on d.county_code = v.county_code and d.pregnancy_id = v.pregnancy_id
    where v.county_code = ${p.county} and v.visit_date between ${d(p.from)} and ${d(p.to)}`,
  rules: (p) => {
    const r = p.cfg.antenatalVitals;
    const vitals = problemList([
      [sql`b.systolic_mmhg <= b.diastolic_mmhg`, 'systolic_not_above_diastolic'],
      [outside(sql`b.systolic_mmhg`, r.systolicMmHg), 'systolic_out_of_range'],
      [outside(sql`b.diastolic_mmhg`, r.diastolicMmHg), 'diastolic_out_of_range'],
      [outside(sql`b.weight_kg`, r.weightKg), 'weight_out_of_range'],
    ]);
    return [
      requiredFields('anc_visit', p),
      lateEntry('anc_visit', p),
      {
        ruleId: 'anc_visit_before_registration',
        fails: sql`(b.service_date < b.registered_on)`,
        detail: sql`jsonb_build_object('visitDate', b.service_date, 'registeredOn', b.registered_on)`,
      },
      {
        ruleId: 'anc_visit_after_delivery',
        applies: sql`(b.delivery_date is not null)`,
        fails: sql`(b.service_date > b.delivery_date)`,
        detail: sql`jsonb_build_object('visitDate', b.service_date, 'deliveryDate', b.delivery_date)`,
      },
      {
        ruleId: 'anc_vitals_implausible',
        applies: sql`(b.systolic_mmhg is not null or b.diastolic_mmhg is not null or b.weight_kg is not null)`,
        fails: sql`(cardinality(${vitals}) > 0)`,
        detail: sql`jsonb_build_object('problems', to_jsonb(${vitals}), 'systolicMmHg', b.systolic_mmhg,
          'diastolicMmHg', b.diastolic_mmhg, 'weightKg', b.weight_kg)`,
      },
    ];
  },
};

const delivery: RecordTypeSql = {
  recordType: 'delivery',
  base: (p) => sql`
    with gaps as (
      select id, delivery_date - lag(delivery_date) over w as prev_gap, lead(delivery_date) over w - delivery_date as next_gap
      from delivery where county_code = ${p.county}
      window w as (partition by person_id order by delivery_date, id)
    )
    select dl.id as record_id, dl.person_id, dl.pregnancy_id as context_id, dl.institution_id,
      dl.delivery_date as service_date, dl.created_at,
      dl.place, dl.delivery_time, dl.blood_loss_ml, dl.attendant, dl.ga_days, dl.discharged_on,
      pg.edd, w.birth_date as mother_birth_date,
      least(g.prev_gap, g.next_gap) as nearest_gap
    from delivery dl
    join pregnancy pg on pg.county_code = dl.county_code and pg.id = dl.pregnancy_id
    join person w on w.county_code = dl.county_code and w.id = dl.person_id
    join gaps g on g.id = dl.id
    where dl.county_code = ${p.county} and dl.delivery_date between ${d(p.from)} and ${d(p.to)}`,
  rules: (p) => {
    const age = sql`date_part('year', age(b.service_date, b.mother_birth_date))::int`;
    const byEdd = sql`(280 - (b.edd - b.service_date))`;
    return [
      requiredFields('delivery', p),
      lateEntry('delivery', p),
      {
        ruleId: 'delivery_ga_inconsistent',
        fails: sql`(abs(b.ga_days - ${byEdd}) > ${i(p.cfg.deliveryGaToleranceDays)})`,
        detail: sql`jsonb_build_object('gaDays', b.ga_days, 'gaByEddDays', ${byEdd}, 'edd', b.edd)`,
      },
      {
        ruleId: 'mother_age_at_delivery_implausible',
        applies: sql`(b.mother_birth_date is not null)`,
        fails: sql`(${age} < ${i(p.cfg.motherAgeYears.min)} or ${age} > ${i(p.cfg.motherAgeYears.max)})`,
        detail: sql`jsonb_build_object('motherBirthDate', b.mother_birth_date, 'ageYears', ${age})`,
      },
      {
        ruleId: 'discharge_before_delivery',
        applies: sql`(b.discharged_on is not null)`,
        fails: sql`(b.discharged_on < b.service_date)`,
        detail: sql`jsonb_build_object('deliveryDate', b.service_date, 'dischargedOn', b.discharged_on)`,
      },
      {
        ruleId: 'duplicate_delivery',
        fails: sql`(b.nearest_gap is not null and b.nearest_gap < ${i(p.cfg.duplicateDeliveryWithinDays)})`,
        detail: sql`jsonb_build_object('daysToOtherDelivery', b.nearest_gap)`,
      },
    ];
  },
};

const birthOutcome: RecordTypeSql = {
  recordType: 'birth_outcome',
  base: (p) => sql`
    select bo.id as record_id, bo.mother_id as person_id, dl.pregnancy_id as context_id, dl.institution_id,
      dl.delivery_date as service_date, bo.created_at,
      bo.outcome, bo.sex, bo.weight_g, bo.length_cm, bo.apgar_1, bo.apgar_5, bo.birth_order, bo.child_person_id,
      (dl.ga_days / 7) as ga_weeks,
      (exists (select 1 from child_profile cp where cp.county_code = bo.county_code
          and (cp.birth_outcome_id = bo.id or cp.person_id = bo.child_person_id))
        -- a child linked to the birth but no longer in this county was transferred out with her record
        or (bo.child_person_id is not null and not exists (select 1 from person c
          where c.county_code = bo.county_code and c.id = bo.child_person_id))) as has_child_record
    from birth_outcome bo
    join delivery dl on dl.county_code = bo.county_code and dl.id = bo.delivery_id
    where bo.county_code = ${p.county} and dl.delivery_date between ${d(p.from)} and ${d(p.to)}`,
  rules: (p) => {
    const w = bandBounds(sql`b.ga_weeks`, p.cfg.birthWeightBands, p.cfg.birthWeightRange);
    const l = bandBounds(sql`b.ga_weeks`, p.cfg.birthLengthBands);
    return [
      requiredFields('birth_outcome', p),
      {
        ruleId: 'birth_weight_implausible',
        applies: sql`(b.weight_g is not null)`,
        fails: sql`(b.weight_g < ${w.lo} or b.weight_g > ${w.hi})`,
        detail: sql`jsonb_build_object('weightG', b.weight_g, 'gaWeeks', b.ga_weeks, 'min', ${w.lo}, 'max', ${w.hi},
          'birthOrder', b.birth_order)`,
      },
      {
        ruleId: 'birth_length_implausible',
        applies: sql`(b.length_cm is not null)`,
        fails: sql`(b.length_cm < ${l.lo} or b.length_cm > ${l.hi})`,
        detail: sql`jsonb_build_object('lengthCm', b.length_cm, 'gaWeeks', b.ga_weeks, 'min', ${l.lo}, 'max', ${l.hi},
          'birthOrder', b.birth_order)`,
      },
      {
        ruleId: 'live_birth_without_child_record',
        applies: sql`(b.outcome = 'live_birth' and b.service_date <= ${d(p.asOf)} - ${i(p.cfg.graceDays.childRecord)})`,
        fails: sql`(not b.has_child_record)`,
        detail: sql`jsonb_build_object('deliveryDate', b.service_date, 'birthOrder', b.birth_order)`,
      },
    ];
  },
};

const postpartumVisit: RecordTypeSql = {
  recordType: 'postpartum_visit',
  base: (p) => sql`
    select v.id as record_id, v.person_id, v.pregnancy_id as context_id, v.institution_id,
      v.visit_date as service_date, v.created_at,
      v.kind, v.systolic_mmhg, v.diastolic_mmhg, v.temperature_c, v.hb_gl,
      coalesce(dl.delivery_date, pg.delivered_on) as delivery_date
    from postpartum_visit v
    join pregnancy pg on pg.county_code = v.county_code and pg.id = v.pregnancy_id
    left join delivery dl on dl.county_code = v.county_code and dl.pregnancy_id = v.pregnancy_id
    where v.county_code = ${p.county} and v.visit_date between ${d(p.from)} and ${d(p.to)}`,
  rules: (p) => {
    const r = p.cfg.postpartumVitals;
    const vitals = problemList([
      [sql`b.systolic_mmhg <= b.diastolic_mmhg`, 'systolic_not_above_diastolic'],
      [outside(sql`b.systolic_mmhg`, r.systolicMmHg), 'systolic_out_of_range'],
      [outside(sql`b.diastolic_mmhg`, r.diastolicMmHg), 'diastolic_out_of_range'],
      [outside(sql`b.temperature_c`, r.temperatureC), 'temperature_out_of_range'],
      [outside(sql`b.hb_gl`, r.hbGL), 'hb_out_of_range'],
    ]);
    return [
      requiredFields('postpartum_visit', p),
      lateEntry('postpartum_visit', p),
      {
        ruleId: 'postpartum_vitals_implausible',
        applies: sql`(b.systolic_mmhg is not null or b.diastolic_mmhg is not null or b.temperature_c is not null
          or b.hb_gl is not null)`,
        fails: sql`(cardinality(${vitals}) > 0)`,
        detail: sql`jsonb_build_object('problems', to_jsonb(${vitals}), 'systolicMmHg', b.systolic_mmhg,
          'diastolicMmHg', b.diastolic_mmhg, 'temperatureC', b.temperature_c, 'hbGL', b.hb_gl)`,
      },
      {
        ruleId: 'postpartum_visit_before_delivery',
        applies: sql`(b.delivery_date is not null)`,
        fails: sql`(b.service_date < b.delivery_date)`,
        detail: sql`jsonb_build_object('visitDate', b.service_date, 'deliveryDate', b.delivery_date)`,
      },
    ];
  },
};

const maternalDeath: RecordTypeSql = {
  recordType: 'maternal_death',
  base: (p) => sql`
    select md.id as record_id, md.person_id, md.pregnancy_id as context_id, md.reporting_institution_id as institution_id,
      md.death_date as service_date, md.created_at,
      md.reporting_institution_id, md.diagnosis_basis, md.antenatal_care
    from maternal_death md
    where md.county_code = ${p.county} and md.death_date between ${d(p.from)} and ${d(p.to)}`,
  rules: (p) => [requiredFields('maternal_death', p), lateEntry('maternal_death', p)],
};

const childProfile: RecordTypeSql = {
  recordType: 'child_profile',
  base: (p) => sql`
    select cp.person_id as record_id, cp.person_id, null::uuid as context_id,
      coalesce(cp.managing_institution_id, cp.birth_institution_id) as institution_id,
      c.birth_date as service_date, cp.created_at,
      cp.gestational_weeks, cp.birth_weight_g, cp.birth_length_cm, cp.managing_institution_id, cp.health_handbook_no,
      cp.discharged_on, m.birth_date as mother_birth_date,
      coalesce(c.deceased_on, case when cp.closed_reason = 'died' then cp.closed_on end) as death_date,
      exists (select 1 from newborn_screening s where s.county_code = cp.county_code and s.person_id = cp.person_id
        and s.kind = 'metabolic') as has_metabolic,
      exists (select 1 from newborn_screening s where s.county_code = cp.county_code and s.person_id = cp.person_id
        and s.kind = 'hearing') as has_hearing,
      exists (select 1 from child_death cd where cd.county_code = cp.county_code and cd.person_id = cp.person_id
        and cd.status = 'submitted') as has_death_card,
      (cp.birth_outcome_id is not null and exists (select 1 from child_profile o where o.county_code = cp.county_code
        and o.birth_outcome_id = cp.birth_outcome_id and o.person_id <> cp.person_id)) as dup_outcome,
      (c.mother_id is not null and exists (select 1 from person o
        join child_profile op on op.county_code = o.county_code and op.person_id = o.id
        where o.county_code = c.county_code and o.mother_county_code = c.mother_county_code and o.mother_id = c.mother_id
          and o.birth_date = c.birth_date and o.name = c.name and o.id <> c.id)) as dup_mother
    from child_profile cp
    join person c on c.county_code = cp.county_code and c.id = cp.person_id
    left join person m on m.county_code = c.mother_county_code and m.id = c.mother_id
    where cp.county_code = ${p.county}
      and (c.birth_date between ${d(p.from)} and ${d(p.to)}
        or c.deceased_on between ${d(p.from)} and ${d(p.to)}
        or cp.closed_on between ${d(p.from)} and ${d(p.to)})`,
  rules: (p) => {
    const w = bandBounds(sql`b.gestational_weeks`, p.cfg.birthWeightBands, p.cfg.birthWeightRange);
    const l = bandBounds(sql`b.gestational_weeks`, p.cfg.birthLengthBands);
    const age = sql`date_part('year', age(b.service_date, b.mother_birth_date))::int`;
    const screenable = sql`(b.service_date is not null
      and b.service_date <= ${d(p.asOf)} - ${i(p.cfg.graceDays.newbornScreening)}
      and (b.death_date is null or b.death_date >= b.service_date + 3))`;
    return [
      requiredFields('child_profile', p),
      {
        ruleId: 'child_birth_weight_implausible',
        applies: sql`(b.birth_weight_g is not null)`,
        fails: sql`(b.birth_weight_g < ${w.lo} or b.birth_weight_g > ${w.hi})`,
        detail: sql`jsonb_build_object('weightG', b.birth_weight_g, 'gaWeeks', b.gestational_weeks, 'min', ${w.lo},
          'max', ${w.hi})`,
      },
      {
        ruleId: 'child_birth_length_implausible',
        applies: sql`(b.birth_length_cm is not null)`,
        fails: sql`(b.birth_length_cm < ${l.lo} or b.birth_length_cm > ${l.hi})`,
        detail: sql`jsonb_build_object('lengthCm', b.birth_length_cm, 'gaWeeks', b.gestational_weeks, 'min', ${l.lo},
          'max', ${l.hi})`,
      },
      {
        ruleId: 'child_born_before_mother_12',
        applies: sql`(b.mother_birth_date is not null and b.service_date is not null)`,
        fails: sql`(${age} < ${i(p.cfg.motherAgeYears.min)} or ${age} > ${i(p.cfg.motherAgeYears.max)})`,
        detail: sql`jsonb_build_object('birthDate', b.service_date, 'motherBirthDate', b.mother_birth_date,
          'motherAgeYears', ${age})`,
      },
      {
        ruleId: 'child_discharge_before_birth',
        applies: sql`(b.discharged_on is not null and b.service_date is not null)`,
        fails: sql`(b.discharged_on < b.service_date)`,
        detail: sql`jsonb_build_object('birthDate', b.service_date, 'dischargedOn', b.discharged_on)`,
      },
      {
        ruleId: 'duplicate_child_record',
        fails: sql`(b.dup_outcome or b.dup_mother)`,
        detail: sql`jsonb_build_object('sameBirthOutcome', b.dup_outcome, 'sameMotherBirthDateName', b.dup_mother)`,
      },
      { ruleId: 'live_birth_without_metabolic_screening', applies: screenable, fails: sql`(not b.has_metabolic)` },
      { ruleId: 'live_birth_without_hearing_screening', applies: screenable, fails: sql`(not b.has_hearing)` },
      {
        ruleId: 'child_death_without_card',
        applies: sql`(b.death_date is not null and b.service_date is not null
          and b.death_date < b.service_date + interval '5 years'
          and b.death_date <= ${d(p.asOf)} - ${i(p.cfg.graceDays.deathCard)})`,
        fails: sql`(not b.has_death_card)`,
        detail: sql`jsonb_build_object('deathDate', b.death_date)`,
      },
    ];
  },
};

const childCheckup: RecordTypeSql = {
  recordType: 'child_checkup',
  base: (p) => sql`
    select ck.id as record_id, ck.person_id, null::uuid as context_id, ck.institution_id,
      ck.visit_date as service_date, ck.created_at,
      ck.weight_kg, ck.length_cm, ck.head_cm, ck.age_days, ck.waz, ck.lhaz, ck.wlhz, ck.bmiz, ck.hcz,
      c.birth_date
    from child_checkup ck
    join person c on c.county_code = ck.county_code and c.id = ck.person_id
    where ck.county_code = ${p.county} and ck.visit_date between ${d(p.from)} and ${d(p.to)}`,
  rules: (p) => {
    const a = p.cfg.childAnthropometry;
    const z = (k: 'waz' | 'lhaz' | 'wlhz' | 'bmiz' | 'hcz'): [Sql, string] => [
      sql`(${sql.ref(`b.${k}`)} < ${n(a.zLimits[k].below)} or ${sql.ref(`b.${k}`)} > ${n(a.zLimits[k].above)})`,
      `implausible_${k}`,
    ];
    const problems = problemList([
      z('waz'),
      z('lhaz'),
      z('wlhz'),
      z('bmiz'),
      z('hcz'),
      [outside(sql`b.weight_kg`, a.weightKg), 'weight_out_of_range'],
      [outside(sql`b.length_cm`, a.lengthCm), 'length_out_of_range'],
      [outside(sql`b.head_cm`, a.headCm), 'head_out_of_range'],
    ]);
    return [
      requiredFields('child_checkup', p),
      lateEntry('child_checkup', p),
      {
        ruleId: 'checkup_anthropometry_implausible',
        applies: sql`(b.weight_kg is not null or b.length_cm is not null or b.head_cm is not null)`,
        fails: sql`(cardinality(${problems}) > 0)`,
        detail: sql`jsonb_build_object('problems', to_jsonb(${problems}), 'weightKg', b.weight_kg,
          'lengthCm', b.length_cm, 'headCm', b.head_cm, 'ageDays', b.age_days, 'waz', b.waz, 'lhaz', b.lhaz,
          'wlhz', b.wlhz)`,
      },
      {
        ruleId: 'checkup_before_birth',
        applies: sql`(b.birth_date is not null)`,
        fails: sql`(b.service_date < b.birth_date)`,
        detail: sql`jsonb_build_object('visitDate', b.service_date, 'birthDate', b.birth_date)`,
      },
    ];
  },
};

const childDeath: RecordTypeSql = {
  recordType: 'child_death',
  base: (p) => sql`
    select cd.id as record_id, cd.person_id, null::uuid as context_id, cd.reporting_institution_id as institution_id,
      cd.death_date as service_date, cd.created_at,
      cd.birth_weight_g, cd.gestational_weeks, cd.reporting_institution_id, cd.diagnosis_basis, cd.age_days,
      c.birth_date
    from child_death cd
    join person c on c.county_code = cd.county_code and c.id = cd.person_id
    where cd.county_code = ${p.county} and cd.death_date between ${d(p.from)} and ${d(p.to)}`,
  rules: (p) => [
    requiredFields('child_death', p),
    lateEntry('child_death', p),
    {
      ruleId: 'child_death_date_inconsistent',
      applies: sql`(b.birth_date is not null)`,
      fails: sql`(b.service_date < b.birth_date or abs(b.age_days - (b.service_date - b.birth_date)) > 1)`,
      detail: sql`jsonb_build_object('deathDate', b.service_date, 'birthDate', b.birth_date, 'ageDays', b.age_days,
        'ageByDatesDays', b.service_date - b.birth_date)`,
    },
  ],
};

const person: RecordTypeSql = {
  recordType: 'person',
  // not windowed: an ID number duplicated years ago is still a duplicate
  base: (p) => sql`
    select x.* from (
      select pe.id as record_id, pe.id as person_id, null::uuid as context_id, pe.created_institution_id as institution_id,
        ${cnDate(sql`pe.created_at`)} as service_date, pe.created_at,
        pe.birth_date, pe.deceased_on, pe.id_number_hmac,
        count(*) over (partition by pe.id_number_hmac) as same_id_count,
        k.county_code as key_county, k.person_id as key_person
      from person pe
      left join person_key k on k.id_number_hmac = pe.id_number_hmac
      where pe.county_code = ${p.county} and pe.id_number_hmac is not null
      union all
      select pe.id, pe.id, null::uuid, pe.created_institution_id, ${cnDate(sql`pe.created_at`)}, pe.created_at,
        pe.birth_date, pe.deceased_on, null, 0, null, null
      from person pe
      where pe.county_code = ${p.county} and pe.id_number_hmac is null and pe.deceased_on is not null
    ) x`,
  rules: (p) => [
    {
      ruleId: 'duplicate_id_number',
      applies: sql`(b.id_number_hmac is not null)`,
      fails: sql`(b.same_id_count > 1 or (b.key_person is not null
        and (b.key_person <> b.record_id or b.key_county <> ${p.county}::bpchar)))`,
      detail: sql`jsonb_build_object('sameIdInCounty', b.same_id_count,
        'indexedElsewhere', b.key_person is not null and (b.key_person <> b.record_id or b.key_county <> ${p.county}::bpchar))`,
    },
    {
      ruleId: 'death_before_birth',
      applies: sql`(b.deceased_on is not null and b.birth_date is not null)`,
      fails: sql`(b.deceased_on < b.birth_date)`,
      detail: sql`jsonb_build_object('birthDate', b.birth_date, 'deathDate', b.deceased_on)`,
    },
  ],
};

/** Every record type with its rules, in the order a run checks them. */
export const RECORD_TYPE_SQL: readonly RecordTypeSql[] = [
  person,
  pregnancy,
  ancVisit,
  delivery,
  birthOutcome,
  postpartumVisit,
  maternalDeath,
  childProfile,
  childCheckup,
  childDeath,
];

/** Rule ids that have SQL (a test checks this equals core's catalogue). */
export function sqlRuleIds(p: CheckParams): string[] {
  return RECORD_TYPE_SQL.flatMap((t) => t.rules(p).map((r) => r.ruleId));
}

/**
 * The statement that checks one record type for a run: scans the base once into one row per record with a pair of
 * booleans per rule (checked, failed), inserts the failures into quality_problem (carrying the first-seen time of
 * the same problem in the previous run, looked up by its primary key) and the tallies per rule and institution
 * into quality_run_stat. No self-join of large sets, so the plan does not depend on fresh statistics. Returns
 * null when none of the type's rules runs.
 */
export function checkStatement(t: RecordTypeSql, p: CheckParams): Sql | null {
  const rules = t.rules(p).filter((r) => p.ruleIds.has(r.ruleId));
  if (!rules.length) return null;
  const cols = rules.map((r, k) => {
    const rule = getQualityRule(r.ruleId);
    if (!rule) throw new Error(`rule ${r.ruleId} is not in the catalogue`);
    return { ...r, k, weight: qualityRuleWeight(rule, p.cfg) };
  });
  // x holds the base row and the flags; it is read under the alias b so the rules' details see the base columns
  const a = (k: number) => sql.ref(`b.a${k}`);
  const f = (k: number) => sql.ref(`b.f${k}`);
  const flags = cols.map(
    (c) =>
      sql`coalesce(${c.applies ?? sql`true`}, false) as ${sql.ref(`a${c.k}`)},
        coalesce(${c.applies ?? sql`true`}, false) and coalesce(${c.fails}, false) as ${sql.ref(`f${c.k}`)}`,
  );
  // the detail is built only for a failing record (the CASE keeps jsonb work off the passing ones)
  const failures = cols.map(
    (c) => sql`(${c.ruleId}::text, ${f(c.k)}, case when ${f(c.k)} then ${c.detail ?? sql`'{}'::jsonb`} end)`,
  );
  const tallies = cols.map(
    (c) => sql`count(*) filter (where ${a(c.k)})::int as ${sql.ref(`c${c.k}`)},
    count(*) filter (where ${f(c.k)})::int as ${sql.ref(`n${c.k}`)}`,
  );
  const unpivot = cols.map(
    (c) => sql`(${c.ruleId}::text, ${sql.ref(`g.c${c.k}`)}, ${sql.ref(`g.n${c.k}`)}, ${c.weight}::numeric)`,
  );
  const prev = p.prevRunId ?? null;
  return sql`
    with b as materialized (${t.base(p)}),
    x as materialized (select b.*, ${sql.join(flags)} from b),
    ins as (
      insert into quality_problem (county_code, run_id, rule_id, record_type, record_id, person_id, context_id,
        institution_id, service_date, detail, first_seen_run_id, first_seen_at)
      select ${p.county}, ${p.runId}::uuid, v.rule_id, ${t.recordType}, b.record_id, b.person_id, b.context_id,
        b.institution_id, b.service_date, coalesce(v.detail, '{}'::jsonb),
        coalesce(o.first_seen_run_id, ${p.runId}::uuid), coalesce(o.first_seen_at, now())
      from x b
      cross join lateral (values ${sql.join(failures)}) as v(rule_id, failed, detail)
      left join lateral (
        select q.first_seen_run_id, q.first_seen_at from quality_problem q
        where q.county_code = ${p.county} and q.run_id = ${prev}::uuid and q.rule_id = v.rule_id
          and q.record_id = b.record_id
      ) o on true
      where v.failed
      returning 1
    ),
    g as (
      select coalesce(b.institution_id::text, '') as institution_key, ${sql.join(tallies)}
      from x b group by 1
    )
    insert into quality_run_stat (county_code, run_id, rule_id, institution_key, checked, failed, weighted_checked,
      weighted_failed)
    select ${p.county}, ${p.runId}::uuid, u.rule_id, g.institution_key, u.checked, u.failed,
      u.checked * u.weight, u.failed * u.weight
    from g cross join lateral (values ${sql.join(unpivot)}) as u(rule_id, checked, failed, weight)
    where u.checked > 0`;
}
