import { makeResidentId } from '@fuyou/core';
import { isoOf, timestampOf } from './dates';
import type { BatchPlan, CountyState, Row } from './model';
import { womanName } from './names';
import type { Rng } from './prng';

/**
 * Women's health records of one batch: women aged 35–64 screened for cervical cancer (HPV first, cytology triage
 * of other high-risk types, colposcopy and pathology for HPV 16/18) and breast cancer (ultrasound, BI-RADS, with
 * mammography and biopsy for category 4 and above), the follow-up cases of abnormal results with their steps, and
 * the county's target population for the year. Screening dates fall in the calendar year the batch's births do.
 */
export function generateWomensHealth(
  plan: BatchPlan,
  state: CountyState,
  rng: Rng,
  add: (table: string, row: Row) => void,
): void {
  const { county, rates, today } = plan;
  const from = plan.lmpFrom + 280;
  const to = Math.min(plan.lmpTo + 280, today + 1);
  if (to <= from) return;
  const women = Math.round((county.birthsPerYear * rates.cancerScreeningsPerBirth * (to - from)) / 365);
  const year = Number(isoOf(from + 3).slice(0, 4));
  {
    add('cancer_screening_target', {
      county_code: county.code,
      year,
      women_35_64: Math.round(county.birthsPerYear * 22),
      rural_women_35_64: Math.round(county.birthsPerYear * 9),
      source: '第七次全国人口普查（合成数据）',
      note: null,
      version: 1,
      updated_at: timestampOf(from, 600),
      updated_by: plan.createdBy,
    });
  }
  premaritalExams(plan, state, rng, add, from, to, year);
  // the year's gynaecological survey campaign (the cancer-screened women are examined in it) and stock receipts
  const campaignId = rng.uuid();
  const campaignEnd = Math.min(to - 1, today);
  add('gyn_survey_campaign', {
    county_code: county.code,
    id: campaignId,
    name: `${year}年${county.name}妇女常见病筛查`,
    year,
    start_date: isoOf(from),
    end_date: isoOf(campaignEnd),
    target_population: Math.max(1, Math.round(county.birthsPerYear * 22)),
    institution_id: county.institutions.mch,
    note: null,
    version: 1,
    created_at: timestampOf(from, 540),
    created_by: plan.createdBy,
  });
  for (let d = from; d <= campaignEnd; d += 30) {
    for (const clinic of county.institutions.clinics)
      add('contraceptive_stock_movement', {
        county_code: county.code,
        id: rng.uuid(),
        institution_id: clinic,
        item: rng.pick(['iud_copper', 'implant', 'male_condom']),
        movement_date: isoOf(d),
        kind: 'receipt',
        quantity: rng.int(20, 200),
        person_id: null,
        batch_no: `B${isoOf(d).slice(0, 7).replace('-', '')}`,
        note: null,
        created_at: timestampOf(d, 600),
        created_by: plan.createdBy,
      });
  }
  for (let i = 0; i < women; i++) {
    const day = from + Math.floor(rng.next() * (to - from));
    const age = rng.int(35, 64);
    let birthDay = day - Math.round(age * 365.25) - rng.int(0, 364);
    let seq = 0;
    for (;;) {
      const key = `${county.code}${birthDay}`;
      const used = state.idSlots.get(key) ?? 0;
      if (used < 250) {
        state.idSlots.set(key, used + 1);
        seq = used;
        break;
      }
      birthDay--;
    }
    const personId = rng.uuid();
    const town = county.townships.length ? rng.pick(county.townships) : { code: county.code, name: county.name };
    const idNumber = makeResidentId(county.code, isoOf(birthDay), seq, 'female');
    const clinic = rng.pick(county.institutions.clinics);
    const at = timestampOf(Math.min(today, day + rng.int(0, 3)), rng.int(480, 1050));
    add('person', {
      county_code: county.code,
      id: personId,
      name: womanName(rng),
      sex: 'female',
      birth_date: isoOf(birthDay),
      id_type: 'resident_id',
      _idNumber: idNumber,
      _phone: `1${rng.pick(['3', '5', '8'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`,
      ethnicity: '01',
      hukou_region_code: county.code,
      residence_region_code: town.code,
      address: `${town.name}${rng.int(1, 399)}号`,
      is_synthetic: true,
      deceased_on: null,
      created_at: at,
      updated_at: at,
      created_by: plan.createdBy,
      mother_county_code: null,
      mother_id: null,
    });
    add('person_key', { _idNumber: idNumber, county_code: county.code, person_id: personId });
    const cohort = rng.weighted(['rural', 'urban_low_income', 'general'], [0.5, 0.1, 0.4]);
    const base = (kind: 'cervical' | 'breast', method: string, id: string): Row => ({
      county_code: county.code,
      id,
      person_id: personId,
      kind,
      method,
      screening_date: isoOf(day),
      institution_id: clinic,
      examiner: null,
      cohort,
      age_at_screening: age,
      eligible: true,
      priority: cohort !== 'general',
      funded: cohort !== 'general',
      hpv_types: null,
      hpv_category: null,
      cytology: null,
      via_vili: null,
      colposcopy: null,
      histopathology: null,
      clinical_findings: [],
      high_risk_factors: [],
      ultrasound_birads: null,
      mammography_birads: null,
      senior_review: null,
      breast_pathology: null,
      status: 'normal',
      awaiting: null,
      next_step: null,
      next_step_marker: null,
      next_due_on: null,
      case_id: null,
      note: null,
      version: 1,
      created_at: at,
      updated_at: at,
      created_by: plan.createdBy,
    });
    if (rng.chance(0.5)) {
      const findings = rng.chance(0.25)
        ? [rng.pick(['vaginitis', 'cervicitis', 'uterine_fibroid', 'breast_hyperplasia'])]
        : [];
      add('gyn_survey_exam', {
        county_code: county.code,
        id: rng.uuid(),
        campaign_id: campaignId,
        person_id: personId,
        exam_date: isoOf(day),
        age,
        in_target: true,
        findings,
        disposition: findings.length ? rng.weighted(['treated', 'referred', 'follow_up'], [0.6, 0.2, 0.2]) : 'none',
        treatment: null,
        referral_to: null,
        follow_up_due: findings.length ? isoOf(day + 90) : null,
        follow_up_done_on: null,
        follow_up_outcome: null,
        institution_id: clinic,
        note: null,
        version: 1,
        created_at: at,
        created_by: plan.createdBy,
      });
    }
    // cervical: HPV primary screening
    {
      const s = base('cervical', 'hpv', rng.uuid());
      const u = rng.next();
      if (u < 0.025) {
        s.hpv_types = ['16'];
        s.hpv_category = 'hpv16_18';
        s.colposcopy = 'abnormal';
        s.status = 'abnormal';
        s.next_step = 'histopathology';
      } else if (u < 0.1) {
        s.hpv_types = [rng.pick(['31', '33', '52', '58'])];
        s.hpv_category = 'other_hr';
        const abnormal = rng.chance(0.2);
        s.cytology = abnormal ? 'ASC-US' : 'NILM';
        s.status = abnormal ? 'abnormal' : 'normal';
        s.next_step = abnormal ? 'colposcopy' : 'recheck_12_months';
      } else {
        s.hpv_types = [];
        s.hpv_category = 'negative';
      }
      if (s.status === 'abnormal') followUpCase(s, 'cervical');
      add('cancer_screening', s);
    }
    // breast: ultrasound with BI-RADS
    if (rng.chance(rates.breastScreeningShare)) {
      const s = base('breast', 'breast_ultrasound', rng.uuid());
      const birads = rng.weighted(['1', '2', '3', '4a', '4b', '5'], [0.55, 0.33, 0.1, 0.013, 0.005, 0.002]);
      s.ultrasound_birads = birads;
      if (birads.startsWith('4') || birads === '5') {
        s.status = 'abnormal';
        s.next_step = 'biopsy';
        followUpCase(s, 'breast');
      } else if (birads === '3') s.next_step = 'recheck_6_months';
      add('cancer_screening', s);
    }

    function followUpCase(s: Row, kind: 'cervical' | 'breast') {
      const caseId = rng.uuid();
      s.case_id = caseId;
      const steps: Array<[string, string, string, number]> = [
        ['notify', 'abnormal', 'notified', day + rng.int(1, 7)],
        ['further_exam', 'notified', 'further_exam', day + rng.int(10, 30)],
        ['pathology', 'further_exam', 'pathology', day + rng.int(31, 50)],
      ];
      const treated = rng.chance(0.4);
      steps.push(
        treated
          ? ['treat', 'pathology', 'treated', day + rng.int(51, 80)]
          : ['close', 'pathology', 'closed_normal', day + rng.int(51, 80)],
      );
      const lost = rng.chance(0.05);
      const done = steps.filter((x) => x[3] <= today);
      const stateNow = lost && done.length < steps.length ? 'lost_to_follow_up' : (done.at(-1)?.[2] ?? 'abnormal');
      const next = steps[done.length];
      add('cancer_screening_case', {
        county_code: county.code,
        id: caseId,
        person_id: personId,
        screening_id: s.id,
        kind,
        state: stateNow,
        opened_on: isoOf(day),
        entered_on: JSON.stringify(Object.fromEntries(done.map((x) => [x[2], isoOf(x[3])]))),
        pending_exam: next && stateNow !== 'lost_to_follow_up' ? (kind === 'cervical' ? 'colposcopy' : 'biopsy') : null,
        due_step: next && stateNow !== 'lost_to_follow_up' ? next[0] : null,
        due_on: next && stateNow !== 'lost_to_follow_up' ? isoOf(next[3]) : null,
        lesion_grade: treated && !next ? (kind === 'cervical' ? 'CIN2' : 'DCIS') : null,
        early_stage: treated && !next ? true : null,
        treatment_method: treated && !next ? (kind === 'cervical' ? 'LEEP' : 'surgery') : null,
        treated_on: treated && !next ? isoOf(steps[3]![3]) : null,
        lost_reason: stateNow === 'lost_to_follow_up' ? '联系不上' : null,
        closed_on: !next ? isoOf(steps[3]![3]) : null,
        institution_id: county.institutions.mch,
        version: 1,
        created_at: at,
        updated_at: at,
        created_by: plan.createdBy,
      });
      done.forEach(([event, fromState, toState, d], k) =>
        add('cancer_screening_case_step', {
          county_code: county.code,
          id: rng.uuid(),
          case_id: caseId,
          person_id: personId,
          seq: k + 1,
          event,
          from_state: fromState,
          to_state: toState,
          step_date: isoOf(d),
          exam: event === 'further_exam' ? (kind === 'cervical' ? 'colposcopy' : 'mammography') : null,
          result: null,
          method: event === 'treat' ? (kind === 'cervical' ? 'LEEP' : 'surgery') : null,
          institution_id: county.institutions.mch,
          note: null,
          created_at: timestampOf(Math.min(today, d), 600),
          created_by: plan.createdBy,
        }),
      );
    }
  }
}

/** A resident ID number slot of the county for a birth day (moved a day earlier when the day's slots are full). */
function residentSlot(state: CountyState, county: string, birthDay: number): { birthDay: number; seq: number } {
  for (let d = birthDay; ; d--) {
    const key = `${county}${d}`;
    const used = state.idSlots.get(key) ?? 0;
    if (used < 250) {
      state.idSlots.set(key, used + 1);
      return { birthDay: d, seq: used };
    }
  }
}

const MALE_GIVEN = [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林'];

/**
 * Premarital examinations of the batch's year: couples examined (about half the live births by default), each partner a person
 * of the county, infectious results encrypted as the women's module stores them, a few findings with their
 * follow-up; and the month-by-month marriage registration counts that make the coverage a rate.
 */
function premaritalExams(
  plan: BatchPlan,
  state: CountyState,
  rng: Rng,
  add: (table: string, row: Row) => void,
  from: number,
  to: number,
  year: number,
) {
  const { county, rates, today } = plan;
  const couples = Math.round((county.birthsPerYear * rates.premaritalExamsPerBirth * (to - from)) / 365);
  const registered = Math.round(county.birthsPerYear * 0.85);
  for (let month = 1; month <= 12; month++) {
    if (`${year}-${String(month).padStart(2, '0')}-01` > isoOf(today)) break;
    add('marriage_registration_count', {
      county_code: county.code,
      year,
      month,
      couples: Math.round((registered / 12) * (month === 2 || month === 10 ? 1.4 : 0.95)),
      source: '民政部门婚姻登记（合成数据）',
      note: null,
      version: 1,
      updated_at: timestampOf(Math.min(today, from + month * 30), 600),
      updated_by: plan.createdBy,
    });
  }
  for (let i = 0; i < couples; i++) {
    const day = from + Math.floor(rng.next() * (to - from));
    const at = timestampOf(Math.min(today, day + rng.int(0, 2)), rng.int(480, 1050));
    const clinic = county.institutions.mch;
    const partner = (sex: 'female' | 'male') => {
      const age = sex === 'female' ? rng.int(22, 33) : rng.int(23, 36);
      const slot = residentSlot(state, county.code, day - Math.round(age * 365.25) - rng.int(0, 364));
      const id = rng.uuid();
      const name =
        sex === 'female'
          ? womanName(rng)
          : womanName(rng).slice(0, 1) + rng.pick(MALE_GIVEN) + (rng.chance(0.6) ? rng.pick(MALE_GIVEN) : '');
      const idNumber = makeResidentId(county.code, isoOf(slot.birthDay), slot.seq, sex);
      const town = county.townships.length ? rng.pick(county.townships) : { code: county.code, name: county.name };
      add('person', {
        county_code: county.code,
        id,
        name,
        sex,
        birth_date: isoOf(slot.birthDay),
        id_type: 'resident_id',
        _idNumber: idNumber,
        _phone: `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`,
        ethnicity: '01',
        hukou_region_code: county.code,
        residence_region_code: town.code,
        address: `${town.name}${rng.int(1, 399)}号`,
        is_synthetic: true,
        deceased_on: null,
        created_at: at,
        updated_at: at,
        created_by: plan.createdBy,
        mother_county_code: null,
        mother_id: null,
      });
      add('person_key', { _idNumber: idNumber, county_code: county.code, person_id: id });
      return id;
    };
    const femaleId = partner('female');
    const maleId = partner('male');
    const infectious = () => ({
      hiv: 'negative',
      syphilis: rng.chance(0.002) ? 'positive' : 'negative',
      hbsag: rng.chance(0.04) ? 'positive' : 'negative',
      gonorrhoea: 'negative',
    });
    const fInf = infectious();
    const mInf = infectious();
    const positive = Object.values(fInf).includes('positive') || Object.values(mInf).includes('positive');
    const finding = positive ? ['infectious_disease'] : rng.chance(0.05) ? ['other_abnormal'] : [];
    const examId = rng.uuid();
    add('premarital_exam', {
      county_code: county.code,
      id: examId,
      exam_date: isoOf(day),
      institution_id: clinic,
      examiner: null,
      funded: true,
      registration_office: `${county.name}婚姻登记处`,
      registration_date: rng.chance(0.8) ? isoOf(day) : null,
      female_person_id: femaleId,
      female_history: JSON.stringify({}),
      female_exam: JSON.stringify({ general: 'normal', genital: 'normal' }),
      female_tests: JSON.stringify({}),
      female_diseases: [],
      _femaleInfectious: JSON.stringify(fInf),
      male_person_id: maleId,
      male_history: JSON.stringify({}),
      male_exam: JSON.stringify({ general: 'normal', genital: 'normal' }),
      male_tests: JSON.stringify({}),
      male_diseases: [],
      _maleInfectious: JSON.stringify(mInf),
      infectious_positive: positive,
      findings: finding,
      opinion: positive ? 'medical_measures_respect_wishes' : 'no_contraindication',
      suggested_opinion: positive ? 'medical_measures_respect_wishes' : 'no_contraindication',
      opinion_note: null,
      counselling_given: true,
      counselling_topics: ['healthy_pregnancy'],
      certificate_no: `HQ${county.code}${String(year).slice(2)}${String(plan.batchIndex)}${String(i).padStart(6, '0')}`,
      follow_up_due: finding.length ? isoOf(day + 30) : null,
      follow_up_done_on: finding.length && day + 30 <= today && rng.chance(0.8) ? isoOf(day + rng.int(7, 30)) : null,
      follow_up_outcome: null,
      note: null,
      version: 1,
      created_at: at,
      updated_at: at,
      created_by: plan.createdBy,
    });
    thalassaemia(plan, rng, add, day, examId, femaleId, maleId);
    if (rng.chance(rates.preconceptionShare)) preconception(plan, rng, add, day, femaleId, maleId);
  }
}

/**
 * Thalassaemia screening of both partners at the premarital examination: red-cell indices, and for a low MCV or
 * MCH haemoglobin analysis and a gene test; a couple record when either partner is a carrier (high risk when both
 * carry the same type).
 */
function thalassaemia(
  plan: BatchPlan,
  rng: Rng,
  add: (table: string, row: Row) => void,
  day: number,
  examId: string,
  femaleId: string,
  maleId: string,
) {
  const { county, today } = plan;
  const status = (personId: string): string => {
    const carrier = rng.chance(0.04);
    const type = rng.chance(0.7) ? 'alpha' : 'beta';
    const test = (kind: string, d: number, extra: Row) =>
      add('thalassaemia_test', {
        county_code: county.code,
        id: rng.uuid(),
        person_id: personId,
        test_date: isoOf(d),
        kind,
        source: 'premarital',
        source_id: examId,
        mcv_fl: null,
        mch_pg: null,
        hba2_pct: null,
        gene_result: null,
        carrier_status: 'not_tested',
        suspicion: null,
        next_step: null,
        retest_reason: null,
        institution_id: county.institutions.mch,
        note: null,
        version: 1,
        created_at: timestampOf(Math.min(today, d), 600),
        created_by: plan.createdBy,
        ...extra,
      });
    test('blood_indices', day, {
      mcv_fl: carrier ? Math.round(rng.gauss(72, 4) * 10) / 10 : Math.round(rng.gauss(90, 4) * 10) / 10,
      mch_pg: carrier ? Math.round(rng.gauss(23, 1.5) * 10) / 10 : Math.round(rng.gauss(30, 1.5) * 10) / 10,
      carrier_status: carrier ? `suspected_${type}` : 'none',
      suspicion: carrier ? type : 'none',
      next_step: carrier ? 'gene_test' : null,
    });
    if (!carrier) return 'none';
    const geneDay = day + rng.int(7, 21);
    if (geneDay > today) return `suspected_${type}`;
    test('gene_test', geneDay, {
      gene_result: type === 'alpha' ? '--SEA/αα' : 'βCD41-42/βN',
      carrier_status: type,
      suspicion: type,
    });
    return type;
  };
  const f = status(femaleId);
  const m = status(maleId);
  if (f === 'none' && m === 'none') return;
  const same = f.replace('suspected_', '') === m.replace('suspected_', '');
  const confirmed = !f.startsWith('suspected') && !m.startsWith('suspected');
  const risk = f !== 'none' && m !== 'none' && same ? (confirmed ? 'high' : 'undetermined') : 'low';
  const on = Math.min(today, day + 21);
  add('thalassaemia_couple', {
    county_code: county.code,
    id: rng.uuid(),
    female_person_id: femaleId,
    male_person_id: maleId,
    assessed_on: isoOf(on),
    female_status: f,
    male_status: m,
    risk,
    shared_type: same && f !== 'none' && m !== 'none' ? f.replace('suspected_', '') : null,
    actions:
      risk === 'high' ? ['genetic_counselling', 'prenatal_diagnosis'] : risk === 'undetermined' ? ['gene_test'] : [],
    counselling_on: risk === 'high' ? isoOf(on) : null,
    prenatal_diagnosis_referred: risk === 'high',
    counselling_note: null,
    version: 1,
    created_at: timestampOf(on, 600),
    updated_at: timestampOf(on, 600),
    created_by: plan.createdBy,
  });
}

/** A free preconception check of the couple some months after marriage, with folic acid dispensed and followed. */
function preconception(
  plan: BatchPlan,
  rng: Rng,
  add: (table: string, row: Row) => void,
  married: number,
  femaleId: string,
  maleId: string,
) {
  const { county, today } = plan;
  const day = married + rng.int(30, 240);
  if (day > today) return;
  const id = rng.uuid();
  const at = timestampOf(Math.min(today, day + rng.int(0, 2)), rng.int(480, 1050));
  const femaleHigh = rng.chance(0.12);
  const maleHigh = rng.chance(0.05);
  const referred = (femaleHigh || maleHigh) && rng.chance(0.5);
  const negative = JSON.stringify({ hiv: 'negative', syphilis: 'negative', hbsag: 'negative' });
  add('preconception_check', {
    county_code: county.code,
    id,
    check_date: isoOf(day),
    institution_id: county.institutions.mch,
    examiner: null,
    funded: true,
    planned_pregnancy_on: isoOf(day + rng.int(30, 180)),
    female_person_id: femaleId,
    female_values: JSON.stringify({ bmi: Math.round(rng.gauss(21.5, 2.5) * 10) / 10 }),
    female_reported: [],
    female_items: ['blood_routine', 'urine_routine', 'blood_group', 'glucose', 'liver_function', 'thyroid'],
    _femaleInfectious: negative,
    female_risk_level: femaleHigh ? 'high' : 'low',
    female_risk_factors: femaleHigh ? [rng.pick(['anaemia', 'obesity', 'thyroid_disease', 'rubella_susceptible'])] : [],
    male_person_id: maleId,
    male_values: JSON.stringify({}),
    male_reported: [],
    male_items: ['blood_routine', 'urine_routine', 'blood_group'],
    _maleInfectious: negative,
    male_risk_level: maleHigh ? 'high' : 'low',
    male_risk_factors: maleHigh ? ['smoking'] : [],
    risk_level: femaleHigh || maleHigh ? 'high' : 'low',
    advice: femaleHigh || maleHigh ? '孕前咨询，纠正危险因素后计划妊娠' : '健康教育，补服叶酸',
    referred,
    referral_institution_id: referred ? county.institutions.mch : null,
    referral_to: null,
    referral_reason: referred ? '孕前高风险因素' : null,
    follow_up_due: femaleHigh || maleHigh ? isoOf(day + 90) : null,
    follow_up_done_on:
      (femaleHigh || maleHigh) && day + 90 <= today && rng.chance(0.7) ? isoOf(day + rng.int(60, 90)) : null,
    follow_up_outcome: null,
    pregnancy_id: null,
    pregnancy_confirmed_on: null,
    note: null,
    version: 1,
    created_at: at,
    updated_at: at,
    created_by: plan.createdBy,
  });
  const dispensing = rng.uuid();
  add('folic_acid_dispensing', {
    county_code: county.code,
    id: dispensing,
    person_id: femaleId,
    preconception_check_id: id,
    dispensed_on: isoOf(day),
    packs: 3,
    tablets: 93,
    supply_days: 93,
    follow_up_due: isoOf(day + 93),
    programme: 'folic_acid_supplementation',
    stage: 'preconception',
    institution_id: county.institutions.mch,
    note: null,
    version: 1,
    created_at: at,
    created_by: plan.createdBy,
  });
  const followDay = day + rng.int(85, 110);
  if (followDay <= today && rng.chance(0.85)) {
    const taken = rng.chance(0.8) ? rng.int(80, 93) : rng.chance(0.5) ? rng.int(10, 79) : 0;
    add('folic_acid_follow_up', {
      county_code: county.code,
      id: rng.uuid(),
      person_id: femaleId,
      dispensing_id: dispensing,
      follow_up_date: isoOf(followDay),
      days_taken: taken,
      days_expected: 93,
      adherence: taken === 0 ? 'not_taken' : taken / 93 >= 0.8 ? 'adherent' : 'non_adherent',
      share: Math.round((taken / 93) * 10000) / 10000,
      folate_ng_ml: null,
      pregnant: rng.chance(0.3),
      note: null,
      created_at: timestampOf(Math.min(today, followDay), 600),
      created_by: plan.createdBy,
    });
  }
}
