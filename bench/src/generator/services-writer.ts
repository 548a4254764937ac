import { systemContext, type Services } from '@fuyou/server';
import { withScope } from '@fuyou/db';
import type { Batch, Row } from './model';

/** Counts of what the services writer created. */
export interface ServiceWriteResult {
  people: number;
  children: number;
  checkups: number;
  casesConfirmed: number;
  skipped: number;
  calls: number;
}

const str = (v: unknown) => (v === null || v === undefined ? undefined : String(v));
const num = (v: unknown) => (v === null || v === undefined ? undefined : Number(v));

/**
 * Writes a generated batch through the services, as clinics would: every record validated by the module's rules
 * and audited. Women are registered in the person index; children with their birth data (directly, until the
 * delivery service of the maternal module is used here); check-ups through the child module, which computes the
 * z-scores and proposes cases (a share of them confirmed, as a clinician would). Rows carrying an injected data
 * error that the services would refuse are skipped.
 */
export async function writeBatchThroughServices(services: Services, batch: Batch): Promise<ServiceWriteResult> {
  const out: ServiceWriteResult = { people: 0, children: 0, checkups: 0, casesConfirmed: 0, skipped: 0, calls: 0 };
  const ctx = systemContext([batch.county]);
  const broken = new Set(batch.errors.map((e) => `${e.table}:${e.id}`));
  const people = batch.tables.get('person') ?? [];
  const women = people.filter((p) => p.id_type === 'resident_id');
  const byId = new Map(people.map((p) => [p.id as string, p]));

  // women, fifty to a transaction
  for (let k = 0; k < women.length; k += 50) {
    await withScope(services.db, ctx, async (trx) => {
      for (const w of women.slice(k, k + 50)) {
        await services.people.createInTx(
          trx,
          ctx,
          {
            id: w.id as string,
            name: w.name as string,
            sex: w.sex as 'female' | 'male',
            birthDate: w.birth_date as string,
            idType: 'resident_id',
            idNumber: w._idNumber as string,
            ...(w._phone ? { phone: w._phone as string } : {}),
            ethnicity: w.ethnicity as string,
            hukouRegionCode: w.hukou_region_code as string,
            residenceRegionCode: w.residence_region_code as string,
            address: w.address as string,
          },
          { synthetic: true },
        );
        out.people++;
        out.calls++;
      }
    });
  }

  // children with their birth data
  for (const p of batch.tables.get('child_profile') ?? []) {
    const person = byId.get(p.person_id as string);
    if (!person) continue;
    if (broken.has(`child_profile:${p.person_id}`)) {
      out.skipped++;
      continue;
    }
    await services.child.profiles.register(ctx, {
      id: person.id as string,
      name: person.name as string,
      sex: person.sex as 'male' | 'female',
      birthDate: person.birth_date as string,
      idType: 'none',
      residenceRegionCode: person.residence_region_code as string,
      ...(person.hukou_region_code ? { hukouRegionCode: person.hukou_region_code as string } : {}),
      ...(person.address ? { address: person.address as string } : {}),
      motherId: person.mother_id as string,
      registrationReason: 'born_here',
      ...(p.birth_time ? { birthTime: String(p.birth_time).slice(0, 5) } : {}),
      gestationalWeeks: num(p.gestational_weeks),
      gestationalDays: num(p.gestational_days),
      birthWeightG: num(p.birth_weight_g),
      birthLengthCm: num(p.birth_length_cm),
      birthHeadCm: num(p.birth_head_cm),
      apgar1: num(p.apgar_1),
      apgar5: num(p.apgar_5),
      multipleBirth: num(p.multiple_birth),
      birthOrder: num(p.birth_order),
      ...(p.birth_institution_id ? { birthInstitutionId: p.birth_institution_id as string } : {}),
      ...(p.managing_institution_id ? { managingInstitutionId: p.managing_institution_id as string } : {}),
      ...(p.discharged_on ? { dischargedOn: p.discharged_on as string } : {}),
      healthHandbookNo: str(p.health_handbook_no),
    } as never);
    out.children++;
    out.calls++;
  }

  // check-ups (the service computes z-scores, classification and proposals)
  for (const c of batch.tables.get('child_checkup') ?? []) {
    if (broken.has(`child_checkup:${c.id}`) || broken.has(`child_profile:${c.person_id}`)) {
      out.skipped++;
      continue;
    }
    const r = await services.child.checkups.create(ctx, c.person_id as string, checkupInput(c) as never);
    out.checkups++;
    out.calls++;
    for (const p of r.checkup.proposals) {
      if (!p.caseId || p.existing) continue;
      if (Number.parseInt((c.id as string).slice(0, 2), 16) / 256 >= 0.7) continue; // ~70% confirmed
      const kase = await services.child.cases.get(ctx, p.caseId);
      if (kase.status !== 'proposed') continue;
      await services.child.cases.confirm(ctx, p.caseId, { version: kase.version, openedOn: c.visit_date as string });
      out.casesConfirmed++;
      out.calls += 2;
    }
  }
  return out;
}

function checkupInput(c: Row) {
  const eye = JSON.parse((c.eye as string) ?? '{}') as { result?: string };
  return {
    id: c.id as string,
    visitDate: c.visit_date as string,
    kind: c.kind as string,
    contactKey: str(c.contact_key),
    ...(c.institution_id ? { institutionId: c.institution_id as string } : {}),
    weightKg: num(c.weight_kg),
    lengthCm: num(c.length_cm),
    measuredLying: c.measured_lying as boolean,
    ...(c.head_cm !== null ? { headCm: num(c.head_cm) } : {}),
    ...(c.hb_gl !== null ? { hbGL: num(c.hb_gl) } : {}),
    ...(c.feeding ? { feeding: c.feeding as string } : {}),
    ...(c.exclusive_breastfeeding !== null ? { exclusiveBreastfeeding: c.exclusive_breastfeeding as boolean } : {}),
    ...(c.vitamin_d_iu !== null ? { vitaminDIu: num(c.vitamin_d_iu) } : {}),
    ...(c.hearing ? { hearing: c.hearing as string } : {}),
    ...(eye.result ? { eye: { result: eye.result } } : {}),
    guidance: c.guidance as string[],
    ...(c.next_appointment ? { nextAppointment: c.next_appointment as string } : {}),
  };
}
