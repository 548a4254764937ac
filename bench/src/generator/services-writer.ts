import { systemContext, type Services } from '@fuyou/server';
import { withScope } from '@fuyou/db';
import type { Batch, Row } from './model';

/** Counts of what the services writer created, and of the calls the services refused. */
export interface ServiceWriteResult {
  people: number;
  pregnancies: number;
  visits: number;
  deliveries: number;
  children: number;
  checkups: number;
  casesConfirmed: number;
  skipped: number;
  refused: number;
  calls: number;
}

/** An empty result. */
export function emptyServiceResult(): ServiceWriteResult {
  return {
    people: 0,
    pregnancies: 0,
    visits: 0,
    deliveries: 0,
    children: 0,
    checkups: 0,
    casesConfirmed: 0,
    skipped: 0,
    refused: 0,
    calls: 0,
  };
}

const str = (v: unknown) => (v === null || v === undefined ? undefined : String(v));
const num = (v: unknown) => (v === null || v === undefined ? undefined : Number(v));
/** Keeps only the defined values (the services' zod types reject explicit undefined under exactOptional). */
const defined = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;

function groupBy(rows: readonly Row[] | undefined, key: string): Map<string, Row[]> {
  const m = new Map<string, Row[]>();
  for (const r of rows ?? []) {
    const k = r[key] as string;
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/**
 * Writes a generated batch through the services, as clinics would: every record validated by the modules' rules
 * and audited. Per woman: the person, the pregnancy with its registration assessment, the antenatal visits (the
 * ~28-week one with a re-assessment), PMTCT tests, prenatal screening, the delivery (whose live births open the
 * children's records in the child module), postpartum visits, or the end of a lost pregnancy; then the children's
 * check-ups (the child module computes z-scores and proposes cases, ~70% confirmed). A record a service refuses
 * is counted and skipped (`log` gets the first few reasons), so that a rule tightened in a module never stops
 * the demo; rows carrying an injected data error are skipped too.
 */
export async function writeBatchThroughServices(
  services: Services,
  batch: Batch,
  log: (m: string) => void = () => {},
): Promise<ServiceWriteResult> {
  const out = emptyServiceResult();
  const ctx = systemContext([batch.county]);
  const broken = new Set(batch.errors.map((e) => `${e.table}:${e.id}`));
  const t = batch.tables;
  const pregnancies = t.get('pregnancy') ?? [];
  const mothers = new Set(pregnancies.map((p) => p.person_id as string));
  const people = t.get('person') ?? [];
  const women = people.filter((p) => mothers.has(p.id as string));
  const byId = new Map(people.map((p) => [p.id as string, p]));
  const visits = groupBy(t.get('anc_visit'), 'pregnancy_id');
  const assessments = new Map((t.get('risk_assessment') ?? []).map((a) => [a.id as string, a]));
  const tests = groupBy(t.get('pmtct_test'), 'pregnancy_id');
  const screenings = groupBy(t.get('prenatal_screening'), 'pregnancy_id');
  const deliveries = new Map((t.get('delivery') ?? []).map((d) => [d.pregnancy_id as string, d]));
  const outcomes = groupBy(t.get('birth_outcome'), 'delivery_id');
  const postpartum = groupBy(t.get('postpartum_visit'), 'pregnancy_id');
  const profiles = new Map((t.get('child_profile') ?? []).map((p) => [p.person_id as string, p]));
  const checkups = t.get('child_checkup') ?? [];
  /** Generated child id → the id the delivery service gave the child. */
  const childIds = new Map<string, string>();
  let reported = 0;

  async function call<T>(what: string, fn: () => Promise<T>): Promise<T | null> {
    out.calls++;
    try {
      return await fn();
    } catch (e) {
      out.refused++;
      if (reported++ < 5) {
        const err = e as { messageEn?: string; message?: string; fields?: Array<{ field: string; messageEn: string }> };
        log(
          `  服务拒绝 refused ${what}: ${err.messageEn ?? err.message}${err.fields ? ` ${JSON.stringify(err.fields)}` : ''}`,
        );
      }
      return null;
    }
  }
  const m = services.maternal;

  // the women, fifty to a transaction
  for (let k = 0; k < women.length; k += 50) {
    await withScope(services.db, ctx, async (trx) => {
      for (const w of women.slice(k, k + 50)) {
        await services.people.createInTx(
          trx,
          ctx,
          defined({
            id: w.id as string,
            name: w.name as string,
            sex: w.sex as 'female',
            birthDate: w.birth_date as string,
            idType: 'resident_id' as const,
            idNumber: w._idNumber as string,
            phone: str(w._phone),
            ethnicity: w.ethnicity as string,
            hukouRegionCode: w.hukou_region_code as string,
            residenceRegionCode: w.residence_region_code as string,
            address: w.address as string,
          }),
          { synthetic: true },
        );
        out.people++;
        out.calls++;
      }
    });
  }

  for (const p of pregnancies) {
    const pid = p.id as string;
    const regAssessment = (visits.get(pid) ?? [])[0]?.risk_assessment_id as string | undefined;
    const reg = await call('pregnancy', () =>
      m.pregnancies.register(
        ctx,
        defined({
          id: pid,
          personId: p.person_id as string,
          registeredOn: p.registered_on as string,
          registeringInstitutionId: str(p.registering_institution_id),
          handbookNo: str(p.handbook_no),
          lmp: str(p.lmp),
          gravidity: p.gravidity as number,
          parity: p.parity as number,
          previousCaesareans: p.previous_caesareans as number,
          spontaneousAbortions: p.spontaneous_abortions as number,
          inducedAbortions: 0,
          pretermBirths: 0,
          stillbirths: 0,
          birthDefects: 0,
          ectopicPregnancies: 0,
          molarPregnancies: 0,
          previousUterineSurgeries: p.previous_uterine_surgeries as number,
          lastBirthOn: str(p.last_birth_on),
          historyItems: [],
          heightCm: num(p.height_cm),
          prePregnancyWeightKg: num(p.pre_pregnancy_weight_kg),
          fetuses: p.fetuses as number,
          assessment: regAssessment
            ? { items: (assessments.get(regAssessment)?.ticked_items as string[]) ?? [] }
            : undefined,
        }) as never,
      ),
    );
    if (!reg) continue;
    out.pregnancies++;
    for (const test of tests.get(pid) ?? []) {
      const result = (JSON.parse(test._result as string) as { result: string }).result;
      await call('PMTCT test', () =>
        m.pmtct.addTest(ctx, pid, {
          id: test.id as string,
          infection: test.infection as 'hiv',
          testedOn: test.tested_on as string,
          result: result as 'negative',
          atLabour: false,
        }),
      );
    }
    for (const [k, v] of (visits.get(pid) ?? []).entries()) {
      if (broken.has(`anc_visit:${v.id}`)) {
        out.skipped++;
        continue;
      }
      // the generator writes the labs with the server's keys (labsSchema); they are posted as they are
      const labs = JSON.parse(v.labs as string) as Record<string, unknown>;
      const assessment = k > 0 && v.risk_assessment_id ? assessments.get(v.risk_assessment_id as string) : undefined;
      const r = await call('antenatal visit', () =>
        m.visits.create(
          ctx,
          pid,
          defined({
            id: v.id as string,
            visitDate: v.visit_date as string,
            institutionId: str(v.institution_id),
            weightKg: num(v.weight_kg),
            systolicMmHg: num(v.systolic_mmhg),
            diastolicMmHg: num(v.diastolic_mmhg),
            fundalHeightCm: num(v.fundal_height_cm),
            abdominalCircumferenceCm: num(v.abdominal_circumference_cm),
            fetalHeartRates: (v.fetal_heart_rates as number[]).length ? (v.fetal_heart_rates as number[]) : undefined,
            presentation: str(v.presentation),
            oedema: str(v.oedema),
            labs,
            nextAppointment: str(v.next_appointment),
            assessment: assessment ? { items: assessment.ticked_items as string[] } : undefined,
          }) as never,
        ),
      );
      if (r) out.visits++;
    }
    for (const s of screenings.get(pid) ?? []) {
      await call('prenatal screening', () =>
        m.screening.create(
          ctx,
          pid,
          defined({
            id: s.id as string,
            method: s.method as 'cfdna',
            screenedOn: s.screened_on as string,
            institutionId: str(s.institution_id),
            t21: s.t21 as 'low',
            t18: s.t18 as 'low',
            ntd: s.ntd as 'low',
          }) as never,
        ),
      );
    }
    const d = deliveries.get(pid);
    if (d && !broken.has(`delivery:${d.id}`)) {
      const babies = (outcomes.get(d.id as string) ?? []).sort(
        (a, b) => (a.birth_order as number) - (b.birth_order as number),
      );
      const r = await call('delivery', () =>
        m.deliveries.record(
          ctx,
          pid,
          defined({
            id: d.id as string,
            deliveryDate: d.delivery_date as string,
            deliveryTime: str(d.delivery_time),
            place: d.place as 'institution',
            institutionId: str(d.institution_id),
            mode: d.mode as 'spontaneous',
            caesareanIndication: str(d.caesarean_indication),
            caesareanNoMedicalIndication: d.caesarean_no_medical_indication as boolean,
            complications: (d.complications as string[]).length ? ['pph'] : [],
            bloodLossMl: num(d.blood_loss_ml),
            maternalCondition: d.maternal_condition === 'died' ? 'complicated' : (d.maternal_condition as 'good'),
            dischargedOn: str(d.discharged_on),
            babies: babies.map((b) =>
              defined({
                outcome: b.outcome as 'live_birth',
                sex: b.sex as 'male',
                name: b.child_person_id ? str(byId.get(b.child_person_id as string)?.name) : undefined,
                weightG: num(b.weight_g),
                lengthCm: num(b.length_cm),
                apgar1: num(b.apgar_1),
                apgar5: num(b.apgar_5),
                defects: b.defects as string[],
                resuscitation: b.resuscitation as boolean,
              }),
            ),
          }) as never,
        ),
      );
      if (r) {
        out.deliveries++;
        const made = r.delivery.babies;
        babies.forEach((b, k) => {
          const real = made[k]?.childPersonId;
          if (b.child_person_id && real) {
            childIds.set(b.child_person_id as string, real);
            out.children++;
          }
        });
      }
      for (const v of postpartum.get(pid) ?? []) {
        await call('postpartum visit', () =>
          m.deliveries.postpartumVisit(
            ctx,
            pid,
            defined({
              id: v.id as string,
              kind: v.kind as 'home_visit',
              visitDate: v.visit_date as string,
              institutionId: str(v.institution_id),
              temperatureC: num(v.temperature_c),
              systolicMmHg: num(v.systolic_mmhg),
              diastolicMmHg: num(v.diastolic_mmhg),
              hbGL: num(v.hb_gl),
              breastfeeding: str(v.breastfeeding),
              epdsScores: v.epds_scores as number[] | null,
              epdsAction: str(v.epds_action),
              pelvicFloor: str(v.pelvic_floor),
              assessment: str(v.assessment),
              contraceptionCounselled: v.contraception_counselled as boolean | null,
            }) as never,
          ),
        );
      }
    } else if (p.status === 'closed' && p.end_reason !== 'postpartum_completed' && p.end_reason !== 'maternal_death') {
      const current = await call('pregnancy', () => m.pregnancies.get(ctx, pid));
      if (current)
        await call('end of pregnancy', () =>
          m.pregnancies.end(ctx, pid, {
            version: current.version,
            reason: p.end_reason as 'miscarriage',
            endedOn: p.ended_on as string,
          }),
        );
    }
  }

  // children the delivery service did not create (a refused delivery): registered directly
  for (const [generated, profile] of profiles) {
    if (childIds.has(generated)) continue;
    const person = byId.get(generated);
    if (!person || broken.has(`child_profile:${generated}`)) continue;
    const r = await call('child', () =>
      services.child.profiles.register(
        ctx,
        defined({
          id: generated,
          name: person.name as string,
          sex: person.sex as 'male',
          birthDate: person.birth_date as string,
          idType: 'none' as const,
          residenceRegionCode: person.residence_region_code as string,
          hukouRegionCode: str(person.hukou_region_code),
          address: str(person.address),
          motherId: mothers.has(person.mother_id as string) ? (person.mother_id as string) : undefined,
          registrationReason: 'born_here' as const,
          gestationalWeeks: num(profile.gestational_weeks),
          gestationalDays: num(profile.gestational_days),
          birthWeightG: num(profile.birth_weight_g),
          birthLengthCm: num(profile.birth_length_cm),
          apgar1: num(profile.apgar_1),
          apgar5: num(profile.apgar_5),
          multipleBirth: num(profile.multiple_birth),
          birthOrder: num(profile.birth_order),
          managingInstitutionId: str(profile.managing_institution_id),
        }) as never,
      ),
    );
    if (r) {
      childIds.set(generated, generated);
      out.children++;
    }
  }

  // check-ups (the child module computes z-scores, classification and case proposals)
  for (const c of checkups) {
    const child = childIds.get(c.person_id as string);
    if (!child || broken.has(`child_checkup:${c.id}`)) {
      out.skipped++;
      continue;
    }
    const r = await call('check-up', () => services.child.checkups.create(ctx, child, checkupInput(c) as never));
    if (!r) continue;
    out.checkups++;
    for (const p of r.checkup.proposals) {
      if (!p.caseId || p.existing) continue;
      if (Number.parseInt((c.id as string).slice(0, 2), 16) / 256 >= 0.7) continue; // ~70% confirmed
      const kase = await call('case', () => services.child.cases.get(ctx, p.caseId!));
      if (!kase || kase.status !== 'proposed') continue;
      const ok = await call('case confirmation', () =>
        services.child.cases.confirm(ctx, p.caseId!, { version: kase.version, openedOn: c.visit_date as string }),
      );
      if (ok) out.casesConfirmed++;
    }
  }
  // the children the delivery and child services opened are people of the synthetic population too
  const children = [...childIds.values()];
  if (children.length)
    await withScope(services.db, { counties: [batch.county] }, (trx) =>
      trx
        .updateTable('person')
        .set({ is_synthetic: true })
        .where('county_code', '=', batch.county)
        .where('id', 'in', children)
        .execute(),
    );
  return out;
}

function checkupInput(c: Row) {
  const eye = JSON.parse((c.eye as string) ?? '{}') as { result?: string };
  return defined({
    id: c.id as string,
    visitDate: c.visit_date as string,
    kind: c.kind as string,
    contactKey: str(c.contact_key),
    institutionId: str(c.institution_id),
    weightKg: num(c.weight_kg),
    lengthCm: num(c.length_cm),
    measuredLying: c.measured_lying as boolean,
    headCm: num(c.head_cm),
    hbGL: num(c.hb_gl),
    feeding: str(c.feeding),
    exclusiveBreastfeeding: c.exclusive_breastfeeding as boolean | null,
    vitaminDIu: num(c.vitamin_d_iu),
    hearing: str(c.hearing),
    eye: eye.result ? { result: eye.result } : undefined,
    guidance: c.guidance as string[],
    nextAppointment: str(c.next_appointment),
  });
}
