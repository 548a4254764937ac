import { getGrowthReference, lmsValueAt, DAYS_PER_MONTH, type GrowthIndicator } from '@fuyou/core';
import { withScope } from '@fuyou/db';
import { systemContext } from '../platform/context';
import type { Services } from '../services';
import { DEMO_COUNTIES, demoClinics } from './demo-institutions';
import { rng } from './population';

const GIVEN = ['子涵', '浩然', '欣怡', '宇轩', '梓萱', '一诺', '沐辰', '诗琪', '俊熙', '若汐', '睿泽', '语桐'];
/** Check-up ages in months (national schedule), the first two being the newborn visit and the one-month check. */
const AGES_MONTHS = [0.25, 1, 3, 6, 8, 12, 18, 24, 30, 36, 48, 60];

function normal(rand: () => number): number {
  const u = Math.max(rand(), 1e-9);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The value at z of a WHO 2006 indicator for sex and age in days (from core's reference). */
function valueAt(indicator: GrowthIndicator, sex: 'male' | 'female', ageDays: number, z: number): number | undefined {
  const lms = getGrowthReference('who2006')?.lms(indicator, sex, ageDays);
  return lms ? lmsValueAt(z, lms) : undefined;
}

const plus = (date: string, days: number) => iso(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));

/** Newborn screening of a demo infant: most screened negative, a few positives in the recall chain, a few missed. */
async function seedScreening(
  services: Services,
  ctx: ReturnType<typeof systemContext>,
  personId: string,
  birthDate: string,
  rand: () => number,
) {
  const s = services.child.screenings;
  if (rand() < 0.05) return; // missed: shows on the missed-screening list
  const a = await s.addStep(ctx, personId, 'metabolic', {
    event: { step: 'sample', at: `${plus(birthDate, 3)}T10:00` },
  });
  const positive = rand() < 0.05;
  const b = await s.addStep(ctx, personId, 'metabolic', {
    event: { step: 'result', date: plus(birthDate, 8), result: positive ? 'suspected_positive' : 'negative' },
    version: a.version,
  });
  if (positive)
    await s.addStep(ctx, personId, 'metabolic', {
      event: { step: 'recall', date: plus(birthDate, 10) },
      version: b.version,
    });
  const refer = rand() < 0.05;
  await s.addStep(ctx, personId, 'hearing', {
    event: { step: 'initial', date: plus(birthDate, 2), left: refer ? 'refer' : 'pass', right: 'pass', method: 'OAE' },
  });
  await s.addStep(ctx, personId, 'heart', {
    event: { step: 'screen', at: `${plus(birthDate, 1)}T09:00`, spo2Hand: 98, spo2Foot: 97, murmurGrade: 0 },
  });
}

/** An HBV-exposed infant: the duties already due were done on time, the final status set after 12 months. */
async function seedExposure(
  services: Services,
  ctx: ReturnType<typeof systemContext>,
  personId: string,
  ageDays: number,
) {
  const e = services.child.exposure;
  let x = (await e.put(ctx, personId, { infections: ['hbv'], highExposure: false })).exposure;
  const todayIso = iso(new Date(Date.now() + 8 * 3_600_000));
  for (const d of x.duties) {
    const at = d.dueBy ? `${d.dueBy.slice(0, 10)}T${d.dueBy.slice(11, 13) > '02' ? '02' : '00'}:00` : d.dueDate;
    if (!at || at.slice(0, 10) > plus(todayIso, -14) || (!d.dueBy && !d.dueDate)) continue;
    x = await e.record(ctx, personId, {
      code: d.code,
      at,
      ...(d.category === 'test' ? { result: 'negative' } : {}),
      version: x.version,
    });
  }
  if (ageDays > 400)
    await e.final(ctx, personId, {
      infection: 'hbv',
      status: 'not_infected',
      decidedOn: plus(todayIso, -30),
      version: x.version,
    });
}

/**
 * Demo children: children of the demo women in each county, registered with birth data, with check-ups on the
 * national schedule up to today whose measurements follow the WHO standard with a child-specific z-score (so most
 * children are normal and a few fall below −2 SD or above +2 SD), Hb at 6–8, 18 and 30 months, and the cases the
 * check-ups propose (some confirmed, as a clinician would). Deterministic for a seed.
 */
export async function seedDemoChild(
  services: Services,
  log: (m: string) => void,
  opts: { seed?: number; perCounty?: number } = {},
) {
  const rand = rng(opts.seed ?? 20261123);
  const perCounty = opts.perCounty ?? 20;
  const today = new Date(Date.now() + 8 * 3_600_000);
  let children = 0;
  let checkups = 0;
  let confirmed = 0;
  for (const county of DEMO_COUNTIES) {
    const base = systemContext([county]);
    const { mothers, clinics } = await withScope(services.db, base, async (trx) => ({
      mothers: await trx
        .selectFrom('person')
        .select(['id', 'name', 'residence_region_code', 'birth_date'])
        .where('sex', '=', 'female')
        .where('is_synthetic', '=', true)
        .where('birth_date', '<=', '2001-01-01')
        .orderBy('id')
        .limit(perCounty)
        .execute(),
      // the primary-care clinics of the county manage the children and see them for their check-ups
      clinics: await demoClinics(trx, county),
    }));
    for (const [i, mother] of mothers.entries()) {
      const clinic = clinics[i % Math.max(clinics.length, 1)]?.id;
      const ctx = clinic ? { ...base, institutionId: clinic, displayName: '演示医生' } : base;
      const sex = rand() < 0.51 ? 'male' : 'female';
      const ageDays = 5 + Math.floor(rand() * 5 * 365);
      const birthDate = iso(new Date(today.getTime() - ageDays * 86_400_000));
      const preterm = rand() < 0.08;
      const weeks = preterm ? 32 + Math.floor(rand() * 5) : 37 + Math.floor(rand() * 5);
      const zw = normal(rand) * 0.75 + (rand() < 0.06 ? -2.2 : 0) + (rand() < 0.05 ? 2.3 : 0);
      const zl = normal(rand) * 0.8 + (zw < -2 ? -1 : 0);
      const birthWeight = Math.round((valueAt('wfa', sex, 0, zw) ?? 3.3) * 1000 * (preterm ? 0.7 : 1));
      const reg = await services.child.profiles.register(ctx, {
        name: `${mother.name.slice(0, 1)}${GIVEN[Math.floor(rand() * GIVEN.length)]!}`,
        sex,
        birthDate,
        idType: 'none',
        residenceRegionCode: mother.residence_region_code,
        motherId: mother.id,
        registrationReason: 'born_here',
        gestationalWeeks: weeks,
        gestationalDays: Math.floor(rand() * 7),
        birthWeightG: Math.min(6000, Math.max(800, birthWeight)),
        birthLengthCm: Math.round((valueAt('lhfa', sex, 0, zl) ?? 50) * 10) / 10,
        apgar1: rand() < 0.05 ? 6 : 9,
        apgar5: 10,
        multipleBirth: 1,
        healthHandbookNo: `ZS${county}${String(children + 1).padStart(5, '0')}`,
        ...(clinic ? { managingInstitutionId: clinic } : {}),
      });
      children++;
      const personId = reg.person.id;
      if (ageDays >= 10 && ageDays < 365) await seedScreening(services, ctx, personId, birthDate, rand);
      if (children % 25 === 3) await seedExposure(services, ctx, personId, ageDays);
      for (const m of AGES_MONTHS) {
        const visitDays = Math.round(m * DAYS_PER_MONTH + (rand() - 0.5) * 6);
        if (visitDays < 3 || visitDays > ageDays) continue;
        if (rand() < 0.1) continue; // a missed contact
        const visitDate = iso(new Date(today.getTime() - (ageDays - visitDays) * 86_400_000));
        const w = valueAt('wfa', sex, visitDays, zw + normal(rand) * 0.25);
        const l = valueAt('lhfa', sex, visitDays, zl + normal(rand) * 0.2);
        const h = valueAt('hcfa', sex, visitDays, normal(rand) * 0.8);
        const hbDue = m === 8 || m === 18 || m === 30;
        const out = await services.child.checkups.create(ctx, personId, {
          visitDate,
          kind: m === 0.25 ? 'newborn_visit' : m === 1 ? 'month1' : 'routine',
          ...(clinic ? { institutionId: clinic } : {}),
          ...(w ? { weightKg: Math.round(w * 100) / 100 } : {}),
          ...(l ? { lengthCm: Math.round(l * 10) / 10 } : {}),
          ...(h && m <= 36 ? { headCm: Math.round(h * 10) / 10 } : {}),
          ...(hbDue ? { hbGL: Math.round(120 + normal(rand) * 10) } : {}),
          ...(m < 6 ? { exclusiveBreastfeeding: rand() < 0.6, feeding: 'exclusive_breastfeeding' as const } : {}),
          vitaminDIu: m <= 24 ? 400 : 0,
          hearing: 'pass',
          eye: { result: 'normal' },
          guidance: ['feeding', 'development'],
        });
        checkups++;
        for (const p of out.checkup.proposals) {
          if (!p.caseId || p.existing || rand() < 0.3) continue;
          const c = await services.child.cases.get(ctx, p.caseId);
          const open = await services.child.cases.confirm(ctx, p.caseId, { version: c.version, openedOn: visitDate });
          confirmed++;
          // cases opened long ago were followed up and closed, as a clinic would have done
          const closeOn = plus(visitDate, 90);
          if (closeOn < iso(today)) {
            const fu = await services.child.cases.addFollowup(ctx, p.caseId, {
              followupDate: plus(visitDate, 30),
              treatment: '膳食与喂养指导',
            });
            await services.child.cases.close(ctx, p.caseId, {
              version: fu.case.version,
              closedOn: closeOn,
              outcome: 'improved',
              note: '随访3个月好转',
              override: false,
            });
            void open;
          }
        }
      }
    }
  }
  log(`演示儿童 demo children: ${children}, 体检 check-ups: ${checkups}, 确认专案 confirmed cases: ${confirmed}`);
}
