import { randomUUID } from 'node:crypto';
import { assessGrowth, type GrowthAssessment } from '@fuyou/core';
import { withScope, type Database, type Selectable, type Transaction, type ChildCheckupTable } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { ModuleDeps } from '../module-deps';
import {
  checkInstitution,
  daysBetween,
  json,
  loadChild,
  num,
  loadChildWithAltitude,
  today,
  type ChildProfileRow,
  type PersonRow,
} from './child.common';
import type { CheckupInput, CheckupUpdateInput } from './child.schemas';
import { childRules, type CaseProposal } from './child.rules';
import { refreshChildWork } from './worklist.refresh';

export type CheckupRow = Selectable<ChildCheckupTable>;

/** A check-up as the API returns it. */
export interface CheckupDto {
  id: string;
  personId: string;
  visitDate: string;
  kind: string;
  contactKey: string | null;
  ageDays: number;
  correctedAgeDays: number | null;
  institutionId: string | null;
  examiner: string | null;
  weightKg: number | null;
  lengthCm: number | null;
  measuredLying: boolean | null;
  headCm: number | null;
  bmi: number | null;
  temperatureC: number | null;
  hbGL: number | null;
  /** The altitude adjustment applied before the Hb cut-offs (海拔校正), null when none. */
  hbAltitude: { altitudeM: number; adjustmentGL: number } | null;
  feeding: string | null;
  exclusiveBreastfeeding: boolean | null;
  vitaminDIu: number | null;
  outdoorHours: number | null;
  exam: unknown;
  warningSigns: unknown;
  hearing: string | null;
  eye: unknown;
  teeth: unknown;
  ricketsSigns: string[];
  illness: unknown;
  guidance: string[];
  guidanceNote: string | null;
  referral: unknown;
  nextAppointment: string | null;
  zscores: { waz: number | null; lhaz: number | null; wlhz: number | null; bmiz: number | null; hcz: number | null };
  growthFlags: string[];
  growthReference: string | null;
  nutrition: unknown;
  proposals: CaseProposal[];
  version: number;
  createdAt: string;
}

export function toCheckupDto(r: CheckupRow): CheckupDto {
  return {
    id: r.id,
    personId: r.person_id,
    visitDate: r.visit_date,
    kind: r.kind,
    contactKey: r.contact_key,
    ageDays: r.age_days,
    correctedAgeDays: r.corrected_age_days,
    institutionId: r.institution_id,
    examiner: r.examiner,
    weightKg: num(r.weight_kg),
    lengthCm: num(r.length_cm),
    measuredLying: r.measured_lying,
    headCm: num(r.head_cm),
    bmi: num(r.bmi),
    temperatureC: num(r.temperature_c),
    hbGL: r.hb_gl,
    hbAltitude:
      r.hb_altitude_m !== null && r.hb_altitude_adjustment_gl !== null
        ? { altitudeM: r.hb_altitude_m, adjustmentGL: Number(r.hb_altitude_adjustment_gl) }
        : null,
    feeding: r.feeding,
    exclusiveBreastfeeding: r.exclusive_breastfeeding,
    vitaminDIu: r.vitamin_d_iu,
    outdoorHours: num(r.outdoor_hours),
    exam: r.exam,
    warningSigns: r.warning_signs,
    hearing: r.hearing,
    eye: r.eye,
    teeth: r.teeth,
    ricketsSigns: r.rickets_signs,
    illness: r.illness,
    guidance: r.guidance,
    guidanceNote: r.guidance_note,
    referral: r.referral,
    nextAppointment: r.next_appointment,
    zscores: { waz: num(r.waz), lhaz: num(r.lhaz), wlhz: num(r.wlhz), bmiz: num(r.bmiz), hcz: num(r.hcz) },
    growthFlags: r.growth_flags,
    growthReference: r.growth_reference,
    nutrition: r.nutrition,
    proposals: r.proposals as CaseProposal[],
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** What a check-up computes at save: ages, BMI, z-scores, classification, warning signs, case proposals. */
export interface CheckupEvaluation {
  ageDays: number;
  correctedAgeDays: number | null;
  measuredLying: boolean | null;
  bmi: number | null;
  growth: GrowthAssessment | null;
  nutrition: unknown[];
  hbAltitude: { altitudeM: number; adjustmentGL: number } | null;
  warningSigns: unknown;
  proposals: CaseProposal[];
}

/**
 * Validates a check-up against the child and computes everything stored with it. `altitudeM` is the altitude of
 * the child's residence (regional configuration), applied to the Hb before the anaemia cut-offs.
 */
export function evaluateCheckup(
  person: PersonRow,
  profile: ChildProfileRow,
  input: CheckupInput,
  altitudeM: number | null = null,
): CheckupEvaluation {
  if (!person.birth_date) throw errors.field('visitDate', '儿童出生日期未知，无法计算月龄', 'Unknown birth date');
  if (input.visitDate < person.birth_date)
    throw errors.field('visitDate', '检查日期不能早于出生日期', 'The visit is before the birth');
  if (input.visitDate > today())
    throw errors.field('visitDate', '检查日期不能晚于今天', 'The visit date is in the future');
  const ageDays = daysBetween(person.birth_date, input.visitDate);
  if (ageDays > 7 * 366) throw errors.field('visitDate', '儿童已超过7岁', 'The child is older than 7 years');
  if (input.exclusiveBreastfeeding && ageDays >= 183)
    throw errors.field(
      'exclusiveBreastfeeding',
      '纯母乳喂养（24小时回顾）只在6月龄以内记录',
      'Exclusive breastfeeding is recorded under 6 months only',
    );
  const measuredLying = input.lengthCm === undefined ? null : (input.measuredLying ?? ageDays < 731);
  let growth: GrowthAssessment | null = null;
  const sex = person.sex === 'male' || person.sex === 'female' ? person.sex : null;
  if (sex && (input.weightKg !== undefined || input.lengthCm !== undefined || input.headCm !== undefined)) {
    growth = assessGrowth({
      sex,
      ageDays,
      ...(input.weightKg !== undefined ? { weightKg: input.weightKg } : {}),
      ...(input.lengthCm !== undefined
        ? measuredLying
          ? { lengthCm: input.lengthCm, measuredLying: true }
          : { heightCm: input.lengthCm, measuredLying: false }
        : {}),
      ...(input.headCm !== undefined ? { headCm: input.headCm } : {}),
    });
  }
  const bmi =
    input.weightKg !== undefined && input.lengthCm !== undefined
      ? Math.round((input.weightKg / (input.lengthCm / 100) ** 2) * 100) / 100
      : null;
  const rules = childRules({ person, profile, ageDays, visitDate: input.visitDate, input, growth, altitudeM });
  return {
    ageDays,
    correctedAgeDays: rules.correctedAgeDays,
    measuredLying,
    bmi,
    growth,
    nutrition: rules.nutrition,
    hbAltitude: rules.hbAltitude,
    warningSigns: rules.warningSigns,
    proposals: rules.proposals,
  };
}

function columns(input: CheckupInput, ev: CheckupEvaluation) {
  const g = ev.growth;
  const z = (k: 'waz' | 'lhaz' | 'wlhz' | 'bmiz' | 'hcz') => (g && g[k] !== undefined ? g[k] : null);
  const standards = g ? [...new Set(Object.values(g.standards))].join(',') : '';
  return {
    visit_date: input.visitDate,
    kind: input.kind,
    contact_key: input.contactKey ?? null,
    age_days: ev.ageDays,
    corrected_age_days: ev.correctedAgeDays,
    institution_id: input.institutionId ?? null,
    examiner: input.examiner ?? null,
    weight_kg: input.weightKg ?? null,
    length_cm: input.lengthCm ?? null,
    measured_lying: ev.measuredLying,
    head_cm: input.headCm ?? null,
    bmi: ev.bmi,
    temperature_c: input.temperatureC ?? null,
    hb_gl: input.hbGL ?? null,
    feeding: input.feeding ?? null,
    exclusive_breastfeeding: input.exclusiveBreastfeeding ?? null,
    vitamin_d_iu: input.vitaminDIu ?? null,
    outdoor_hours: input.outdoorHours ?? null,
    exam: json(input.exam ?? {}),
    warning_signs: json(ev.warningSigns ?? {}),
    hearing: input.hearing ?? null,
    eye: json(input.eye ?? {}),
    teeth: json(input.teeth ?? {}),
    rickets_signs: input.ricketsSigns ?? [],
    illness: json(input.illness ?? []),
    guidance: input.guidance ?? [],
    guidance_note: input.guidanceNote ?? null,
    referral: input.referral ? json(input.referral) : null,
    next_appointment: input.nextAppointment ?? null,
    waz: z('waz'),
    lhaz: z('lhaz'),
    wlhz: z('wlhz'),
    bmiz: z('bmiz'),
    hcz: z('hcz'),
    growth_flags: g?.flags ?? [],
    growth_reference: standards || null,
    nutrition: json(ev.nutrition),
    proposals: json(ev.proposals),
    hb_altitude_m: ev.hbAltitude?.altitudeM ?? null,
    hb_altitude_adjustment_gl: ev.hbAltitude?.adjustmentGL ?? null,
  };
}

/** What opening the cases of a check-up's proposals needs of the check-up. */
export type ProposingCheckup = Pick<CheckupRow, 'county_code' | 'id' | 'person_id' | 'visit_date' | 'institution_id'>;

/** Check-ups: record (computing z-scores, classification and case proposals), correct, list. */
export function createCheckupService(
  deps: ModuleDeps,
  hooks: {
    /** Opens proposed cases for the proposals of a check-up; returns the proposals with their case ids. */
    propose(
      trx: Transaction<Database>,
      ctx: AuthContext,
      checkup: ProposingCheckup,
      proposals: CaseProposal[],
    ): Promise<CaseProposal[]>;
    /** Records a referral made at a check-up. */
    refer(
      trx: Transaction<Database>,
      ctx: AuthContext,
      checkup: CheckupRow,
      referral: NonNullable<CheckupInput['referral']>,
    ): Promise<void>;
  },
) {
  const { db, audit } = deps;

  async function checkRefs(trx: Transaction<Database>, input: CheckupInput) {
    await checkInstitution(trx, input.institutionId, 'institutionId');
    await checkInstitution(trx, input.referral?.toInstitutionId, 'referral.toInstitutionId');
    if (input.nextAppointment && input.nextAppointment <= input.visitDate)
      throw errors.field(
        'nextAppointment',
        '下次随访日期应晚于本次检查日期',
        'The next appointment is not after the visit',
      );
  }

  return {
    async create(
      ctx: AuthContext,
      personId: string,
      input: CheckupInput,
    ): Promise<{ checkup: CheckupDto; created: boolean }> {
      return withScope(db, ctx, async (trx) => {
        const { person, profile, altitudeM } = await loadChildWithAltitude(trx, personId);
        if (input.id) {
          const existing = await trx
            .selectFrom('child_checkup')
            .selectAll()
            .where('county_code', '=', profile.county_code)
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (existing) {
            if (existing.person_id !== personId || existing.created_by !== ctx.userId)
              throw errors.conflict('ID_TAKEN', '编号已被使用', 'This id is taken');
            return { checkup: toCheckupDto(existing), created: false };
          }
        }
        await checkRefs(trx, input);
        const ev = evaluateCheckup(person, profile, input, altitudeM);
        const id = input.id ?? randomUUID();
        const institutionId = input.institutionId ?? ctx.institutionId ?? undefined;
        // the proposed cases first (a case names its check-up by id, without a foreign key), so that the check-up
        // is written once, with its proposals' case ids
        const proposals = ev.proposals.length
          ? await hooks.propose(
              trx,
              ctx,
              {
                county_code: profile.county_code,
                id,
                person_id: personId,
                visit_date: input.visitDate,
                institution_id: institutionId ?? null,
              },
              ev.proposals,
            )
          : ev.proposals;
        const row = await trx
          .insertInto('child_checkup')
          .values({
            county_code: profile.county_code,
            id,
            person_id: personId,
            ...columns({ ...input, institutionId }, ev),
            proposals: json(proposals),
            created_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        if (input.referral) await hooks.refer(trx, ctx, row, input.referral);
        await audit.write(trx, ctx, {
          action: 'child.checkup.create',
          entityType: 'child_checkup',
          entityId: id,
          personId,
          countyCode: profile.county_code,
          details: { flags: ev.growth?.flags ?? [], proposals: proposals.map((p) => p.kind) },
        });
        await refreshChildWork(trx, deps.crypto, profile.county_code, personId);
        return { checkup: toCheckupDto(row), created: true };
      });
    },

    async update(ctx: AuthContext, personId: string, id: string, input: CheckupUpdateInput): Promise<CheckupDto> {
      return withScope(db, ctx, async (trx) => {
        const { person, profile, altitudeM } = await loadChildWithAltitude(trx, personId);
        const existing = await trx
          .selectFrom('child_checkup')
          .selectAll()
          .where('county_code', '=', profile.county_code)
          .where('id', '=', id)
          .where('person_id', '=', personId)
          .executeTakeFirst();
        if (!existing) throw errors.notFound('体检记录', 'check-up');
        if (existing.version !== input.version) throw errors.staleVersion(existing.version);
        await checkRefs(trx, input);
        const ev = evaluateCheckup(person, profile, input, altitudeM);
        const updated = await trx
          .updateTable('child_checkup')
          .set({ ...columns(input, ev), version: existing.version + 1, updated_at: new Date() })
          .where('county_code', '=', existing.county_code)
          .where('id', '=', id)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        const proposals = await hooks.propose(trx, ctx, updated, ev.proposals);
        const final = await trx
          .updateTable('child_checkup')
          .set({ proposals: json(proposals) })
          .where('county_code', '=', updated.county_code)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'child.checkup.update',
          entityType: 'child_checkup',
          entityId: id,
          personId,
          countyCode: existing.county_code,
        });
        await refreshChildWork(trx, deps.crypto, existing.county_code, personId);
        return toCheckupDto(final);
      });
    },

    async list(ctx: AuthContext, personId: string): Promise<CheckupDto[]> {
      return withScope(db, ctx, async (trx) => {
        const { profile } = await loadChild(trx, personId);
        const rows = await trx
          .selectFrom('child_checkup')
          .selectAll()
          .where('county_code', '=', profile.county_code)
          .where('person_id', '=', personId)
          .orderBy('visit_date')
          .orderBy('created_at')
          .execute();
        await audit.read(trx, ctx, {
          action: 'child.checkup.list',
          entityType: 'child_checkup',
          personId,
          countyCode: profile.county_code,
        });
        return rows.map(toCheckupDto);
      });
    },

    async get(ctx: AuthContext, personId: string, id: string): Promise<CheckupDto> {
      return withScope(db, ctx, async (trx) => {
        const { profile } = await loadChild(trx, personId);
        const row = await trx
          .selectFrom('child_checkup')
          .selectAll()
          .where('county_code', '=', profile.county_code)
          .where('id', '=', id)
          .where('person_id', '=', personId)
          .executeTakeFirst();
        if (!row) throw errors.notFound('体检记录', 'check-up');
        await audit.read(trx, ctx, {
          action: 'child.checkup.read',
          entityType: 'child_checkup',
          entityId: id,
          personId,
          countyCode: profile.county_code,
        });
        return toCheckupDto(row);
      });
    },
  };
}
export type CheckupService = ReturnType<typeof createCheckupService>;
