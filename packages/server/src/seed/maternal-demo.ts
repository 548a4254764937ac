import { withScope } from '@fuyou/db';
import { systemContext, type AuthContext } from '../platform/context';
import type { Services } from '../services';
import { DEMO_COUNTIES, demoClinics } from './demo-institutions';
import { rng } from './population';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const plus = (date: string, days: number) => iso(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));
const maxDate = (a: string, b: string) => (a > b ? a : b);

/** Antenatal contacts of the national schedule, at these gestational days. */
const VISIT_DAYS = [11 * 7, 18 * 7, 23 * 7, 32 * 7, 38 * 7];

/**
 * Demo pregnancies in each county: synthetic women registered mostly early, seen on the national schedule up to
 * yesterday (weight, blood pressure, Hb), assessed at registration (most green or yellow, some orange by age or a
 * ticked item, a few red), high-risk cases with their reports (most acknowledged by the supervisor), a few
 * referrals, PMTCT tests (one HBsAg-positive woman per county), prenatal screening, deliveries (a live birth creates
 * the child; half of the women delivered in the past year) and postpartum visits. Deterministic for a seed.
 */
export async function seedDemoMaternal(
  services: Services,
  log: (m: string) => void,
  opts: { seed?: number; perCounty?: number } = {},
) {
  const rand = rng(opts.seed ?? 20260303);
  const perCounty = opts.perCounty ?? 24;
  const today = iso(new Date(Date.now() + 8 * 3_600_000));
  const yesterday = plus(today, -1);
  const m = services.maternal;
  let pregnancies = 0;
  let cases = 0;
  let births = 0;
  for (const county of DEMO_COUNTIES) {
    const base = systemContext([county]);
    const { women, clinics, hospital } = await withScope(services.db, base, async (trx) => ({
      women: await trx
        .selectFrom('person')
        .select(['id', 'birth_date'])
        .where('sex', '=', 'female')
        .where('is_synthetic', '=', true)
        .where('birth_date', '>=', '1982-01-01')
        .where('birth_date', '<=', '2006-01-01')
        .where('deceased_on', 'is', null)
        .orderBy('id', 'desc')
        .limit(perCounty)
        .execute(),
      clinics: await demoClinics(trx, county),
      hospital: await trx
        .selectFrom('institution')
        .select('id')
        .where('county_code', '=', county)
        .where('type', 'in', ['general_hospital', 'mch_hospital'])
        .orderBy('code')
        .executeTakeFirst(),
    }));
    const supervisor: AuthContext = { ...base, permissions: new Set([...base.permissions, 'care.supervise']) };
    let hbvDone = false;
    for (const [i, w] of women.entries()) {
      const clinic = clinics[i % Math.max(clinics.length, 1)]?.id ?? null;
      const ctx: AuthContext = { ...base, institutionId: clinic, displayName: '演示医生' };
      try {
        // 7–44 weeks after the LMP; every other woman delivered in the past year (more of them recently), so the
        // report year's indicators (systematic management, postpartum visits…) have deliveries behind them
        const gaToday = i % 2 === 1 ? 41 * 7 + Math.floor(rand() * rand() * 330) : 7 * 7 + Math.floor(rand() * 37 * 7);
        const lmp = plus(today, -gaToday);
        const regGa = 7 * 7 + Math.floor(rand() * (rand() < 0.85 ? 6 * 7 : 14 * 7));
        if (regGa >= gaToday) continue;
        const registeredOn = plus(lmp, regGa);
        const older = !!w.birth_date && w.birth_date < '1986-06-01';
        const ticked =
          rand() < 0.1 ? ['orange.scar_with_placenta_praevia'] : rand() < 0.03 ? ['red.cardiomyopathy'] : [];
        const preg = (
          await m.pregnancies.register(ctx, {
            personId: w.id,
            registeredOn,
            lmp,
            gravidity: 1 + Math.floor(rand() * 3),
            parity: 0,
            previousCaesareans: 0,
            spontaneousAbortions: 0,
            inducedAbortions: 0,
            pretermBirths: 0,
            stillbirths: 0,
            birthDefects: 0,
            ectopicPregnancies: 0,
            molarPregnancies: 0,
            previousUterineSurgeries: 0,
            historyItems: [],
            heightCm: 152 + Math.round(rand() * 18),
            prePregnancyWeightKg: 45 + Math.round(rand() * 25),
            fetuses: rand() < 0.02 ? 2 : 1,
            handbookNo: `${county}-${String(1000 + i)}`,
            assessment: { items: [] },
          })
        ).pregnancy;
        pregnancies++;
        const deliverAt = 39 * 7 + Math.floor(rand() * 10) - 5;
        const delivered = gaToday > deliverAt + 1;
        const lastVisitDay = delivered ? deliverAt - 1 : gaToday - 1;
        let weight = (preg.prePregnancyWeightKg ?? 55) + 0.5;
        for (const day of VISIT_DAYS) {
          if (day < regGa || day > lastVisitDay || rand() < 0.12) continue;
          weight += day < 14 * 7 ? 0.5 : 2 + rand() * 2.5;
          await m.visits.create(ctx, preg.id, {
            visitDate: plus(lmp, day),
            weightKg: Math.round(weight * 10) / 10,
            systolicMmHg: 100 + Math.round(rand() * 35),
            diastolicMmHg: 62 + Math.round(rand() * 22),
            labs: { hbGL: 95 + Math.round(rand() * 40) },
          });
        }
        if (older || ticked.length) {
          const on = plus(lmp, Math.min(lastVisitDay, Math.max(regGa, lastVisitDay - 7)));
          const a = await m.risk.create(ctx, preg.id, {
            assessedOn: on < registeredOn ? registeredOn : on,
            items: ticked,
          });
          if (a.case?.opened) {
            cases++;
            if (rand() < 0.75) {
              const detail = await m.cases.get(supervisor, a.case.caseId);
              for (const r of detail.reports) if (!r.acknowledgedAt) await m.cases.acknowledgeReport(supervisor, r.id);
            }
            if (hospital && rand() < 0.5 && preg.status === 'antenatal' && !delivered)
              await m.cases.refer(ctx, preg.id, {
                referredOn: maxDate(registeredOn, plus(today, -Math.floor(rand() * 20))),
                toInstitutionId: hospital.id,
                reason: '高危孕妇转上级医院评估',
                urgency: 'routine',
              });
          }
        }
        for (const infection of ['hiv', 'syphilis', 'hbv'] as const) {
          if (rand() < 0.3) continue;
          const positive = infection === 'hbv' && !hbvDone && rand() < 0.2;
          if (positive) hbvDone = true;
          await m.pmtct.addTest(ctx, preg.id, {
            infection,
            testedOn: registeredOn,
            result: positive ? 'positive' : 'negative',
            atLabour: false,
          });
        }
        if (regGa < 20 * 7 && gaToday > 17 * 7 && rand() < 0.6) {
          const screenedOn = plus(lmp, 17 * 7);
          if (screenedOn >= registeredOn && (!delivered || screenedOn < plus(lmp, deliverAt)))
            await m.screening.create(ctx, preg.id, {
              method: 'serum_second',
              screenedOn,
              t21: rand() < 0.06 ? 'high' : 'low',
              t18: 'low',
              ntd: 'low',
            });
        }
        if (delivered) {
          const deliveryDate = plus(lmp, deliverAt);
          if (deliveryDate > yesterday) continue;
          const caesarean = rand() < 0.35;
          await m.deliveries.record(ctx, preg.id, {
            deliveryDate,
            deliveryTime: `${String(Math.floor(rand() * 24)).padStart(2, '0')}:${rand() < 0.5 ? '15' : '40'}`,
            place: 'institution',
            institutionId: hospital?.id ?? clinic ?? undefined,
            mode: caesarean ? 'caesarean' : 'spontaneous',
            ...(caesarean ? { caesareanIndication: '头盆不称' } : {}),
            caesareanNoMedicalIndication: false,
            complications: [],
            maternalCondition: 'good',
            dischargedOn: plus(deliveryDate, caesarean ? 4 : 2),
            babies: [
              {
                outcome: 'live_birth',
                sex: rand() < 0.51 ? 'male' : 'female',
                weightG: 2600 + Math.round(rand() * 1500),
                lengthCm: 47 + Math.round(rand() * 5),
                apgar1: 8 + Math.floor(rand() * 3),
                apgar5: 9 + Math.floor(rand() * 2),
                defects: [],
                resuscitation: false,
              },
            ],
          });
          births++;
          const visitOn = plus(deliveryDate, caesarean ? 7 : 5);
          if (visitOn <= yesterday)
            await m.deliveries.postpartumVisit(ctx, preg.id, {
              kind: 'home_visit',
              visitDate: visitOn,
              breastfeeding: 'exclusive',
              epdsScores: [0, 1, 0, 1, 0, 0, 1, 0, 0, 0],
              findings: '子宫复旧良好，恶露正常',
            });
          const checkOn = plus(deliveryDate, 42);
          if (checkOn <= yesterday)
            await m.deliveries.postpartumVisit(ctx, preg.id, {
              kind: 'day42_check',
              visitDate: checkOn,
              pelvicFloor: 'normal',
              contraceptionCounselled: true,
              assessment: 'recovered',
              riskAssessment: { items: [] },
            });
        }
      } catch (e) {
        log(`maternal demo: skipped one woman in ${county}: ${(e as Error).message}`);
      }
    }
  }
  log(`maternal demo: ${pregnancies} pregnancies, ${cases} high-risk cases, ${births} births`);
}
