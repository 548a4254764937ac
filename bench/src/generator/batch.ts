import {
  assessGrowth,
  birthDefectCategoryForIcd10,
  inBirthDefectSurveillanceWindow,
  classifyNutrition,
  DAYS_PER_MONTH,
  getGrowthReference,
  lmsValueAt,
  makeResidentId,
  getRiskCatalogue,
  type GrowthAssessment,
  type MaternalContactStatus,
  type MaternalVisitRecord,
  type GrowthIndicator,
  type RiskCatalogueItem,
} from '@fuyou/core';
import { missedSinceInCare, nextContactOf, scheduleOf } from '@fuyou/server/modules/maternal/schedule';
import type { ExposureContents } from '@fuyou/server/modules/child/exposure.facts';
import { syphilisSuggestion } from '@fuyou/server/modules/child/exposure.service';
import { childWorkRows, type ChildWorkInput } from '@fuyou/server/modules/child/worklist.rows';
import { clockOf, isoOf, timestampOf } from './dates';
import type { Batch, BatchPlan, ChildFate, CountyState, InjectedError, PregnancyFate, Row, TableRows } from './model';
import { childName, womanName } from './names';
import { deriveSeed, Rng } from './prng';
import { generateWomensHealth } from './women';

/** Tables whose rows of a child its stored worklist rows are computed from. */
const CHILD_WORK_SOURCES = new Set([
  'person',
  'child_checkup',
  'child_case',
  'child_referral',
  'newborn_screening',
  'child_screening',
  'exposed_infant',
]);

/** The generated exposed_infant row as the server reads it (its plaintext contents, `_exposure`, decrypted). */
function exposureOf(row: Row | undefined): ChildWorkInput['exposure'] {
  if (!row) return null;
  return { ...row, ...(row._exposure as ExposureContents) } as never;
}

/**
 * The follow-up of an exposed infant 18 months or older: negative tests at 18 months (HBV serology at 9 months) and
 * the final status of each infection; syphilis's by the congenital-syphilis criteria (core, as the service checks
 * it), so the generated record is one the service would accept. No random draw (the data set stays the same).
 */
function exposureFinal(infections: string[], birthDay: number, ageNow: number) {
  if (ageNow < 548) return { tests: [], status: {} };
  const at18 = isoOf(birthDay + 548);
  const tests = [
    ...(infections.includes('hiv') ? [{ code: 'hiv.infant_antibody_18m', at: at18, result: 'negative' }] : []),
    ...(infections.includes('syphilis')
      ? [
          { code: 'syphilis.infant_nontreponemal_18m', at: at18, result: 'negative' },
          { code: 'syphilis.infant_treponemal_18m', at: at18, result: 'negative' },
        ]
      : []),
    ...(infections.includes('hbv')
      ? [{ code: 'hbv.infant_serology', at: isoOf(birthDay + 274), result: 'negative' }]
      : []),
  ];
  const status: Record<string, { status: string; decidedOn: string }> = {};
  for (const i of infections) {
    const s = i === 'syphilis' ? syphilisSuggestion({ birth_date: isoOf(birthDay) }, tests).status : 'not_infected';
    status[i] = { status: s, decidedOn: at18 };
  }
  return { tests, status };
}

/** The order tables are loaded in (parents first). Tables not in this list are never written by the generator. */
export const TABLE_ORDER = [
  'person',
  'person_key',
  'pregnancy',
  'risk_assessment',
  'anc_visit',
  'high_risk_case',
  'high_risk_report',
  'high_risk_followup',
  'maternal_referral',
  'pmtct_test',
  'pmtct_record',
  'prenatal_screening',
  'delivery',
  'birth_outcome',
  'postpartum_visit',
  'maternal_death',
  'maternal_death_review',
  'maternal_alert',
  'child_profile',
  'child_checkup',
  'child_case',
  'child_case_followup',
  'newborn_screening',
  'child_screening',
  'exposed_infant',
  'child_death',
  'child_alert',
  'child_referral',
  'child_work',
  'cancer_screening_target',
  'cancer_screening',
  'cancer_screening_case',
  'cancer_screening_case_step',
  'marriage_registration_count',
  'premarital_exam',
  'thalassaemia_test',
  'thalassaemia_couple',
  'preconception_check',
  'folic_acid_dispensing',
  'folic_acid_follow_up',
  'child_death_review',
  'perinatal_death_review',
  'birth_defect_report',
  'aid_application',
  'family_planning_service',
  'post_abortion_care',
  'pelvic_floor_screening',
  'pelvic_floor_session',
  'contraceptive_stock_movement',
  'gyn_survey_campaign',
  'gyn_survey_exam',
  'accountability_summons',
  'accountability_action',
] as const;

/**
 * Birth defects of the hospital surveillance, most frequent first (ICD-10 chapter Q, a name, whether ultrasound
 * commonly finds it before birth, the aid programme a family may apply to), with their relative weights.
 */
const DEFECTS: ReadonlyArray<readonly [string, string, boolean, string | null]> = [
  ['Q21.1', '房间隔缺损', true, 'congenital_heart_aid'],
  ['Q21.0', '室间隔缺损', true, 'congenital_heart_aid'],
  ['Q69.9', '多指（趾）', false, null],
  ['Q62.0', '先天性肾积水', true, 'birth_defect_aid'],
  ['Q17.0', '副耳', false, null],
  ['Q54.9', '尿道下裂', false, 'birth_defect_aid'],
  ['Q66.0', '马蹄内翻足', true, 'birth_defect_aid'],
  ['Q37.9', '唇裂合并腭裂', true, 'birth_defect_aid'],
  ['Q36.9', '唇裂', true, 'birth_defect_aid'],
  ['Q90.9', '唐氏综合征', true, 'birth_defect_aid'],
];
const DEFECT_WEIGHTS = [0.2, 0.15, 0.15, 0.1, 0.1, 0.08, 0.07, 0.06, 0.04, 0.05];
/** Gestational-age days (inclusive) inside the windows of the national contacts anc2–anc5, jitter included. */
const ANC_WINDOWS: ReadonlyArray<readonly [number, number]> = [
  [114, 144],
  [149, 172],
  [198, 256],
  [261, 284],
];
/** Antenatal contacts of the schedules (gestational age in days) after the registration visit. */
const ANC_GA = [112, 140, 168, 182, 196, 210, 224, 238, 252, 259, 266, 273, 280];
/** Child check-ups: [age in days, kind, contact key]. */
const CHILD_CONTACTS: ReadonlyArray<readonly [number, 'newborn_visit' | 'month1' | 'routine', string]> = [
  [5, 'newborn_visit', 'newborn_visit'],
  [28, 'month1', 'month1'],
  ...[3, 6, 8, 12, 18, 24, 30, 36].map((m) => [Math.round(m * DAYS_PER_MONTH), 'routine', `m${m}`] as const),
  ...[4, 5, 6].map((y) => [Math.round(y * 12 * DAYS_PER_MONTH), 'routine', `y${y}`] as const),
];
/** Median birth weight (g) by completed gestational week 28–42 (singletons). */
const BIRTH_WEIGHT_MEDIAN = [1150, 1300, 1450, 1650, 1850, 2100, 2400, 2700, 2900, 3050, 3150, 3300, 3400, 3450, 3500];
const CAESAREAN_INDICATIONS = [
  '瘢痕子宫',
  '胎位异常',
  '胎儿窘迫',
  '头盆不称',
  '妊娠期高血压疾病',
  '产程停滞',
  '前置胎盘',
];
const MATERNAL_CAUSES: ReadonlyArray<readonly [string, string]> = [
  ['产科出血', 'O72.1'],
  ['妊娠期高血压疾病', 'O14.1'],
  ['羊水栓塞', 'O88.1'],
  ['妊娠合并心脏病', 'O99.4'],
  ['肺栓塞', 'O88.2'],
  ['妊娠合并肝病', 'O26.6'],
];
const CHILD_CAUSES: ReadonlyArray<readonly [string, string, string]> = [
  ['早产/低出生体重', 'P07.3', 'preterm_lbw'],
  ['出生窒息', 'P21.0', 'asphyxia'],
  ['先天性心脏病', 'Q24.9', 'birth_defect'],
  ['肺炎', 'J18.9', 'pneumonia'],
  ['意外窒息', 'W84', 'injury'],
  ['溺水', 'W74', 'injury'],
  ['败血症', 'P36.9', 'infection'],
];

/** Ticked items (and the purple ones) by colour, of the catalogue the server uses for the county. */
const itemsCache = new Map<
  string,
  { byColour: Record<string, RiskCatalogueItem[]>; ref: { id: string; version: string } }
>();
function catalogueFor(county: string) {
  let c = itemsCache.get(county);
  if (!c) {
    const catalogue = getRiskCatalogue(county);
    const byColour: Record<string, RiskCatalogueItem[]> = {};
    for (const item of catalogue.items) {
      if (item.kind !== 'ticked' && item.colour !== 'purple') continue;
      (byColour[item.colour] ??= []).push(item);
    }
    c = { byColour, ref: { id: catalogue.id, version: catalogue.version } };
    itemsCache.set(county, c);
  }
  return c;
}
const COLOURS = ['green', 'yellow', 'orange', 'red'] as const;

/** What a child's records need to know of the mother and the delivery. */
interface MotherCtx {
  i: number;
  deliveryDay: number;
  deliveryGa: number;
  deliveryId: string | null;
  deliveryRow: Row | undefined;
  name: string;
  woman: Row;
  womanId: string;
  hukou: string;
  townCode: string;
  fetuses: number;
  clinic: string;
  positives: string[];
}

/** A live-born child of a delivery, before the child's own records are drawn. */
interface LiveBirth {
  id: string;
  outcomeId: string;
  sex: 'male' | 'female';
  weightG: number;
  lengthCm: number;
  order: number;
  apgar1: number;
  apgar5: number;
}
type Colour = (typeof COLOURS)[number];

const who = () => {
  const ref = getGrowthReference('who2006');
  if (!ref) throw new Error('WHO 2006 growth reference missing from @fuyou/core');
  return ref;
};

/** The value of a WHO indicator at a z-score for sex and x (age in days, or length/height in cm). */
function valueAt(indicator: GrowthIndicator, sex: 'male' | 'female', x: number, z: number): number | undefined {
  const lms = who().lms(indicator, sex, x);
  return lms ? lmsValueAt(z, lms) : undefined;
}

const r1 = (v: number) => Math.round(v * 10) / 10;
const r2 = (v: number) => Math.round(v * 100) / 100;
const json = (v: unknown) => JSON.stringify(v);

/**
 * Generates one batch: the women of a county whose last menstrual period falls in the batch's range, their
 * pregnancies (registration, visits, five-colour assessments, high-risk cases, PMTCT tests, prenatal screening,
 * deliveries, postpartum visits, deaths) and their children (profiles, check-ups with WHO-based measurements,
 * nutrition cases, newborn and child screening, exposed-infant follow-up, deaths), all up to `today`.
 * Pure and deterministic: the same plan gives the same rows.
 */
export function generateBatch(plan: BatchPlan, state: CountyState, sink?: RowSink): Batch {
  const { county, rates, today } = plan;
  const { byColour: ITEMS_BY_COLOUR, ref: CATALOGUE_REF } = catalogueFor(county.code);
  const rng = new Rng(deriveSeed(plan.seed, county.code, plan.batchIndex));
  const tables: TableRows = new Map(sink ? [] : TABLE_ORDER.map((t) => [t, [] as Row[]]));
  const write = sink
    ? (table: string, row: Row) => sink.add(table, row)
    : (table: string, row: Row) => void tables.get(table)!.push(row);
  // the rows of the child being generated, for its stored worklist rows (child_work)
  let childRows: Map<string, Row[]> | null = null;
  const add = (table: string, row: Row) => {
    write(table, row);
    if (childRows && CHILD_WORK_SOURCES.has(table)) {
      const list = childRows.get(table);
      if (list) list.push(row);
      else childRows.set(table, [row]);
    }
  };
  const errors: InjectedError[] = [];
  const fates: PregnancyFate[] = [];
  const childFates: ChildFate[] = [];
  const createdBy = plan.createdBy;
  const days = plan.lmpTo - plan.lmpFrom;
  if (days <= 0)
    return { county: county.code, batchIndex: plan.batchIndex, tables, pregnancies: [], children: [], errors };
  const count = Math.round(((county.birthsPerYear / (1 - rates.pregnancyLoss)) * days) / 365);

  // colour weights for the non-purple part of the mix
  const rc = rates.riskColour;
  const colourWeights = [rc.green, rc.yellow, rc.orange, rc.red];
  const categoryWeights = [rc.green, rc.yellow, rc.orange, rc.red, rc.purple];
  // caesarean probability without a previous caesarean, so that the overall share meets the rate
  const prevCsShare = 0.19;
  const csWithoutScar = Math.max(0, Math.min(1, (rates.caesarean - prevCsShare * 0.85) / (1 - prevCsShare)));
  const pretermSingleton = Math.max(0, (rates.preterm - rates.twins * 0.5) / (1 - rates.twins));
  const gdmIfRisk = Math.min(1, rates.gdm / Math.max(0.01, 1 - rc.green));

  /** created_at of a record about `day`: most the same or next day, a share entered late. */
  const created = (day: number) => {
    const d = rng.chance(rates.lateEntry) ? day + rng.int(15, 120) : day + rng.int(0, 2);
    return timestampOf(Math.min(d, today), rng.int(8 * 60, 17 * 60 + 30));
  };
  const injure = (table: string, id: string, kind: string) => errors.push({ table, id, kind });
  const wantError = () => rng.chance(rates.dataErrors);

  for (let i = 0; i < count; i++) {
    const lmp = plan.lmpFrom + Math.floor(rng.next() * days);
    const early = rng.chance(rates.earlyRegistration);
    const gaReg = early ? rng.int(42, 90) : rng.int(91, 196);
    const registeredOn = lmp + gaReg;
    const loss = gaReg < 180 && rng.chance(rates.pregnancyLoss);
    const twins = !loss && rng.chance(rates.twins);
    const fetuses = twins ? 2 : 1;
    const preterm = twins ? rng.chance(0.5) : rng.chance(pretermSingleton);
    const gaDel = preterm
      ? rng.weighted([[238, 258] as const, [224, 237] as const, [196, 223] as const], [0.7, 0.2, 0.1])
      : null;
    const deliveryGa = gaDel ? rng.int(gaDel[0], gaDel[1]) : Math.round(rng.gauss(276, 7, 259, 293));
    const lossGa = loss ? rng.int(gaReg + 3, Math.min(195, gaReg + 60)) : null;
    const categoryIdx = rng.weighted([0, 1, 2, 3, 4], categoryWeights);
    const purple = categoryIdx === 4;
    const finalColour: Colour = purple ? rng.weighted(COLOURS, colourWeights) : COLOURS[categoryIdx]!;
    const gdm = finalColour !== 'green' && rng.chance(gdmIfRisk);
    const hiv = rng.chance(rates.hiv);
    const syphilis = rng.chance(rates.syphilis);
    const hbsag = rng.chance(rates.hbsag);
    const maternalDeath = !loss && rng.chance(rates.maternalMortality);
    const age = Math.round(rng.gauss(29.8, 4.6, 16, 49));
    if (registeredOn > today) continue; // not registered yet

    // ---------------------------------------------------------------- the woman
    const nonResident = rng.chance(rates.nonResident);
    let birthDay = lmp - Math.round(age * 365.25) - rng.int(0, 364);
    let hukou = county.code;
    let seq = 0;
    if (nonResident) {
      for (let attempt = 0; ; attempt++) {
        hukou = rng.pick(plan.outsideCounties);
        const key = `N${hukou}${birthDay}`;
        if (!state.idSlots.has(key) || attempt > 50) {
          state.idSlots.set(key, 1);
          break;
        }
        birthDay--;
      }
      seq = 250 + (county.ordinal % 250);
    } else {
      for (;;) {
        const key = `${hukou}${birthDay}`;
        const used = state.idSlots.get(key) ?? 0;
        if (used < 250) {
          state.idSlots.set(key, used + 1);
          seq = used;
          break;
        }
        birthDay--;
      }
    }
    const birthDate = isoOf(birthDay);
    const idNumber = makeResidentId(hukou, birthDate, seq, 'female');
    const town = county.townships.length ? rng.pick(county.townships) : { code: county.code, name: county.name };
    const womanId = rng.uuid();
    const name = womanName(rng);
    let phone: string | null =
      `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
    const clinic = rng.pick(county.institutions.clinics);
    const womanCreated = created(registeredOn);
    if (wantError()) {
      phone = null;
      injure('person', womanId, 'missing_phone');
    }
    const deathDay = maternalDeath
      ? rng.weighted(
          [lmp + rng.int(200, Math.max(201, deliveryGa - 1)), lmp + deliveryGa, lmp + deliveryGa + rng.int(1, 42)],
          [0.2, 0.5, 0.3],
        )
      : null;
    const woman: Row = {
      county_code: county.code,
      id: womanId,
      name,
      sex: 'female',
      birth_date: birthDate,
      id_type: 'resident_id',
      _idNumber: idNumber,
      _phone: phone,
      ethnicity: rng.chance(0.95) ? '01' : rng.pick(['02', '03', '04', '05', '06', '07', '08', '09', '10', '11']),
      hukou_region_code: hukou,
      residence_region_code: town.code,
      address: `${town.name}${rng.pick(['人民路', '解放路', '新华路', '中山路', '建设路', '和平路', '环城路', '东港路'])}${rng.int(1, 399)}号`,
      is_synthetic: true,
      deceased_on: deathDay !== null && deathDay <= today ? isoOf(deathDay) : null,
      created_at: womanCreated,
      updated_at: womanCreated,
      created_by: createdBy,
      mother_county_code: null,
      mother_id: null,
    };
    add('person', woman);
    add('person_key', { _idNumber: idNumber, county_code: county.code, person_id: womanId });

    // ---------------------------------------------------------------- the pregnancy
    const pregnancyId = rng.uuid();
    const parity = rng.weighted([0, 1, 2, 3], [0.45, 0.44, 0.09, 0.02]);
    const gravidity = parity + 1 + (rng.chance(0.3) ? rng.int(1, 2) : 0);
    const prevCs = parity > 0 && rng.chance(0.35) ? 1 : 0;
    const endDay = loss
      ? lmp + lossGa!
      : deathDay !== null && deathDay < lmp + deliveryGa
        ? deathDay
        : lmp + deliveryGa;
    const delivered = !loss && !(deathDay !== null && deathDay < lmp + deliveryGa) && lmp + deliveryGa <= today;
    const heightCm = r1(rng.gauss(159, 5.5, 140, 185));
    const weightKg = r1(rng.gauss(54, 8, 38, 110));

    // visits: the registration visit and a subset of the scheduled contacts
    const band = rng.weighted(['lt5', 'to8', 'to12', 'more'] as const, [
      rates.ancVisitBands.lt5,
      rates.ancVisitBands.to8,
      rates.ancVisitBands.to12,
      rates.ancVisitBands.more,
    ]);
    const target =
      band === 'lt5'
        ? rng.int(1, 4)
        : band === 'to8'
          ? rng.int(5, 8)
          : band === 'to12'
            ? rng.int(9, 12)
            : rng.int(13, 15);
    // a woman with five or more visits keeps the windows of the national contacts (16–20, 21–24, 28–36 and
    // 37–40 weeks); her other visits fall on the usual slots, so overdue duties come from the women who miss them
    const kept: number[] = [];
    if (target >= 5) for (const [a, b] of ANC_WINDOWS) if (a > gaReg + 10) kept.push(rng.int(a, b));
    const later = ANC_GA.filter((g) => g > gaReg + 10 && kept.every((w) => Math.abs(w - g) > 6));
    const chosen = new Set<number>();
    const extra = Math.min(Math.max(0, target - 1 - kept.length), later.length);
    while (chosen.size < extra) chosen.add(later[rng.int(0, later.length - 1)]!);
    const visitPlan = [gaReg, ...[...[...chosen].map((g) => g + rng.int(-3, 3)), ...kept].sort((a, b) => a - b)];
    let visitGas = visitPlan.filter(
      (g, k) => lmp + g <= today && lmp + g < endDay && (k === 0 || g > visitPlan[k - 1]!),
    );
    const ongoing = !loss && endDay > today && deathDay === null;
    if (ongoing && visitGas.length > 1 && rng.chance(rates.overdue)) {
      // the last contact was missed: the next duty is overdue
      visitGas = visitGas.filter((g, k) => k === 0 || lmp + g < today - 28);
    }
    fates.push({
      pregnancyId,
      category: purple ? 'purple' : finalColour,
      early,
      visits: target,
      loss,
      gdm,
      hiv,
      syphilis,
      hbsag,
      caesarean: false,
      preterm,
      twins,
      maternalDeath,
      delivered,
    });
    const fate = fates[fates.length - 1]!;

    // five-colour assessments: at registration, again at ~28 weeks, and postpartum
    const escalates = finalColour !== 'green' && rng.chance(0.3);
    const initialColour: Colour = escalates ? COLOURS[COLOURS.indexOf(finalColour) - 1]! : finalColour;
    const assessVisit = visitGas.findIndex((g) => g >= 182);
    const assessments: Array<{
      id: string;
      day: number;
      colour: Colour;
      stage: string;
      seq: number;
      gaDays: number | null;
      source: string;
    }> = [];
    const reasons = (colour: Colour): RiskCatalogueItem[] => {
      const out: RiskCatalogueItem[] = [];
      if (colour !== 'green') out.push(rng.pick(ITEMS_BY_COLOUR[colour] ?? []));
      if (purple) {
        const p = ITEMS_BY_COLOUR.purple ?? [];
        const code = hiv ? 'purple.hiv' : syphilis ? 'purple.syphilis' : hbsag ? 'purple.hepatitis_b' : '';
        out.push(p.find((x) => x.code === code) ?? rng.pick(p.filter((x) => x.kind === 'ticked')));
      }
      return out.filter(Boolean);
    };
    const riskRows: Row[] = [];
    const pushAssessment = (
      day: number,
      colour: Colour,
      stage: string,
      gaDays: number | null,
      source: string,
      sourceId: string | null,
    ) => {
      const id = rng.uuid();
      const seqNo = assessments.length + 1;
      assessments.push({ id, day, colour, stage, seq: seqNo, gaDays, source });
      const items = reasons(colour);
      const at = created(day);
      riskRows.push({
        county_code: county.code,
        id,
        pregnancy_id: pregnancyId,
        person_id: womanId,
        seq: seqNo,
        stage,
        assessed_on: isoOf(day),
        assessed_at: at,
        ga_days: gaDays,
        institution_id: clinic,
        assessor_id: createdBy,
        assessor_name: '系统生成',
        source_kind: source,
        source_id: sourceId,
        facts: json({ age, heightCm, weightKg, gdm, ...(hbsag ? { hbsag: true } : {}) }),
        matched: json(items.map((x) => ({ code: x.code, colour: x.colour, zh: x.zh }))),
        ticked_items: items.filter((x) => x.kind === 'ticked').map((x) => x.code),
        not_evaluated: [],
        suggested_colour: colour,
        suggested_purple: purple && stage !== 'postpartum',
        colour,
        purple: purple && stage !== 'postpartum',
        overridden: false,
        override_reason: null,
        catalogue: json(CATALOGUE_REF),
        note: null,
        created_at: at,
      });
      return id;
    };

    // ANC visit rows
    const visitRows: Row[] = [];
    let weight = weightKg;
    for (let k = 0; k < visitGas.length; k++) {
      const g = visitGas[k]!;
      const day = lmp + g;
      const id = rng.uuid();
      weight = r1(weightKg + Math.max(0, (g - 91) / 7) * rng.gauss(0.45, 0.08) + rng.gauss(0, 0.4));
      const systolic = Math.round(rng.gauss(112, 10, 85, 170));
      const diastolic = Math.round(rng.gauss(72, 8, 50, 110));
      const row: Row = {
        county_code: county.code,
        id,
        pregnancy_id: pregnancyId,
        person_id: womanId,
        visit_date: isoOf(day),
        ga_days: g,
        contact_id: k === 0 ? 'registration' : `anc_${Math.floor(g / 7)}w`,
        institution_id: g >= 224 && rng.chance(0.6) ? county.institutions.mch : clinic,
        examiner: null,
        weight_kg: weight,
        systolic_mmhg: systolic,
        diastolic_mmhg: diastolic,
        fundal_height_cm: g >= 140 ? r1(g / 7 - 3 + rng.gauss(0, 1.5)) : null,
        abdominal_circumference_cm: g >= 140 ? r1(80 + (g - 140) / 7 + rng.gauss(0, 3)) : null,
        fetal_heart_rates: g >= 84 ? Array.from({ length: fetuses }, () => rng.int(125, 160)) : [],
        presentation: g >= 224 ? (rng.chance(0.96) ? 'cephalic' : 'breech') : null,
        oedema: rng.chance(0.9) ? 'none' : '+',
        labs: json({
          ...(k === 0 || g >= 196 ? { hbGL: Math.round(rng.gauss(118, 11, 70, 160)) } : {}),
          ...(g >= 168 && g <= 196
            ? {
                // the server's keys (labsSchema): the bulk load writes this JSON as the server would store it
                ogtt: gdm
                  ? {
                      fastingMmolL: r1(rng.gauss(5.4, 0.4)),
                      oneHourMmolL: r1(rng.gauss(10.4, 0.8)),
                      twoHourMmolL: r1(rng.gauss(8.9, 0.6)),
                    }
                  : {
                      fastingMmolL: r1(rng.gauss(4.5, 0.3)),
                      oneHourMmolL: r1(rng.gauss(7.5, 1)),
                      twoHourMmolL: r1(rng.gauss(6.4, 0.7)),
                    },
              }
            : {}),
        }),
        ultrasound: null,
        findings: null,
        advice: null,
        referral_id: null,
        next_appointment: null,
        epds_scores: null,
        special: json(gdm && g >= 196 ? { gdm: true } : {}),
        risk_assessment_id: null,
        version: 1,
        created_at: created(day),
        updated_at: null,
        created_by: createdBy,
      };
      row.updated_at = row.created_at;
      if (wantError()) {
        if (rng.chance(0.5)) {
          row.weight_kg = r1(weight * 10);
          injure('anc_visit', id, 'weight_decimal_shift');
        } else {
          row.systolic_mmhg = diastolic;
          row.diastolic_mmhg = systolic;
          injure('anc_visit', id, 'bp_swapped');
        }
      }
      if (k === 0) row.risk_assessment_id = pushAssessment(day, initialColour, 'registration', g, 'registration', null);
      else if (k === assessVisit && (escalates || rng.chance(0.5)))
        row.risk_assessment_id = pushAssessment(day, finalColour, 'antenatal', g, 'anc_visit', id);
      visitRows.push(row);
    }
    for (let k = 0; k < visitRows.length - 1; k++) visitRows[k]!.next_appointment = visitRows[k + 1]!.visit_date;
    const lastVisit = visitRows.at(-1);
    const lastGa = visitGas.at(-1) ?? gaReg;

    // ---------------------------------------------------------------- delivery
    let deliveryId: string | null = null;
    const deliveryDay = lmp + deliveryGa;
    const liveChildren: LiveBirth[] = [];
    const deliveryRows: Row[] = [];
    let caesarean = false;
    if (delivered) {
      deliveryId = rng.uuid();
      caesarean = rng.chance(prevCs ? 0.85 : csWithoutScar);
      fate.caesarean = caesarean;
      const mode = caesarean
        ? 'caesarean'
        : rng.weighted(['spontaneous', 'vacuum', 'forceps', 'breech'], [0.95, 0.03, 0.01, 0.01]);
      const loss_ = Math.round(caesarean ? rng.gauss(400, 120, 150, 2500) : rng.gauss(250, 100, 50, 2500));
      const pph = rng.chance(0.02);
      const hospital = rng.chance(0.5) ? county.institutions.mch : rng.pick(county.institutions.hospitals);
      const minute = rng.int(0, 1439);
      let discharged = deliveryDay + (caesarean ? 4 : 2) + rng.int(0, 2);
      const row: Row = {
        county_code: county.code,
        id: deliveryId,
        pregnancy_id: pregnancyId,
        person_id: womanId,
        delivery_date: isoOf(deliveryDay),
        delivery_time: clockOf(minute),
        place: rng.chance(0.998) ? 'institution' : 'en_route',
        institution_id: hospital,
        ga_days: deliveryGa,
        mode,
        caesarean_indication: caesarean ? (prevCs ? '瘢痕子宫' : rng.pick(CAESAREAN_INDICATIONS)) : null,
        caesarean_no_medical_indication: caesarean && !prevCs && rng.chance(0.1),
        complications: pph ? ['postpartum_haemorrhage'] : [],
        blood_loss_ml: pph ? rng.int(1000, 2500) : loss_,
        maternal_condition: deathDay === deliveryDay ? 'died' : pph ? 'complicated' : 'good',
        discharged_on: null,
        attendant: null,
        fetuses,
        note: null,
        version: 1,
        created_at: created(deliveryDay),
        updated_at: null,
        created_by: createdBy,
      };
      row.updated_at = row.created_at;
      if (wantError()) {
        discharged = deliveryDay - rng.int(1, 3);
        injure('delivery', deliveryId, 'discharge_before_delivery');
      }
      if (discharged <= today && deathDay !== deliveryDay) row.discharged_on = isoOf(discharged);
      deliveryRows.push(row);
      const week = Math.min(42, Math.max(28, Math.floor(deliveryGa / 7)));
      for (let order = 1; order <= fetuses; order++) {
        const outcomeId = rng.uuid();
        const sex = rng.chance(0.515) ? 'male' : 'female';
        const z = rng.normal();
        const median = BIRTH_WEIGHT_MEDIAN[week - 28]! * (sex === 'male' ? 1.02 : 0.98) * (twins ? 0.9 : 1);
        const weightG = Math.round(Math.min(6000, Math.max(500, median * Math.exp(0.095 * z))));
        const lengthCm = r1(Math.min(58, Math.max(30, 50 - ((280 - deliveryGa) / 7) * 0.9 + 1.8 * z)));
        const still = rng.chance(rates.stillbirth);
        const apgar1 = still ? 0 : rng.weighted([9, 8, 7, 5], [0.85, 0.1, 0.03, 0.02]);
        const apgar5 = still ? 0 : Math.min(10, apgar1 + 1);
        const childId = still ? null : rng.uuid();
        const defect = rng.chance(rates.birthDefects) ? rng.weighted(DEFECTS, DEFECT_WEIGHTS) : null;
        add('birth_outcome', {
          county_code: county.code,
          id: outcomeId,
          delivery_id: deliveryId,
          mother_id: womanId,
          birth_order: order,
          outcome: still ? 'stillbirth' : 'live_birth',
          sex,
          weight_g: weightG,
          length_cm: lengthCm,
          apgar_1: still ? null : apgar1,
          apgar_5: still ? null : apgar5,
          apgar_10: null,
          defects: defect ? [defect[0]] : [],
          resuscitation: apgar1 <= 7 && !still,
          flags: json({ lowBirthWeight: weightG < 2500, preterm: deliveryGa < 259, macrosomia: weightG >= 4000 }),
          child_person_id: childId,
          created_at: row.created_at,
        });
        if (childId) liveChildren.push({ id: childId, outcomeId, sex, weightG, lengthCm, order, apgar1, apgar5 });
        else if (deliveryDay + 60 <= today) {
          // the county panel's review of a stillbirth (perinatal, ≥28 weeks), within two months; no draw from the
          // random stream, so adding these rows leaves the rest of the population as it was
          const pick = outcomeId.charCodeAt(0) % 10;
          add('perinatal_death_review', {
            county_code: county.code,
            birth_outcome_id: outcomeId,
            level: 'county',
            reviewed_on: isoOf(deliveryDay + 30 + pick),
            conclusion: pick < 2 ? 'avoidable' : pick < 5 ? 'conditionally_avoidable' : 'unavoidable',
            factors: json({}),
            actions: null,
            created_at: timestampOf(deliveryDay + 30 + pick, 600),
            created_by: createdBy,
          });
        }
        if (defect) {
          // the hospital's birth-defect report card (B3/B6), as the women's-health module files it from a delivery
          const prenatal = defect[2] && rng.chance(0.6);
          const diagnosisDay = prenatal ? deliveryDay - rng.int(20, 100) : deliveryDay + rng.int(0, 6);
          const w = inBirthDefectSurveillanceWindow({
            birthDate: isoOf(deliveryDay),
            diagnosisDate: isoOf(diagnosisDay),
            gestationalAge: { weeks: Math.floor(deliveryGa / 7), days: deliveryGa % 7 },
            birthWeightG: weightG,
          });
          if (diagnosisDay <= today && w.ok && w.inWindow) {
            const category = birthDefectCategoryForIcd10(defect[0])!.code;
            const reportId = rng.uuid();
            const reported = created(Math.max(deliveryDay, diagnosisDay));
            add('birth_defect_report', {
              county_code: county.code,
              id: reportId,
              mother_person_id: womanId,
              child_person_id: childId,
              source: 'delivery',
              delivery_id: deliveryId,
              birth_outcome_id: outcomeId,
              pregnancy_id: pregnancyId,
              prenatal_diagnosis_id: null,
              birth_date: isoOf(deliveryDay),
              gestational_weeks: Math.floor(deliveryGa / 7),
              gestational_days: deliveryGa % 7,
              birth_weight_g: weightG,
              sex,
              outcome: still ? 'stillbirth' : 'live_birth',
              defects: json([{ icd10: defect[0], category, description: category === 'other' ? defect[1] : null }]),
              categories: [category],
              diagnosis_basis: prenatal ? ['ultrasound'] : defect[0].startsWith('Q90') ? ['chromosome'] : ['clinical'],
              diagnosis_time: prenatal ? 'prenatal' : 'after_birth',
              diagnosis_date: isoOf(diagnosisDay),
              in_window: true,
              institution_id: row.institution_id,
              reporter: null,
              note: null,
              version: 1,
              created_at: reported,
              updated_at: reported,
              created_by: createdBy,
            });
            const appliedOn = deliveryDay + rng.int(30, 120);
            if (childId && defect[3] && appliedOn <= today && rng.chance(0.5)) {
              const decided = appliedOn + rng.int(15, 45);
              const status = decided > today ? 'submitted' : rng.chance(0.85) ? 'approved' : 'rejected';
              const applied = created(appliedOn);
              add('aid_application', {
                county_code: county.code,
                id: rng.uuid(),
                person_id: childId,
                birth_defect_report_id: reportId,
                programme: defect[3],
                condition: defect[1],
                applied_on: isoOf(appliedOn),
                amount_requested: rng.int(3, 30) * 1000,
                status,
                decided_on: status === 'submitted' ? null : isoOf(decided),
                approved_amount: status === 'approved' ? rng.int(3, 10) * 1000 : null,
                decision_note: null,
                paid_on: null,
                institution_id: county.institutions.mch,
                note: null,
                version: status === 'submitted' ? 1 : 2,
                created_at: applied,
                updated_at: status === 'submitted' ? applied : created(decided),
                created_by: createdBy,
              });
            }
          }
        }
      }
    }
    for (const r of deliveryRows) add('delivery', r);

    // ---------------------------------------------------------------- postpartum visits and assessment
    const ppRows: Row[] = [];
    if (delivered) {
      for (const [kind, from, to] of [
        ['home_visit', 3, 7],
        ['day42_check', 42, 49],
      ] as const) {
        const day = deliveryDay + rng.int(from, to);
        if (day > today || (deathDay !== null && day >= deathDay) || !rng.chance(rates.postpartumCompletion)) continue;
        const id = rng.uuid();
        const r: Row = {
          county_code: county.code,
          id,
          pregnancy_id: pregnancyId,
          person_id: womanId,
          kind,
          visit_date: isoOf(day),
          postpartum_day: day - deliveryDay,
          institution_id: kind === 'home_visit' ? clinic : county.institutions.mch,
          examiner: null,
          temperature_c: r1(rng.gauss(36.6, 0.3, 35.8, 38.5)),
          systolic_mmhg: Math.round(rng.gauss(112, 9, 90, 160)),
          diastolic_mmhg: Math.round(rng.gauss(72, 7, 50, 100)),
          hb_gl: kind === 'day42_check' ? Math.round(rng.gauss(121, 10, 70, 160)) : null,
          breasts: 'normal',
          lochia: kind === 'home_visit' ? 'normal' : null,
          uterus: 'normal',
          wound: caesarean ? 'healed' : null,
          findings: null,
          breastfeeding: rng.weighted(['exclusive', 'mixed', 'formula'], [0.65, 0.28, 0.07]),
          epds_scores:
            kind === 'day42_check'
              ? Array.from({ length: 10 }, (_, k) => (k === 9 ? 0 : rng.weighted([0, 1, 2, 3], [0.7, 0.2, 0.07, 0.03])))
              : null,
          epds: null,
          epds_action: null as string | null,
          contraception_counselled: kind === 'day42_check' ? true : null,
          contraception_method: null,
          pelvic_floor:
            kind === 'day42_check' ? rng.weighted(['normal', 'abnormal', 'not_done'], [0.85, 0.1, 0.05]) : null,
          assessment: rng.chance(0.96) ? 'recovered' : 'abnormal',
          advice: null,
          referral_id: null,
          risk_assessment_id: null,
          next_appointment: null,
          version: 1,
          created_at: created(day),
          updated_at: null,
          created_by: createdBy,
        };
        r.updated_at = r.created_at;
        const epds = (r.epds_scores as number[] | null)?.reduce((a, b) => a + b, 0) ?? 0;
        if (epds >= 10) r.epds_action = '心理咨询，转诊精神卫生专科';
        if (kind === 'day42_check' && finalColour !== 'green' && rng.chance(0.5)) {
          r.risk_assessment_id = pushAssessment(
            day,
            finalColour === 'red' || finalColour === 'orange' ? finalColour : 'green',
            'postpartum',
            null,
            'postpartum_visit',
            id,
          );
        }
        ppRows.push(r);
      }
    }

    // ---------------------------------------------------------------- pregnancy row
    const lastAssessment = assessments.at(-1);
    const day42 = ppRows.find((r) => r.kind === 'day42_check');
    let status: 'antenatal' | 'postpartum' | 'closed' = 'antenatal';
    let endedOn: number | null = null;
    let endReason: string | null = null;
    if (loss && endDay <= today) {
      status = 'closed';
      endedOn = endDay;
      endReason = rng.weighted(['miscarriage', 'induced_abortion', 'ectopic'], [0.6, 0.35, 0.05]);
    } else if (deathDay !== null && deathDay <= today) {
      status = 'closed';
      endedOn = deathDay;
      endReason = 'maternal_death';
    } else if (delivered) {
      const closeDay = day42 ? Number(day42.postpartum_day) + deliveryDay : deliveryDay + 56;
      if (closeDay <= today) {
        status = 'closed';
        endedOn = closeDay;
        endReason = 'postpartum_completed';
      } else status = 'postpartum';
    }
    const edd = lmp + 280;
    // the stored schedule fields, computed as the maternal module stores them at every write (refreshSchedule)
    let next: MaternalContactStatus | null = null;
    let missed: MaternalContactStatus | null = null;
    const dischargedOn = (deliveryRows[0]?.discharged_on as string | null | undefined) ?? null;
    if (status !== 'closed') {
      const records: MaternalVisitRecord[] = [
        ...visitRows.map((v) => ({ date: v.visit_date as string, kind: 'antenatal' as const })),
        ...ppRows.map((v) => ({ date: v.visit_date as string, kind: v.kind as 'home_visit' | 'day42_check' })),
      ];
      const preg = {
        edd: isoOf(edd),
        delivered_on: delivered ? isoOf(deliveryDay) : null,
        discharged_on: dischargedOn,
        status,
        registered_on: isoOf(registeredOn),
      };
      const sched = scheduleOf(preg, records, isoOf(today));
      next = nextContactOf(sched);
      missed = missedSinceInCare(sched, preg, records);
    }
    // her next appointment is the next visit of her plan (in the past when she missed it)
    const nextPlanned = visitPlan.find((g) => g > lastGa);
    const appointment = status === 'antenatal' && lastVisit ? isoOf(lmp + (nextPlanned ?? lastGa + 14)) : null;
    if (lastVisit && status === 'antenatal') lastVisit.next_appointment = appointment;
    const pregCreated = created(registeredOn);
    add('pregnancy', {
      county_code: county.code,
      id: pregnancyId,
      person_id: womanId,
      status,
      registered_on: isoOf(registeredOn),
      registering_institution_id: clinic,
      managing_institution_id: clinic,
      handbook_no: `${county.code}${String(plan.batchIndex).padStart(2, '0')}${String(i).padStart(6, '0')}`,
      lmp: isoOf(lmp),
      edd: isoOf(edd),
      edd_method: rng.chance(0.3) ? 'ultrasound' : 'lmp',
      edd_correction: null,
      ga_at_registration_days: gaReg,
      early_registration: gaReg < 91,
      age_at_lmp: age,
      minor_at_lmp: age < 18,
      non_resident: nonResident,
      gravidity,
      parity,
      previous_caesareans: prevCs,
      spontaneous_abortions: gravidity - parity - 1 > 0 ? rng.int(0, gravidity - parity - 1) : 0,
      induced_abortions: 0,
      preterm_births: 0,
      stillbirths: 0,
      birth_defects: 0,
      ectopic_pregnancies: 0,
      molar_pregnancies: 0,
      previous_uterine_surgeries: prevCs,
      last_uterine_surgery_on: null,
      last_birth_on: parity > 0 ? isoOf(lmp - rng.int(700, 3000)) : null,
      history_items: [],
      history_note: null,
      height_cm: heightCm,
      pre_pregnancy_weight_kg: weightKg,
      fetuses,
      screening: null,
      risk_colour: lastAssessment?.colour ?? null,
      risk_purple: lastAssessment ? purple && lastAssessment.stage !== 'postpartum' : false,
      risk_assessed_on: lastAssessment ? isoOf(lastAssessment.day) : null,
      assessment_count: assessments.length,
      next_contact: next?.id ?? null,
      next_due_on: next?.windowStart ?? null,
      next_due_end: next?.effectiveEnd ?? null,
      missed_contact: missed?.id ?? null,
      missed_end: missed?.effectiveEnd ?? null,
      next_appointment: appointment,
      last_visit_on: lastVisit ? lastVisit.visit_date : null,
      visit_count: visitRows.length,
      delivered_on: delivered ? isoOf(deliveryDay) : null,
      discharged_on: deliveryRows[0]?.discharged_on ?? null,
      ended_on: endedOn === null ? null : isoOf(endedOn),
      end_reason: endReason,
      end_note: null,
      version: 1,
      created_at: pregCreated,
      updated_at: pregCreated,
      created_by: createdBy,
    });
    if (age < 18) {
      add('maternal_alert', {
        county_code: county.code,
        id: rng.uuid(),
        kind: 'minor_pregnancy',
        audience: 'county',
        person_id: womanId,
        entity_type: 'pregnancy',
        entity_id: pregnancyId,
        message_zh: `未成年孕妇建册：${name}`,
        message_en: 'Pregnancy of a minor registered',
        created_at: pregCreated,
        acknowledged_at: rng.chance(0.7) ? pregCreated : null,
        acknowledged_by: null,
      });
    }
    for (const r of riskRows) add('risk_assessment', r);
    familyPlanning({
      rng,
      add,
      plan,
      womanId,
      clinic,
      endReason,
      endedOn,
      deliveryDay: delivered ? deliveryDay : null,
      deliveryId,
      day42: day42 ? deliveryDay + Number(day42.postpartum_day) : null,
    });
    for (const r of visitRows) add('anc_visit', r);
    for (const r of ppRows) add('postpartum_visit', r);

    // ---------------------------------------------------------------- high-risk case (orange, red, purple)
    const caseStart = assessments.find(
      (a) => a.colour === 'orange' || a.colour === 'red' || (purple && a.stage !== 'postpartum'),
    );
    if (caseStart) {
      const caseId = rng.uuid();
      const opened = caseStart.day;
      const closeDay = endedOn ?? (delivered ? deliveryDay : null);
      const closed = closeDay !== null && closeDay <= today;
      const caseCreated = created(opened);
      const followDays: number[] = [];
      for (let d = opened + 28; d < Math.min(today, closeDay ?? today); d += 28) followDays.push(d + rng.int(-3, 3));
      add('high_risk_case', {
        county_code: county.code,
        id: caseId,
        pregnancy_id: pregnancyId,
        person_id: womanId,
        status: closed ? 'closed' : 'open',
        opened_on: isoOf(opened),
        opened_at: caseCreated,
        source_assessment_id: caseStart.id,
        colour: caseStart.colour,
        purple,
        reasons: json(reasons(caseStart.colour).map((x) => ({ code: x.code, zh: x.zh }))),
        managing_institution_id: county.institutions.mch,
        plan: '按高危专案管理，定期随访',
        emergency_plan: caseStart.colour === 'red' ? '联系危重孕产妇救治中心' : null,
        delivery_hospital_id: county.institutions.mch,
        delivery_hospital_on: isoOf(opened),
        next_follow_up_due: closed ? null : isoOf((followDays.at(-1) ?? opened) + 28),
        report_pending: false,
        report_due_at: null,
        closed_on: closed ? isoOf(closeDay) : null,
        close_reason: closed
          ? endReason === 'maternal_death'
            ? 'death'
            : delivered
              ? 'delivered_assessed'
              : 'pregnancy_ended'
          : null,
        close_note: null,
        version: 1,
        created_at: caseCreated,
        updated_at: caseCreated,
        created_by: createdBy,
      });
      const acknowledged = rng.chance(0.9);
      add('high_risk_report', {
        county_code: county.code,
        id: rng.uuid(),
        case_id: caseId,
        person_id: womanId,
        colour: caseStart.colour,
        purple,
        assessment_id: caseStart.id,
        reported_at: caseCreated,
        due_at: timestampOf(opened + 3, 17 * 60),
        deadline: null,
        acknowledged_at: acknowledged ? timestampOf(Math.min(today, opened + rng.int(0, 3)), 16 * 60) : null,
        acknowledged_by: acknowledged ? createdBy : null,
        acknowledged_by_name: acknowledged ? '县级督导' : null,
      });
      for (const d of followDays) {
        if (d > today) break;
        const id = rng.uuid();
        add('high_risk_followup', {
          county_code: county.code,
          id,
          case_id: caseId,
          person_id: womanId,
          followup_date: isoOf(d),
          method: rng.weighted(['clinic', 'phone', 'home'], [0.6, 0.35, 0.05]),
          institution_id: county.institutions.mch,
          condition: '病情稳定',
          management: '继续专案管理',
          next_due: isoOf(d + 28),
          created_at: created(d),
          created_by: createdBy,
        });
      }
      if (caseStart.colour === 'red' ? rng.chance(0.8) : rng.chance(0.2)) {
        const referred = opened + rng.int(0, 3);
        const received = referred + rng.int(0, 2);
        add('maternal_referral', {
          county_code: county.code,
          id: rng.uuid(),
          pregnancy_id: pregnancyId,
          person_id: womanId,
          case_id: caseId,
          source_kind: 'case',
          source_id: caseId,
          referred_on: isoOf(referred),
          from_institution_id: clinic,
          to_institution_id: county.institutions.mch,
          to_institution_name: null,
          reason: '高危孕产妇转诊',
          urgency: caseStart.colour === 'red' ? 'urgent' : 'routine',
          status: received + 7 <= today ? 'returned' : received <= today ? 'received' : 'sent',
          receive_due: isoOf(referred + 3),
          received_on: received <= today ? isoOf(received) : null,
          received_by: received <= today ? createdBy : null,
          outcome_due: isoOf(referred + 14),
          outcome: received + 7 <= today ? '已接诊，继续专案管理' : null,
          outcome_on: received + 7 <= today ? isoOf(received + 7) : null,
          version: 1,
          created_at: created(referred),
          updated_at: timestampOf(Math.min(today, received + 7), 10 * 60),
          created_by: createdBy,
        });
      }
    }

    // ---------------------------------------------------------------- PMTCT and prenatal screening
    const testedOn = Math.min(today, registeredOn + rng.int(0, 7));
    const positives: string[] = [];
    for (const [infection, positive] of [
      ['hiv', hiv],
      ['syphilis', syphilis],
      ['hbv', hbsag],
    ] as const) {
      const id = rng.uuid();
      if (positive) positives.push(infection);
      add('pmtct_test', {
        county_code: county.code,
        id,
        pregnancy_id: pregnancyId,
        person_id: womanId,
        infection,
        tested_on: isoOf(testedOn),
        ga_days: testedOn - lmp,
        at_labour: false,
        early_test: testedOn - lmp < 91,
        _result: json({ result: positive ? 'positive' : 'negative' }),
        created_at: created(testedOn),
        created_by: createdBy,
      });
    }
    if (positives.length) {
      const at = created(testedOn);
      add('pmtct_record', {
        county_code: county.code,
        pregnancy_id: pregnancyId,
        person_id: womanId,
        _data: json({ infections: positives, hivExposure: 'standard', treatments: [] }),
        next_action_due: status === 'closed' ? null : isoOf(Math.max(testedOn + 28, today - rng.int(-20, 20))),
        closed: status === 'closed',
        version: 1,
        created_at: at,
        updated_at: at,
      });
    }
    const screenDay = lmp + rng.int(105, 140);
    if (screenDay <= today && screenDay < endDay && rng.chance(0.85)) {
      const id = rng.uuid();
      const high = rng.chance(rates.prenatalScreenHighRisk);
      const diagnosed = high && screenDay + 21 <= today && rng.chance(0.9);
      const screenedAt = created(screenDay);
      add('prenatal_screening', {
        county_code: county.code,
        id,
        pregnancy_id: pregnancyId,
        person_id: womanId,
        method: rng.chance(0.4) ? 'cfdna' : 'serum_second',
        screened_on: isoOf(screenDay),
        ga_days: screenDay - lmp,
        institution_id: county.institutions.mch,
        t21: high ? 'high' : 'low',
        t18: 'low',
        ntd: 'low',
        result_note: null,
        follow_up: high ? (diagnosed ? 'closed' : 'open') : 'none',
        follow_up_due: high ? isoOf(screenDay + 14) : null,
        diagnosis_method: diagnosed ? 'amniocentesis' : null,
        diagnosis_test: diagnosed ? 'karyotype' : null,
        diagnosed_on: diagnosed ? isoOf(screenDay + rng.int(10, 21)) : null,
        diagnosis_result: diagnosed ? (rng.chance(0.9) ? '未见异常' : '21三体') : null,
        counselling_outcome: null,
        version: 1,
        created_at: screenedAt,
        updated_at: screenedAt,
        created_by: createdBy,
      });
    }

    // ---------------------------------------------------------------- maternal death with its review
    if (deathDay !== null && deathDay <= today) {
      const id = rng.uuid();
      const [cause, icd10] = rng.pick(MATERNAL_CAUSES);
      const at = created(deathDay);
      add('maternal_death', {
        county_code: county.code,
        id,
        person_id: womanId,
        pregnancy_id: pregnancyId,
        status: 'submitted',
        death_date: isoOf(deathDay),
        death_time: clockOf(rng.int(0, 1439)),
        death_place: 'county_hospital',
        delivery_place: delivered ? 'county_hospital' : null,
        delivery_date: delivered ? isoOf(deliveryDay) : null,
        delivery_mode: delivered ? (caesarean ? 'caesarean' : 'spontaneous') : null,
        referred: rng.chance(0.5),
        first_institution: null,
        antenatal_care: visitRows.length > 0,
        first_visit_ga_weeks: Math.floor(gaReg / 7),
        visit_count: visitRows.length,
        last_visit_institution: null,
        education: null,
        income_band: null,
        residence_kind: nonResident ? 'non_resident' : 'resident',
        cause_a: cause,
        cause_b: null,
        cause_c: null,
        underlying_cause: cause,
        icd10,
        diagnosis_basis: 'clinical',
        reporter: '系统生成',
        reporting_institution_id: county.institutions.mch,
        submitted_at: at,
        submitted_by: createdBy,
        version: 1,
        created_at: at,
        updated_at: at,
        created_by: createdBy,
      });
      if (deathDay + 60 <= today) {
        add('maternal_death_review', {
          county_code: county.code,
          id: rng.uuid(),
          death_id: id,
          person_id: womanId,
          level: 'county',
          reviewed_on: isoOf(deathDay + rng.int(20, 60)),
          conclusion: rng.weighted(['avoidable', 'conditionally_avoidable', 'unavoidable'], [0.3, 0.4, 0.3]),
          factors: json({}),
          actions: null,
          created_at: timestampOf(deathDay + 60, 10 * 60),
          created_by: createdBy,
        });
      }
      add('maternal_alert', {
        county_code: county.code,
        id: rng.uuid(),
        kind: 'maternal_death',
        audience: 'city',
        person_id: womanId,
        entity_type: 'maternal_death',
        entity_id: id,
        message_zh: `孕产妇死亡报告：${name}`,
        message_en: 'Maternal death reported',
        created_at: at,
        acknowledged_at: null,
        acknowledged_by: null,
      });
    }

    // ---------------------------------------------------------------- the children
    const mother: MotherCtx = {
      i,
      deliveryDay,
      deliveryGa,
      deliveryId,
      deliveryRow: deliveryRows[0],
      name,
      woman,
      womanId,
      hukou,
      townCode: town.code,
      fetuses,
      clinic,
      positives,
    };
    for (const born of liveChildren) generateChild(mother, born);
  }

  function generateChild(m: MotherCtx, born: LiveBirth) {
    const {
      i,
      deliveryDay,
      deliveryGa,
      deliveryId,
      deliveryRow,
      name,
      woman,
      womanId,
      hukou,
      townCode,
      fetuses,
      clinic,
      positives,
    } = m;
    const childId = born.id;
    const sex = born.sex;
    const lbw = born.weightG < 2500;
    const u = rng.next();
    const nm = rates.neonatalMortality;
    const im = rates.infantMortality;
    const u5 = rates.under5Mortality;
    const deathAge =
      u < nm
        ? rng.chance(0.5)
          ? rng.int(0, 3)
          : rng.int(4, 27)
        : u < im
          ? rng.int(28, 364)
          : u < u5
            ? rng.int(365, 1825)
            : null;
    const trackU = rng.next();
    const track =
      trackU < rates.stunting
        ? 'stunted'
        : trackU < rates.stunting + rates.wasting
          ? 'wasted'
          : trackU < rates.stunting + rates.wasting + rates.overweight
            ? 'overweight'
            : 'normal';
    childFates.push({ personId: childId, lowBirthWeight: lbw, deathAgeDays: deathAge, track });
    const died = deathAge !== null && deliveryDay + deathAge <= today;
    const childDeathDay = deathAge === null ? null : deliveryDay + deathAge;
    const childCreated = created(deliveryDay);
    childRows = new Map();
    add('person', {
      county_code: county.code,
      id: childId,
      name: childName(rng, name, sex),
      sex,
      birth_date: isoOf(deliveryDay),
      id_type: 'none',
      _idNumber: null,
      _phone: null,
      ethnicity: woman.ethnicity,
      hukou_region_code: hukou,
      residence_region_code: townCode,
      address: woman.address,
      is_synthetic: true,
      deceased_on: died ? isoOf(childDeathDay!) : null,
      created_at: childCreated,
      updated_at: childCreated,
      created_by: createdBy,
      mother_county_code: county.code,
      mother_id: womanId,
    });
    const gaWeeks = Math.floor(deliveryGa / 7);
    let birthWeight = born.weightG;
    if (wantError()) {
      if (gaWeeks < 34) birthWeight = 4300;
      else birthWeight = Math.round(born.weightG / 10);
      injure('child_profile', childId, gaWeeks < 34 ? 'birth_weight_ga_mismatch' : 'birth_weight_decimal_shift');
    }
    const profile: Row = {
      county_code: county.code,
      person_id: childId,
      source: 'delivery',
      registration_reason: 'born_here',
      delivery_id: deliveryId,
      birth_outcome_id: born.outcomeId,
      birth_time: deliveryRow?.delivery_time ?? null,
      gestational_weeks: gaWeeks,
      gestational_days: deliveryGa % 7,
      birth_weight_g: Math.max(300, birthWeight),
      birth_length_cm: born.lengthCm,
      birth_head_cm: r1(Math.min(40, Math.max(24, 34 - ((280 - deliveryGa) / 7) * 0.6 + rng.gauss(0, 1.2)))),
      apgar_1: born.apgar1,
      apgar_5: born.apgar5,
      apgar_10: null,
      birth_defects: [],
      multiple_birth: fetuses,
      birth_order: born.order,
      birth_institution_id: deliveryRow?.institution_id ?? null,
      birth_place: null,
      neonatal_conditions: [],
      discharged_on: deliveryRow?.discharged_on ?? null,
      health_handbook_no: `E${county.code}${String(plan.batchIndex).padStart(2, '0')}${String(i).padStart(6, '0')}${born.order}`,
      vaccination_handbook_no: null,
      managing_institution_id: clinic,
      status: died ? 'closed' : 'active',
      closed_reason: died ? 'death' : null,
      closed_on: died ? isoOf(childDeathDay!) : null,
      version: 1,
      created_at: childCreated,
      updated_at: childCreated,
      created_by: createdBy,
    };
    add('child_profile', profile);

    // check-ups on the national schedule, measurements from the WHO standard on the child's track
    const zl = track === 'stunted' ? rng.gauss(-2.5, 0.3) : rng.gauss(0.2, 0.85);
    const zwl =
      track === 'wasted' ? rng.gauss(-2.5, 0.3) : track === 'overweight' ? rng.gauss(2.4, 0.3) : rng.gauss(-0.1, 0.55);
    const zh = rng.gauss(0, 0.9);
    const cases = new Map<string, Row>();
    const lastDay = Math.min(today, died ? childDeathDay! - 1 : today);
    for (const [ageDays, kind, key] of CHILD_CONTACTS) {
      const day = deliveryDay + ageDays + rng.int(-5, 7);
      if (day > lastDay) break;
      if (!rng.chance(rates.childCheckupCompletion)) continue;
      const id = rng.uuid();
      const a = day - deliveryDay;
      const lying = a < 731;
      const lengthCm = valueAt('lhfa', sex, a, zl + rng.gauss(0, 0.15)) ?? 50;
      let weightKg =
        valueAt(
          lying ? 'wfl' : 'wfh',
          sex,
          Math.min(lying ? 110 : 120, Math.max(lying ? 45 : 65, lengthCm)),
          zwl + rng.gauss(0, 0.2),
        ) ??
        valueAt('wfa', sex, a, zwl) ??
        3.3;
      const headCm = a <= 1096 ? valueAt('hcfa', sex, a, zh + rng.gauss(0, 0.15)) : undefined;
      const hbDue = key === 'm6' || key === 'm8' || key === 'm18' || key === 'm30';
      const hb = hbDue ? Math.round(rng.gauss(124, 8.5, 60, 170)) : null;
      let error = false;
      if (wantError()) {
        weightKg = weightKg * 10;
        error = true;
      }
      const g: GrowthAssessment = assessGrowth({
        sex,
        ageDays: a,
        weightKg: r2(weightKg),
        ...(lying ? { lengthCm: r1(lengthCm), measuredLying: true } : { heightCm: r1(lengthCm), measuredLying: false }),
        ...(headCm ? { headCm: r1(headCm) } : {}),
      });
      const nutrition = classifyNutrition(g, { ageMonths: a / DAYS_PER_MONTH, ...(hb !== null ? { hbGL: hb } : {}) });
      const next = CHILD_CONTACTS.find((c) => c[0] > a + 10);
      const row: Row = {
        county_code: county.code,
        id,
        person_id: childId,
        visit_date: isoOf(day),
        kind,
        contact_key: key,
        age_days: a,
        corrected_age_days: deliveryGa < 259 && a < 731 ? Math.max(0, a - (280 - deliveryGa)) : null,
        institution_id: clinic,
        examiner: null,
        weight_kg: r2(weightKg),
        length_cm: r1(lengthCm),
        measured_lying: lying,
        head_cm: headCm ? r1(headCm) : null,
        bmi: r2(weightKg / (lengthCm / 100) ** 2),
        temperature_c: null,
        hb_gl: hb,
        feeding: a < 183 ? rng.weighted(['exclusive_breastfeeding', 'mixed', 'formula'], [0.65, 0.28, 0.07]) : null,
        exclusive_breastfeeding: a < 183 ? rng.chance(0.65) : null,
        vitamin_d_iu: a <= 730 ? 400 : null,
        outdoor_hours: null,
        exam: json({}),
        warning_signs: json({}),
        hearing: key === 'm6' || key === 'm12' || key === 'm24' ? 'pass' : null,
        eye: json({ result: 'normal' }),
        teeth: json(a >= 365 ? { caries: rng.chance(0.1) ? rng.int(1, 4) : 0 } : {}),
        rickets_signs: [],
        illness: json([]),
        guidance: ['feeding', 'development'],
        guidance_note: null,
        referral: null,
        next_appointment: next ? isoOf(deliveryDay + next[0]) : null,
        waz: g.waz ?? null,
        lhaz: g.lhaz ?? null,
        wlhz: g.wlhz ?? null,
        bmiz: g.bmiz ?? null,
        hcz: g.hcz ?? null,
        growth_flags: g.flags,
        growth_reference: [...new Set(Object.values(g.standards))].join(',') || null,
        nutrition: json(nutrition),
        proposals: json([]),
        version: 1,
        created_at: created(day),
        updated_at: null,
        created_by: createdBy,
      };
      row.updated_at = row.created_at;
      if (error) injure('child_checkup', id, 'weight_decimal_shift');
      add('child_checkup', row);
      // cases the check-up finds
      const found = new Set<string>();
      if (!error) {
        for (const f of nutrition) {
          if (f.condition === 'stunting' || f.condition === 'wasting' || f.condition === 'underweight')
            found.add('undernutrition');
          if (f.condition === 'overweight' || f.condition === 'obesity') found.add('overweight_obesity');
          if (f.condition === 'anaemia') found.add('anaemia');
        }
      }
      if (kind === 'newborn_visit' || kind === 'month1') {
        if (deliveryGa < 259) found.add('preterm');
        if (lbw || born.apgar1 <= 5) found.add('high_risk_infant');
      }
      for (const caseKind of found) {
        if (cases.has(caseKind)) continue;
        const caseId = rng.uuid();
        const closeDay = day + rng.int(60, 240);
        const closed = closeDay <= lastDay && rng.chance(0.7);
        const c: Row = {
          county_code: county.code,
          id: caseId,
          person_id: childId,
          kind: caseKind,
          severity: null,
          subtypes: [],
          criteria: json([]),
          status: closed ? 'closed' : 'open',
          source_checkup_id: id,
          proposed_on: isoOf(day),
          opened_on: isoOf(day),
          confirmed_by: createdBy,
          institution_id: clinic,
          next_follow_up_due: closed
            ? null
            : isoOf(Math.max(day + 30, Math.min(lastDay, day + 30 * Math.ceil((lastDay - day) / 30)))),
          closed_on: closed ? isoOf(closeDay) : null,
          outcome: closed ? rng.weighted(['cured', 'improved'], [0.6, 0.4]) : null,
          closure_note: null,
          dismissed_reason: null,
          version: 1,
          created_at: row.created_at,
          updated_at: row.created_at,
          created_by: createdBy,
        };
        cases.set(caseKind, c);
        add('child_case', c);
        for (let d = day + 30; d <= Math.min(lastDay, closed ? closeDay : lastDay); d += 30) {
          const fid = rng.uuid();
          add('child_case_followup', {
            county_code: county.code,
            id: fid,
            case_id: caseId,
            person_id: childId,
            followup_date: isoOf(d),
            checkup_id: null,
            weight_kg: null,
            length_cm: null,
            hb_gl: caseKind === 'anaemia' ? Math.round(rng.gauss(112, 6)) : null,
            zscores: json({}),
            severity: null,
            treatment: caseKind === 'anaemia' ? '补充铁剂' : null,
            guidance: '喂养指导',
            note: null,
            next_due: isoOf(d + 30),
            created_at: created(d),
            created_by: createdBy,
          });
        }
      }
      // child screening at the matching contacts
      if (key === 'm3') childScreening(childId, clinic, 'ddh', null, day, a, lastDay, row.created_at as string);
      if (key === 'm24') childScreening(childId, clinic, 'autism', 'M-CHAT', day, a, lastDay, row.created_at as string);
      if (key === 'm12')
        childScreening(childId, clinic, 'development', 'ASQ-3', day, a, lastDay, row.created_at as string);
    }

    // newborn screening (metabolic, hearing, heart)
    if (!died || deathAge! >= 3) newbornScreening(deliveryDay, childId, lastDay);
    // exposed infant follow-up
    const infections = positives.filter((p) => p === 'hiv' || p === 'syphilis' || p === 'hbv');
    if (infections.length) {
      const at = created(deliveryDay);
      const ageNow = lastDay - deliveryDay;
      const final = exposureFinal(infections, deliveryDay, ageNow);
      const contents: ExposureContents = {
        infections,
        high_exposure: infections.includes('hiv') && rng.chance(0.3),
        doses: infections.includes('hbv')
          ? [{ code: 'hbv.infant_hbig', at: `${isoOf(deliveryDay)}T${clockOf(rng.int(60, 700))}` }]
          : [],
        tests: final.tests,
        final_status: final.status,
      };
      const child = childRows?.get('person')?.[0];
      add('exposed_infant', {
        county_code: county.code,
        person_id: childId,
        // encrypted with the facts the measures count by encode.ts (resolveSecrets), as the child module stores it
        _exposure: contents,
        _birth: { birth_date: isoOf(deliveryDay), birth_time: (child?.birth_time as string | undefined) ?? null },
        next_due: ageNow >= 548 ? null : isoOf(deliveryDay + (ageNow < 42 ? 42 : ageNow < 90 ? 90 : 365)),
        closed: ageNow >= 548,
        version: 1,
        created_at: at,
        updated_at: at,
        created_by: createdBy,
      });
    }
    // the stored worklist rows, as the child module writes them at every write (refreshChildWork)
    {
      const of = (t: string) => (childRows?.get(t) ?? []) as never[];
      const rows = childWorkRows({
        person: of('person')[0]!,
        profile: profile as never,
        checkups: of('child_checkup'),
        cases: of('child_case'),
        referrals: of('child_referral'),
        newbornScreenings: of('newborn_screening'),
        childScreenings: of('child_screening'),
        exposure: exposureOf(of('exposed_infant')[0]),
        today: isoOf(today),
      });
      childRows = null;
      for (const r of rows) add('child_work', r as unknown as Row);
    }
    // under-5 death report
    if (died) {
      const id = rng.uuid();
      const [cause, icd10, category] =
        deathAge! < 28 && (deliveryGa < 259 || lbw)
          ? CHILD_CAUSES[0]!
          : rng.pick(deathAge! < 28 ? CHILD_CAUSES.slice(0, 3) : CHILD_CAUSES.slice(2));
      const at = created(childDeathDay!);
      if (childDeathDay! + 60 <= today)
        add('child_death_review', {
          county_code: county.code,
          id: rng.uuid(),
          death_id: id,
          person_id: childId,
          level: 'county',
          reviewed_on: isoOf(childDeathDay! + rng.int(20, 60)),
          conclusion: rng.weighted(['avoidable', 'conditionally_avoidable', 'unavoidable'], [0.2, 0.3, 0.5]),
          factors: json({}),
          actions: null,
          created_at: timestampOf(childDeathDay! + 60, 600),
          created_by: createdBy,
        });
      add('child_alert', {
        county_code: county.code,
        id: rng.uuid(),
        kind: 'under5_death',
        person_id: childId,
        entity_type: 'child_death',
        entity_id: id,
        message_zh: '5岁以下儿童死亡报告已提交',
        message_en: 'Under-5 death report submitted',
        created_at: at,
        acknowledged_at: rng.chance(0.8) ? at : null,
        acknowledged_by: null,
      });
      add('child_death', {
        county_code: county.code,
        id,
        person_id: childId,
        death_date: isoOf(childDeathDay!),
        death_time: clockOf(rng.int(0, 1439)),
        age_days: deathAge,
        age_group: deathAge! < 28 ? 'neonatal' : deathAge! < 365 ? 'infant' : 'child_1_4',
        death_place: rng.weighted(
          ['county_hospital', 'provincial_city_hospital', 'home', 'en_route'],
          [0.5, 0.3, 0.15, 0.05],
        ),
        care_before_death: 'county_hospital',
        diagnosis_level: 'county',
        diagnosis_basis: 'clinical',
        cause_a: cause,
        cause_b: null,
        cause_c: null,
        underlying_cause: cause,
        icd10,
        cause_category: category,
        birth_weight_g: born.weightG,
        gestational_weeks: gaWeeks,
        reporter: '系统生成',
        reporting_institution_id: county.institutions.mch,
        status: 'submitted',
        submitted_at: at,
        version: 1,
        created_at: at,
        updated_at: at,
        created_by: createdBy,
      });
    }
  }

  function childScreening(
    childId: string,
    clinic: string,
    kindS: string,
    tool: string | null,
    day: number,
    a: number,
    lastDay: number,
    createdAt: string,
  ) {
    const sid = rng.uuid();
    const abnormal = rng.chance(0.02);
    if (abnormal) {
      const received = day + rng.int(3, 20);
      add('child_referral', {
        county_code: plan.county.code,
        id: rng.uuid(),
        person_id: childId,
        source_kind: 'screening',
        source_id: sid,
        referred_on: isoOf(day),
        to_institution_id: plan.county.institutions.mch,
        to_institution_name: null,
        reason: kindS === 'autism' ? '孤独症筛查阳性' : kindS === 'ddh' ? '髋关节发育异常可疑' : '发育筛查可疑',
        status: received <= lastDay ? 'received' : 'sent',
        receipt_on: received <= lastDay ? isoOf(received) : null,
        receipt_diagnosis: received <= lastDay ? (rng.chance(0.7) ? '未见异常' : '需干预') : null,
        receipt_note: null,
        version: 1,
        created_at: createdAt,
        updated_at: createdAt,
        created_by: createdBy,
      });
    }
    add('child_screening', {
      county_code: county.code,
      id: sid,
      person_id: childId,
      kind: kindS,
      screened_on: isoOf(day),
      age_months: r1(a / DAYS_PER_MONTH),
      institution_id: clinic,
      tool,
      score: null,
      result: abnormal ? 'suspected' : 'normal',
      detail: json({}),
      follow_up: abnormal ? 'referral' : null,
      follow_up_due: abnormal ? isoOf(day + 30) : null,
      follow_up_done_on: abnormal && day + 30 <= lastDay ? isoOf(day + rng.int(10, 30)) : null,
      follow_up_result: abnormal && day + 30 <= lastDay ? (rng.chance(0.7) ? 'normal' : 'abnormal') : null,
      version: 1,
      created_at: createdAt,
      updated_at: createdAt,
      created_by: createdBy,
    });
  }

  function newbornScreening(deliveryDay: number, childId: string, lastDay: number) {
    const birth = deliveryDay;
    const at = (d: number, minute: number) => `${isoOf(d)}T${clockOf(minute)}`;
    // metabolic: heel-prick sample at 48 h–7 days, result a week later
    {
      const events: unknown[] = [];
      let status = 'awaiting_sample';
      let nextStep: string | null = 'sample';
      let nextDue: number | null = birth + 7;
      const sample = birth + rng.int(2, 5);
      if (sample <= lastDay) {
        events.push({ step: 'sample', at: at(sample, rng.int(480, 1080)), feeds: 8 });
        status = 'awaiting_result';
        nextStep = 'result';
        nextDue = sample + 10;
        const resultDay = sample + rng.int(5, 9);
        if (resultDay <= lastDay) {
          const positive = rng.chance(rates.newbornMetabolicPositive);
          events.push({
            step: 'result',
            date: isoOf(resultDay),
            result: positive ? 'suspected_positive' : 'negative',
          });
          if (!positive) [status, nextStep, nextDue] = ['closed', null, null];
          else {
            [status, nextStep, nextDue] = ['suspected_positive', 'recall', resultDay + 7];
            const recall = resultDay + rng.int(1, 5);
            if (recall <= lastDay && rng.chance(0.95)) {
              events.push({ step: 'recall', date: isoOf(recall) });
              [status, nextStep, nextDue] = ['recalled', 'retest', recall + 7];
              const retest = recall + rng.int(1, 5);
              if (retest <= lastDay) {
                const confirmed = rng.chance(0.15);
                events.push({ step: 'retest', date: isoOf(retest), result: confirmed ? 'positive' : 'negative' });
                if (!confirmed) [status, nextStep, nextDue] = ['closed', null, null];
                else {
                  [status, nextStep, nextDue] = ['retest_positive', 'confirm', retest + 14];
                  const confirmDay = retest + rng.int(5, 14);
                  if (confirmDay <= lastDay) {
                    events.push({
                      step: 'confirm',
                      date: isoOf(confirmDay),
                      result: 'positive',
                      diagnosis: '先天性甲状腺功能减低症',
                    });
                    events.push({ step: 'treatment', date: isoOf(Math.min(lastDay, confirmDay + 2)) });
                    [status, nextStep, nextDue] = ['closed', null, null];
                  }
                }
              }
            }
          }
        }
      }
      pushScreening(childId, 'metabolic', status, events, nextStep, nextDue, birth);
    }
    // hearing: initial screen before discharge, re-screen at 42 days when referred
    {
      const events: unknown[] = [];
      let [status, nextStep, nextDue]: [string, string | null, number | null] = [
        'awaiting_initial',
        'initial',
        birth + 7,
      ];
      const initial = birth + rng.int(2, 4);
      if (initial <= lastDay) {
        const refer = rng.chance(rates.newbornHearingRefer);
        events.push({
          step: 'initial',
          date: isoOf(initial),
          left: 'pass',
          right: refer ? 'refer' : 'pass',
          method: 'OAE',
        });
        if (!refer) [status, nextStep, nextDue] = ['closed', null, null];
        else {
          [status, nextStep, nextDue] = ['rescreen_needed', 'rescreen', birth + 42];
          const rescreen = birth + rng.int(40, 50);
          if (rescreen <= lastDay && rng.chance(0.9)) {
            const stillRefer = rng.chance(0.1);
            events.push({
              step: 'rescreen',
              date: isoOf(rescreen),
              left: 'pass',
              right: stillRefer ? 'refer' : 'pass',
            });
            if (!stillRefer) [status, nextStep, nextDue] = ['closed', null, null];
            else {
              [status, nextStep, nextDue] = ['diagnosis_needed', 'diagnosis', birth + 90];
              const diag = birth + rng.int(80, 100);
              if (diag <= lastDay) {
                events.push({
                  step: 'diagnosis',
                  date: isoOf(diag),
                  left: 'normal',
                  right: rng.chance(0.5) ? 'hearing_loss' : 'normal',
                });
                [status, nextStep, nextDue] = ['closed', null, null];
              }
            }
          }
        }
      }
      pushScreening(childId, 'hearing', status, events, nextStep, nextDue, birth);
    }
    // heart: pulse oximetry and auscultation at 6–72 hours
    {
      const events: unknown[] = [];
      let [status, nextStep, nextDue]: [string, string | null, number | null] = [
        'awaiting_screen',
        'screen',
        birth + 3,
      ];
      const screen = birth + rng.int(0, 2);
      if (screen <= lastDay) {
        const positive = rng.chance(rates.newbornHeartPositive);
        events.push({
          step: 'screen',
          at: at(screen, rng.int(600, 1200)),
          spo2Hand: positive ? 94 : rng.int(97, 100),
          spo2Foot: positive ? 91 : rng.int(97, 100),
          murmurGrade: positive ? 2 : 0,
        });
        if (!positive) [status, nextStep, nextDue] = ['closed', null, null];
        else {
          [status, nextStep, nextDue] = ['echo_needed', 'echo', birth + 7];
          const echo = birth + rng.int(3, 10);
          if (echo <= lastDay) {
            const chd = rng.chance(0.3);
            events.push({
              step: 'echo',
              date: isoOf(echo),
              result: chd ? 'chd' : 'normal',
              ...(chd ? { diagnosis: '室间隔缺损' } : {}),
            });
            [status, nextStep, nextDue] = ['closed', null, null];
          }
        }
      }
      pushScreening(childId, 'heart', status, events, nextStep, nextDue, birth);
    }
  }

  function pushScreening(
    childId: string,
    kind: string,
    status: string,
    events: unknown[],
    nextStep: string | null,
    nextDue: number | null,
    birth: number,
  ) {
    const id = rng.uuid();
    const at = created(birth + 1);
    add('newborn_screening', {
      county_code: county.code,
      id,
      person_id: childId,
      kind,
      institution_id: county.institutions.mch,
      status,
      data: json({}),
      events: json(events),
      next_step: nextStep,
      next_due: nextDue === null ? null : isoOf(nextDue),
      closed: status === 'closed',
      version: 1,
      created_at: at,
      updated_at: at,
      created_by: createdBy,
    });
  }
  generateWomensHealth(plan, state, rng, add);
  generateAccountability(plan, add);
  return { county: county.code, batchIndex: plan.batchIndex, tables, pregnancies: fates, children: childFates, errors };
}

const LAGGING: ReadonlyArray<readonly [string, string]> = [
  ['early_registration_rate', '早孕建册率低于目标'],
  ['postpartum_visit_rate', '产后访视率低于目标'],
  ['child_health_management_rate', '3岁以下儿童系统管理率低于目标'],
  ['hiv_syphilis_hbv_test_rate', '孕产妇艾滋病、梅毒和乙肝检测率低于目标'],
];

/**
 * The year's accountability record of a county (约谈, migration 0041): after each year the city summons the
 * county's lagging clinic over one indicator, with two or three follow-up actions (most done by their due date).
 * Its own random stream, so the care records do not change with it.
 */
function generateAccountability(plan: BatchPlan, add: (table: string, row: Row) => void): void {
  const rng = new Rng(deriveSeed(plan.seed, 'accountability', plan.county.code, plan.batchIndex));
  const county = plan.county;
  const day = plan.lmpTo + rng.int(30, 200);
  if (day > plan.today) return;
  const clinic = rng.pick(county.institutions.clinics);
  const [indicator, reason] = rng.pick(LAGGING);
  const id = rng.uuid();
  const at = timestampOf(day, rng.int(9 * 60, 16 * 60));
  add('accountability_summons', {
    county_code: county.code,
    id,
    issuer_region_code: `${county.code.slice(0, 4)}00`,
    unit_kind: 'institution',
    institution_id: clinic,
    unit_name: `${county.name}基层医疗卫生机构`,
    notice_id: null,
    period_key: String(Number(isoOf(plan.lmpTo).slice(0, 4))),
    summoned_on: isoOf(day),
    reason,
    indicator_ids: [indicator],
    attendees: JSON.stringify([
      { name: '市卫生健康委妇幼处', position: '处长', side: 'issuer' },
      { name: `${county.name}卫生健康局`, position: '分管副局长', side: 'unit' },
    ]),
    summary: '通报指标完成情况，明确整改措施和时限。',
    version: 1,
    created_at: at,
    updated_at: at,
    created_by: plan.createdBy,
  });
  for (let k = 0, n = rng.int(2, 3); k < n; k++) {
    const due = day + rng.int(30, 90);
    const done = due <= plan.today && rng.chance(0.8) ? Math.min(plan.today, due - rng.int(0, 20)) : null;
    add('accountability_action', {
      county_code: county.code,
      id: rng.uuid(),
      summons_id: id,
      description: ['逐户核查漏管孕产妇和儿童', '开展专项培训', '每月通报进度', '补录迟报数据'][k % 4],
      responsible: ['妇保科', '儿保科', '信息科', '分管院长'][k % 4],
      due_on: isoOf(due),
      completed_on: done === null ? null : isoOf(done),
      completion_note: done === null ? null : '已完成',
      completed_by: done === null ? null : plan.createdBy,
      version: done === null ? 1 : 2,
      created_at: at,
      updated_at: done === null ? at : timestampOf(done, rng.int(9 * 60, 17 * 60)),
      created_by: plan.createdBy,
    });
  }
}

/** Receives rows as they are generated (a writer encodes them at once instead of keeping them). */
export interface RowSink {
  add(table: string, row: Row): void;
}

/** What {@link familyPlanning} needs of a pregnancy. */
interface FpInput {
  rng: Rng;
  add: (table: string, row: Row) => void;
  plan: BatchPlan;
  womanId: string;
  clinic: string;
  endReason: string | null;
  endedOn: number | null;
  deliveryDay: number | null;
  deliveryId: string | null;
  day42: number | null;
}

/**
 * After a pregnancy: post-abortion care with its family-planning service for an induced abortion; pelvic-floor
 * screening at the 42-day check (rehabilitation sessions when weak); an IUD or implant for a share of women after
 * birth, each issue taken from the institution's contraceptive stock.
 */
function familyPlanning(f: FpInput) {
  const { rng, add, plan, womanId, clinic } = f;
  const { county, today } = plan;
  const at = (d: number) => timestampOf(Math.min(today, d), rng.int(480, 1050));
  const base = {
    county_code: county.code,
    institution_id: county.institutions.mch,
    version: 1,
    created_by: plan.createdBy,
  };
  if (f.endReason === 'induced_abortion' && f.endedOn !== null) {
    const serviceId = rng.uuid();
    const service = rng.chance(0.6) ? 'medical_abortion' : 'surgical_abortion';
    add('family_planning_service', {
      ...base,
      id: serviceId,
      person_id: womanId,
      service_date: isoOf(f.endedOn),
      service,
      complications: rng.chance(0.02) ? ['incomplete_abortion'] : [],
      complication_note: null,
      adverse_reaction: null,
      last_menstrual_period: null,
      note: null,
      created_at: at(f.endedOn),
    });
    const method = rng.weighted(
      ['iud_insertion', 'combined_oral_contraceptive', 'male_condom', null],
      [0.3, 0.3, 0.3, 0.1],
    );
    const follow = [1, 3, 6, 12]
      .map((m) => f.endedOn! + Math.round(m * 30.44))
      .filter((d) => d <= today && rng.chance(0.8));
    add('post_abortion_care', {
      ...base,
      id: rng.uuid(),
      person_id: womanId,
      abortion_date: isoOf(f.endedOn),
      abortion_service: service,
      family_planning_service_id: serviceId,
      care_items: [
        'group_education',
        'individual_counselling',
        'contraception_informed_choice',
        ...(method ? ['immediate_contraception'] : []),
      ],
      contraception_method: method,
      contraception_class:
        method === 'iud_insertion' || method === 'combined_oral_contraceptive'
          ? 'highly_effective'
          : method
            ? 'other_method'
            : 'none',
      follow_ups: JSON.stringify(follow.map((d) => ({ date: isoOf(d), method: 'phone' }))),
      next_follow_up_due:
        [1, 3, 6, 12].map((m) => f.endedOn! + Math.round(m * 30.44)).find((d) => d > today) !== undefined
          ? isoOf([1, 3, 6, 12].map((m) => f.endedOn! + Math.round(m * 30.44)).find((d) => d > today)!)
          : null,
      note: null,
      created_at: at(f.endedOn),
    });
  }
  if (f.day42 !== null && f.deliveryDay !== null && rng.chance(0.6)) {
    const id = rng.uuid();
    const strength = rng.weighted([2, 3, 4, 5], [0.08, 0.22, 0.45, 0.25]);
    const rehab = strength <= 3;
    const sessions = rehab && rng.chance(0.8) ? rng.int(3, 10) : 0;
    const done: number[] = [];
    for (let k = 0; k < sessions; k++) {
      const d = f.day42 + 7 + k * 7;
      if (d > today) break;
      done.push(d);
    }
    add('pelvic_floor_screening', {
      ...base,
      id,
      person_id: womanId,
      screening_date: isoOf(f.day42),
      delivery_id: f.deliveryId,
      delivery_date: isoOf(f.deliveryDay),
      postpartum_days: f.day42 - f.deliveryDay,
      muscle_strength: strength,
      pop_stage: rng.weighted([0, 1, 2], [0.7, 0.25, 0.05]),
      stress_incontinence: rng.chance(0.15),
      rehab_indicated: rehab,
      reasons: rehab ? ['weak_muscle_strength'] : [],
      planned_sessions: rehab ? 10 : null,
      status: !rehab
        ? 'no_rehab'
        : sessions === 0
          ? 'declined'
          : done.length >= sessions
            ? 'completed'
            : done.length
              ? 'in_rehab'
              : 'rehab_planned',
      first_session_due: rehab ? isoOf(f.day42 + 7) : null,
      note: null,
      created_at: at(f.day42),
    });
    done.forEach((d, k) =>
      add('pelvic_floor_session', {
        county_code: county.code,
        id: rng.uuid(),
        screening_id: id,
        person_id: womanId,
        session_date: isoOf(d),
        session_no: k + 1,
        modality: rng.pick(['biofeedback', 'electrical_stimulation', 'kegel_training']),
        muscle_strength_after: Math.min(5, strength + (k >= 3 ? 1 : 0)),
        note: null,
        created_at: at(d),
        created_by: plan.createdBy,
      }),
    );
  }
  if (f.deliveryDay !== null && rng.chance(0.15)) {
    const d = f.deliveryDay + rng.int(42, 120);
    if (d <= today) {
      const service = rng.chance(0.8) ? 'iud_insertion' : 'implant_insertion';
      add('family_planning_service', {
        ...base,
        institution_id: clinic,
        id: rng.uuid(),
        person_id: womanId,
        service_date: isoOf(d),
        service,
        complications: [],
        complication_note: null,
        adverse_reaction: null,
        last_menstrual_period: null,
        note: null,
        created_at: at(d),
      });
      add('contraceptive_stock_movement', {
        county_code: county.code,
        id: rng.uuid(),
        institution_id: clinic,
        item: service === 'iud_insertion' ? 'iud_copper' : 'implant',
        movement_date: isoOf(d),
        kind: 'issue',
        quantity: -1,
        person_id: womanId,
        batch_no: `B${isoOf(d).slice(0, 7).replace('-', '')}`,
        note: null,
        created_at: at(d),
        created_by: plan.createdBy,
      });
    }
  }
}

/** Number of rows in a batch. */
export function rowCount(batch: Batch): number {
  let n = 0;
  for (const rows of batch.tables.values()) n += rows.length;
  return n;
}
