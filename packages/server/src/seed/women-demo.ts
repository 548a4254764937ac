import { FUNDED_PROGRAMMES, makeResidentId, type FundedProgrammeId } from '@fuyou/core';
import { sql, withScope } from '@fuyou/db';
import { systemContext, type AuthContext } from '../platform/context';
import type { Services } from '../services';
import {
  deliverySchema,
  pregnancyCreateSchema,
  pregnancyEndSchema,
  prenatalDiagnosisSchema,
  prenatalScreeningSchema,
} from '../modules/maternal/maternal.schemas';
import { stockSchema } from '../modules/women/family-planning.service';
import { dispensingCreateSchema, preconceptionCreateSchema } from '../modules/women/preconception.schemas';
import { premaritalCreateSchema } from '../modules/women/premarital.schemas';
import { thalTestSchema } from '../modules/women/thalassaemia.service';
import { DEMO_COUNTIES } from './demo-institutions';
import { rng } from './population';

type Rand = () => number;

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}
function daysBefore(days: number): string {
  return iso(new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000));
}
function plus(date: string, days: number): string {
  return iso(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));
}
function pickOne<T>(rand: Rand, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '胡', '朱', '林'];
const GIVEN_F = ['秀英', '桂英', '玉兰', '美华', '丽娟', '海燕', '红梅', '建芬', '雪芳', '素珍', '亚萍', '巧玲'];
const GIVEN_M = ['建国', '海军', '志强', '伟民', '国华', '永明', '建平', '立新', '文彬', '海涛', '军', '斌'];

/** Synthetic people of a county (valid ID numbers marked is_synthetic), aged minAge–maxAge. */
export async function demoPeople(
  services: Services,
  ctx: AuthContext,
  rand: Rand,
  county: string,
  n: number,
  opts: { sex: 'female' | 'male'; minAge: number; maxAge: number },
): Promise<{ id: string; birthDate: string }[]> {
  const towns = services.regions.children(county);
  const year = Number(daysBefore(0).slice(0, 4));
  return withScope(services.db, ctx, async (trx) => {
    const out: { id: string; birthDate: string }[] = [];
    for (let i = 0; i < n; i++) {
      const age = opts.minAge + Math.floor(rand() * (opts.maxAge - opts.minAge + 1));
      const birthDate = `${year - age - 1}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(
        1 + Math.floor(rand() * 28),
      ).padStart(2, '0')}`;
      const town = towns[Math.floor(rand() * towns.length)]?.code ?? county;
      const given = opts.sex === 'female' ? GIVEN_F : GIVEN_M;
      const p = await services.people.createInTx(
        trx,
        ctx,
        {
          name: pickOne(rand, SURNAMES) + pickOne(rand, given),
          sex: opts.sex,
          birthDate,
          idType: 'resident_id',
          idNumber: makeResidentId(county, birthDate, 500 + Math.floor(rand() * 499), opts.sex),
          ethnicity: '01',
          hukouRegionCode: county,
          residenceRegionCode: town,
        },
        { synthetic: true },
      );
      out.push({ id: p.id, birthDate });
    }
    return out;
  });
}

/** Women of a county, as the demo population holds them. */
async function womenOf(services: Services, ctx: AuthContext, county: string) {
  return withScope(services.db, ctx, (trx) =>
    trx
      .selectFrom('person')
      .select(['id', 'birth_date', 'sex'])
      .where('county_code', '=', county)
      .where('sex', '=', 'female')
      .orderBy('id')
      .execute(),
  );
}

function ageOn(birth: string | null, date: string): number {
  if (!birth) return -1;
  const b = birth.split('-').map(Number);
  const d = date.split('-').map(Number);
  let a = (d[0] ?? 0) - (b[0] ?? 0);
  if ((d[1] ?? 0) < (b[1] ?? 0) || ((d[1] ?? 0) === (b[1] ?? 0) && (d[2] ?? 0) < (b[2] ?? 0))) a -= 1;
  return a;
}

/**
 * Two-cancer screening of the demo women aged 35–64: cervical (HPV genotyping) and breast (ultrasound) screenings in
 * the last year with realistic shares of abnormal results, their follow-up cases at every stage (some treated, some
 * closed normal, some lost, some left overdue), and the target population per county. Deterministic for a seed.
 */
async function seedCancerScreening(
  services: Services,
  rand: Rand,
  county: string,
  ctx: AuthContext,
  perCounty: number,
) {
  const s = services.women.screenings;
  let screenings = 0;
  let cases = 0;
  await demoPeople(services, ctx, rand, county, perCounty, { sex: 'female', minAge: 35, maxAge: 64 });
  const women = await womenOf(services, ctx, county);
  // a second run screens only the women the first did not (the same woman could draw the same day again)
  const screened = new Set(
    (
      await withScope(services.db, ctx, (trx) =>
        trx.selectFrom('cancer_screening').select('person_id').where('county_code', '=', county).execute(),
      )
    ).map((r) => r.person_id),
  );
  for (const w of women) {
    if (screened.has(w.id)) continue;
    const date = daysBefore(10 + Math.floor(rand() * 300));
    const age = ageOn(w.birth_date, date);
    if (age < 35 || age > 64 || rand() < 0.3) continue;
    const cohort = pickOne(rand, ['rural', 'rural', 'urban_low_income', 'general'] as const);
    const x = rand();
    const hpvTypes = x < 0.05 ? ['16'] : x < 0.08 ? ['18', '52'] : x < 0.14 ? ['52'] : x < 0.17 ? ['58'] : [];
    const cytology =
      hpvTypes.length && !hpvTypes.includes('16') && !hpvTypes.includes('18') && rand() < 0.7
        ? pickOne(rand, ['NILM', 'NILM', 'ASC-US', 'LSIL'] as const)
        : undefined;
    const c = await s.create(ctx, {
      personId: w.id,
      kind: 'cervical',
      method: 'hpv',
      screeningDate: date,
      cohort,
      funded: true,
      hpvTypes,
      ...(cytology ? { cytology } : {}),
    });
    screenings++;
    if (c.screening.case) {
      cases++;
      await advanceCase(services, ctx, rand, c.screening.case.id, date, 'cervical');
    }
    if (rand() < 0.8) {
      const y = rand();
      const birads = y < 0.02 ? '4A' : y < 0.07 ? '3' : y < 0.1 ? '0' : y < 0.5 ? '2' : '1';
      const b = await s.create(ctx, {
        personId: w.id,
        kind: 'breast',
        method: 'breast_ultrasound',
        screeningDate: date,
        cohort,
        funded: true,
        ultrasoundBirads: birads,
        clinicalFindings: birads === '4A' ? ['lump'] : [],
      });
      screenings++;
      if (b.screening.case) {
        cases++;
        await advanceCase(services, ctx, rand, b.screening.case.id, date, 'breast');
      }
    }
  }
  const year = Number(daysBefore(0).slice(0, 4));
  const existing = await services.women.coverage.targets(ctx, year);
  if (!existing.some((t) => t.countyCode === county)) {
    await services.women.coverage.putTarget(ctx, {
      countyCode: county,
      year,
      women3564: 40 + Math.floor(rand() * 30),
      ruralWomen3564: 20,
      source: '演示数据（第七次人口普查推算）',
    });
  }
  return { screenings, cases };
}

/** Moves a case along the pathway to a random stage (dates after the screening, never in the future). */
async function advanceCase(
  services: Services,
  ctx: AuthContext,
  rand: Rand,
  caseId: string,
  screened: string,
  kind: 'cervical' | 'breast',
) {
  const s = services.women.screenings;
  const today = daysBefore(0);
  const at = (d: number) => (plus(screened, d) > today ? today : plus(screened, d));
  const stop = rand();
  let c = await s.getCase(ctx, caseId);
  if (stop < 0.15) return; // left undone: overdue after a week
  c = await s.step(ctx, caseId, { version: c.version, event: 'notify', date: at(3), method: 'phone' });
  if (stop < 0.25) {
    await s.step(ctx, caseId, { version: c.version, event: 'mark_lost', date: at(40), note: '外出务工，电话无人接听' });
    return;
  }
  if (at(20) === today && stop < 0.5) return;
  if (kind === 'cervical') {
    if (c.pendingExam === 'cytology') {
      c = await s.step(ctx, caseId, {
        version: c.version,
        event: 'attend_further_exam',
        date: at(10),
        exam: 'cytology',
        result: rand() < 0.5 ? 'NILM' : 'LSIL',
      });
      if (c.suggestedEvent === 'further_exam_normal') {
        await s.step(ctx, caseId, { version: c.version, event: 'further_exam_normal', date: at(12) });
        return;
      }
    }
    const abnormal = rand() < 0.6;
    c = await s.step(ctx, caseId, {
      version: c.version,
      event: 'attend_further_exam',
      date: at(20),
      exam: 'colposcopy',
      result: abnormal ? 'abnormal' : 'normal',
    });
    if (!abnormal) {
      await s.step(ctx, caseId, { version: c.version, event: 'further_exam_normal', date: at(20) });
      return;
    }
    if (stop < 0.4) return;
    const histo = pickOne(rand, ['CIN1', 'CIN2', 'CIN3', 'normal'] as const);
    c = await s.step(ctx, caseId, { version: c.version, event: 'record_pathology', date: at(30), result: histo });
    if (c.suggestedEvent === 'record_treatment') {
      if (stop < 0.55) return;
      await s.step(ctx, caseId, { version: c.version, event: 'record_treatment', date: at(45), method: 'leep' });
    } else {
      await s.step(ctx, caseId, { version: c.version, event: 'close_no_treatment', date: at(31) });
    }
    return;
  }
  const exam = (c.pendingExam ?? 'mammography') as 'mammography' | 'biopsy' | 'senior_review';
  c = await s.step(ctx, caseId, {
    version: c.version,
    event: 'attend_further_exam',
    date: at(15),
    exam,
    ...(exam === 'mammography' ? { result: rand() < 0.7 ? '2' : '4A' } : {}),
  });
  if (c.suggestedEvent === 'further_exam_normal') {
    await s.step(ctx, caseId, { version: c.version, event: 'further_exam_normal', date: at(15) });
    return;
  }
  if (c.suggestedEvent === 'attend_further_exam') {
    c = await s.step(ctx, caseId, { version: c.version, event: 'attend_further_exam', date: at(18), exam: 'biopsy' });
  }
  const path = rand() < 0.7 ? 'benign' : 'invasive_carcinoma';
  c = await s.step(ctx, caseId, { version: c.version, event: 'record_pathology', date: at(25), result: path });
  if (c.suggestedEvent === 'record_treatment') {
    await s.step(ctx, caseId, { version: c.version, event: 'record_treatment', date: at(40), method: 'mastectomy' });
  } else {
    await s.step(ctx, caseId, { version: c.version, event: 'close_no_treatment', date: at(26) });
  }
}

/**
 * Demo records of the women's-health module for the demo counties (call after the demo population).
 * Deterministic for a seed.
 */
export async function seedDemoWomen(
  services: Services,
  log: (m: string) => void,
  opts: { seed?: number; perCounty?: number } = {},
) {
  const rand = rng(opts.seed ?? 20260305);
  const perCounty = opts.perCounty ?? 25;
  const totals = { screenings: 0, cases: 0, births: 0, cards: 0, aid: 0, targets: 0, couples: 0 };
  for (const county of DEMO_COUNTIES) {
    const ctx = systemContext([county]);
    const a = await seedCancerScreening(services, rand, county, ctx, perCounty);
    totals.screenings += a.screenings;
    totals.cases += a.cases;
    const b = await seedBirthDefects(services, rand, county, ctx);
    totals.births += b.births;
    totals.cards += b.cards;
    totals.aid += b.aid;
    totals.targets += await seedProgrammeTargets(services, rand, county);
    totals.couples += await seedPrePregnancy(services, rand, county, ctx);
  }
  log(`演示两癌筛查 demo cancer screenings: ${totals.screenings}, 随访个案 cases: ${totals.cases}`);
  log(
    `演示出生缺陷 demo births: ${totals.births}, 登记卡 birth-defect cards: ${totals.cards}, 救助申请 aid: ${totals.aid}, 项目目标 programme targets: ${totals.targets}`,
  );
  log(`演示婚前与孕前保健 demo premarital/preconception couples: ${totals.couples}`);
  return totals;
}

/** Defects noted at the demo deliveries (ICD-10 with the name, as a midwife writes them). */
const DEMO_DEFECTS = [
  'Q35.9 腭裂',
  'Q21.0 室间隔缺损',
  'Q69.9 多指',
  'Q54.9 尿道下裂',
  'Q37.9 唇裂合并腭裂',
  'Q66.0 马蹄内翻足',
];

/**
 * Birth-defect surveillance of a demo county, through the maternal and women services (so the records are what a
 * clinic would have made): a few deliveries in the last months, three babies with a defect noted — two reported
 * with the one-click card, one left on the unreported list — a termination at 28+ weeks after a prenatal diagnosis
 * of trisomy 21 with its card, and aid applications at each stage. Women who already have a pregnancy are skipped.
 */
async function seedBirthDefects(services: Services, rand: Rand, county: string, base: AuthContext) {
  const m = services.maternal;
  const today = daysBefore(0);
  const { women, hospital } = await withScope(services.db, base, async (trx) => ({
    women: await trx
      .selectFrom('person as p')
      .select(['p.id'])
      .where('p.county_code', '=', county)
      .where('p.sex', '=', 'female')
      .where('p.is_synthetic', '=', true)
      .where('p.birth_date', '>=', '1986-01-01')
      .where('p.birth_date', '<=', '2003-01-01')
      .where('p.deceased_on', 'is', null)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('pregnancy as g').select('g.id').whereRef('g.person_id', '=', 'p.id'))),
      )
      .orderBy('p.id')
      .limit(9)
      .execute(),
    hospital: await trx
      .selectFrom('institution')
      .select(['id', 'type'])
      .where('county_code', '=', county)
      .orderBy(sql`type in ('mch_hospital', 'general_hospital')`, 'desc')
      .orderBy('code')
      .executeTakeFirst(),
  }));
  if (!hospital) return { births: 0, cards: 0, aid: 0 };
  const ctx: AuthContext = { ...base, institutionId: hospital.id, displayName: '演示医生' };
  const out = { births: 0, cards: 0, aid: 0 };
  const children: { child: string; card: string; born: string; defect: string }[] = [];
  const register = async (personId: string, lmp: string, i: number) =>
    (
      await m.pregnancies.register(
        ctx,
        pregnancyCreateSchema.parse({
          personId,
          registeredOn: plus(lmp, 70),
          lmp,
          gravidity: 1,
          parity: 0,
          heightCm: 155 + Math.round(rand() * 12),
          prePregnancyWeightKg: 48 + Math.round(rand() * 15),
          handbookNo: `${county}-BD${i}`,
        }),
      )
    ).pregnancy;
  for (const [i, w] of women.slice(0, 8).entries()) {
    // the unreported one was born 9 days ago, so it is on the worklist (overdue from day 8)
    const deliveredAgo = i === 2 ? 9 : 20 + Math.floor(rand() * 120) + (i < 3 ? 0 : 30);
    const ga = 37 * 7 + Math.floor(rand() * 25);
    const deliveryDate = plus(today, -deliveredAgo);
    const preg = await register(w.id, plus(deliveryDate, -ga), i);
    const defect = i < 3 ? DEMO_DEFECTS[(i + Number(county.slice(-1))) % DEMO_DEFECTS.length]! : null;
    const date = deliveryDate;
    const d = await m.deliveries.record(
      ctx,
      preg.id,
      deliverySchema.parse({
        deliveryDate: date,
        place: 'institution',
        institutionId: hospital.id,
        ...(rand() < 0.3 ? { mode: 'caesarean', caesareanIndication: '头盆不称' } : { mode: 'spontaneous' }),
        maternalCondition: 'good',
        babies: [
          {
            outcome: 'live_birth',
            sex: rand() < 0.51 ? 'male' : 'female',
            weightG: 2700 + Math.round(rand() * 1200),
            lengthCm: 48 + Math.round(rand() * 4),
            apgar1: 9,
            apgar5: 10,
            defects: defect ? [defect] : [],
          },
        ],
      }),
    );
    out.births++;
    if (defect && i < 2) {
      const r = await services.women.birthDefects.report(ctx, { deliveryId: d.delivery.id, reporter: '演示医生' });
      out.cards++;
      const child = d.delivery.babies[0]?.childPersonId;
      if (child) children.push({ child, card: r.report.id, born: date, defect });
    }
  }
  // a prenatal diagnosis of trisomy 21 at 24 weeks; the termination at 28+ weeks is in the surveillance window
  const last = women[8];
  if (last) {
    const lmp = plus(today, -(29 * 7 + 30));
    const preg = await register(last.id, lmp, 8);
    const s = await m.screening.create(
      ctx,
      preg.id,
      prenatalScreeningSchema.parse({
        method: 'serum_second',
        screenedOn: plus(lmp, 17 * 7),
        t21: 'high',
        t18: 'low',
        ntd: 'low',
      }),
    );
    const dx = await m.screening.diagnosis(
      ctx,
      s.id,
      prenatalDiagnosisSchema.parse({
        version: s.version,
        diagnosisMethod: 'amniocentesis',
        diagnosisTest: 'karyotype',
        diagnosedOn: plus(lmp, 24 * 7),
        diagnosisResult: '47,XX,+21',
        counsellingOutcome: '遗传咨询后孕妇及家属要求终止妊娠',
      }),
    );
    const p = await m.pregnancies.get(ctx, preg.id);
    await m.pregnancies.end(
      ctx,
      preg.id,
      pregnancyEndSchema.parse({ version: p.version, reason: 'induced_abortion', endedOn: plus(lmp, 28 * 7 + 2) }),
    );
    await services.women.birthDefects.report(ctx, { prenatalDiagnosisId: dx.id, sex: 'female', reporter: '演示医生' });
    out.cards++;
  }
  // aid: one waiting for the decision (overdue), one approved awaiting payment, one paid
  const sup: AuthContext = { ...ctx, permissions: new Set([...ctx.permissions, 'care.supervise']) };
  for (const [i, c] of children.entries()) {
    const heart = c.defect.includes('室间隔');
    const appliedOn = plus(c.born, 10) > today ? today : plus(c.born, 10);
    const a = await services.women.aid.apply(ctx, {
      personId: c.child,
      birthDefectReportId: c.card,
      programme: heart ? 'congenital_heart_aid' : 'birth_defect_aid',
      condition: c.defect.replace(/^Q[\d.]+\s*/, ''),
      appliedOn,
      amountRequested: heart ? 30000 : 8000,
    });
    out.aid++;
    if (i === 0 && (county.endsWith('2') || county.endsWith('3'))) continue;
    const decided = plus(appliedOn, 12) > today ? today : plus(appliedOn, 12);
    const ok = await services.women.aid.decide(sup, a.application.id, {
      version: a.application.version,
      decision: 'approve',
      date: decided,
      approvedAmount: heart ? 20000 : 5000,
      note: '符合救助条件',
    });
    if (i === 1) {
      const paid = plus(decided, 15) > today ? today : plus(decided, 15);
      await services.women.aid.decide(sup, ok.id, { version: ok.version, decision: 'pay', date: paid });
    }
  }
  return out;
}

/** Demo targets of the year for every funded programme (the CHD figure is seed 003's 208 echo diagnoses). */
async function seedProgrammeTargets(services: Services, rand: Rand, county: string): Promise<number> {
  const year = Number(daysBefore(0).slice(0, 4));
  const admin: AuthContext = { ...systemContext([]), role: 'sysadmin' };
  const existing = await services.women.programmes.targets(admin, year);
  const scale: Partial<Record<FundedProgrammeId, number>> = {
    newborn_chd_screening: 208,
    cervical_cancer_screening: 30,
    breast_cancer_screening: 25,
    newborn_metabolic_screening: 20,
    newborn_hearing_screening: 20,
  };
  let n = 0;
  for (const p of FUNDED_PROGRAMMES) {
    if (existing.some((t) => t.countyCode === county && t.programmeId === p.id)) continue;
    await services.women.programmes.putTarget(admin, {
      countyCode: county,
      year,
      programmeId: p.id,
      targetCount: scale[p.id] ?? 10 + Math.floor(rand() * 20),
      source: '演示数据（按惠民项目实施方案分解到县区）',
    });
    n++;
  }
  return n;
}

/**
 * Pre-pregnancy programmes of a demo county, so that their pages are not empty: couples examined before marriage
 * (free programme) and before pregnancy, folic acid given to the women, thalassaemia screening of two couples (one
 * pair of suspected carriers, at risk and waiting for counselling), and free condoms received and issued.
 */
async function seedPrePregnancy(services: Services, rand: Rand, county: string, base: AuthContext): Promise<number> {
  const w = services.women;
  const inst = await withScope(services.db, base, (trx) =>
    trx
      .selectFrom('institution')
      .select('id')
      .where('county_code', '=', county)
      .orderBy(sql`type = 'mch_hospital'`, 'desc')
      .orderBy('code')
      .executeTakeFirst(),
  );
  if (!inst) return 0;
  const ctx: AuthContext = { ...base, institutionId: inst.id, displayName: '演示医生' };
  const women = await demoPeople(services, ctx, rand, county, 3, { sex: 'female', minAge: 22, maxAge: 30 });
  const men = await demoPeople(services, ctx, rand, county, 3, { sex: 'male', minAge: 24, maxAge: 33 });
  const normal = { general: 'normal', genital: 'normal' };
  const negative = { hiv: 'negative', syphilis: 'negative', hbsag: 'negative' };
  for (const [i, f] of women.entries()) {
    const m = men[i]!;
    const examDate = daysBefore(30 + Math.floor(rand() * 200));
    if (i < 2) {
      await w.premarital.create(
        ctx,
        premaritalCreateSchema.parse({
          examDate,
          registrationOffice: '婚姻登记处（演示）',
          female: { personId: f.id, exam: normal, tests: { blood_routine: 'normal' }, infectious: negative },
          male: { personId: m.id, exam: normal, tests: { blood_routine: 'normal' }, infectious: negative },
          opinion: 'no_contraindication',
          counsellingGiven: true,
          counsellingTopics: ['孕前保健', '叶酸增补'],
          certificateNo: `${county}-HJ-${f.id.slice(0, 8)}`,
        }),
      );
    }
    const checkDate = plus(examDate, 20);
    const check = await w.preconception.create(
      ctx,
      preconceptionCreateSchema.parse({
        checkDate,
        plannedPregnancyOn: plus(checkDate, 90),
        female: {
          personId: f.id,
          values: { haemoglobinGPerL: 118 + Math.round(rand() * 20) },
          infectious: { syphilis: 'negative', hbsag: 'negative' },
        },
        male: {
          personId: m.id,
          values: { haemoglobinGPerL: 140 + Math.round(rand() * 20) },
          infectious: { syphilis: 'negative' },
        },
        advice: '孕前3个月开始每日补充叶酸0.4mg',
      }),
    );
    await w.folicAcid.dispense(
      ctx,
      dispensingCreateSchema.parse({
        personId: f.id,
        dispensedOn: checkDate,
        packs: 3,
        preconceptionCheckId: check.check.id,
      }),
    );
    if (i < 2) {
      // the second couple are both suspected carriers (low MCV and MCH): at risk, counselling due
      const carrier = i === 1;
      for (const p of [f.id, m.id]) {
        await w.thalassaemia.record(
          ctx,
          thalTestSchema.parse({
            personId: p,
            testDate: checkDate,
            source: 'preconception',
            kind: 'blood_indices',
            mcvFl: carrier ? 68 + Math.round(rand() * 6) : 86 + Math.round(rand() * 8),
            mchPg: carrier ? 21 : 29,
          }),
        );
      }
      await w.thalassaemia.createCouple(ctx, { femalePersonId: f.id, malePersonId: m.id });
    }
  }
  await w.familyPlanning.move(
    ctx,
    stockSchema.parse({
      item: 'male_condom',
      movementDate: daysBefore(90),
      kind: 'receipt',
      quantity: 200,
      batchNo: 'DEMO',
    }),
  );
  for (const f of women) {
    await w.familyPlanning.move(
      ctx,
      stockSchema.parse({
        item: 'male_condom',
        movementDate: daysBefore(10 + Math.floor(rand() * 60)),
        kind: 'issue',
        quantity: 20,
        personId: f.id,
      }),
    );
  }
  return women.length;
}
