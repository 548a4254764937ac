import { sql, withScope, type Database, type Transaction } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { ModuleDeps } from '../module-deps';
import type { PersonDto } from '../people/person.schemas';
import {
  checkInstitution,
  daysBetween,
  institutionNames,
  loadChild,
  num,
  today,
  type ChildProfileRow,
  type PersonRow,
} from './child.common';
import type { ChildProfileInput, ChildProfilePutInput, ChildRegisterInput } from './child.schemas';
import { refreshChildWork } from './worklist.refresh';

/** A child's profile as the API returns it. */
export interface ChildProfileDto {
  personId: string;
  countyCode: string;
  source: 'delivery' | 'direct';
  registrationReason: string | null;
  deliveryId: string | null;
  birthOutcomeId: string | null;
  birthTime: string | null;
  gestationalWeeks: number | null;
  gestationalDays: number | null;
  birthWeightG: number | null;
  birthLengthCm: number | null;
  birthHeadCm: number | null;
  apgar1: number | null;
  apgar5: number | null;
  apgar10: number | null;
  birthDefects: string[];
  multipleBirth: number;
  birthOrder: number | null;
  birthInstitutionId: string | null;
  birthInstitutionName: string | null;
  birthPlace: string | null;
  neonatalConditions: string[];
  dischargedOn: string | null;
  healthHandbookNo: string | null;
  vaccinationHandbookNo: string | null;
  managingInstitutionId: string | null;
  managingInstitutionName: string | null;
  status: 'active' | 'closed';
  version: number;
}

/** A child in lists: the person (masked), age and the profile essentials. */
export interface ChildListItem {
  personId: string;
  name: string;
  sex: string;
  birthDate: string | null;
  ageDays: number | null;
  motherId: string | null;
  residenceRegionCode: string;
  residenceRegionName: string | null;
  gestationalWeeks: number | null;
  birthWeightG: number | null;
  managingInstitutionName: string | null;
  healthHandbookNo: string | null;
}

export function toProfileDto(r: ChildProfileRow, names: Map<string, string> = new Map()): ChildProfileDto {
  return {
    personId: r.person_id,
    countyCode: r.county_code,
    source: r.source,
    registrationReason: r.registration_reason,
    deliveryId: r.delivery_id,
    birthOutcomeId: r.birth_outcome_id,
    birthTime: r.birth_time ? r.birth_time.slice(0, 5) : null,
    gestationalWeeks: r.gestational_weeks,
    gestationalDays: r.gestational_days,
    birthWeightG: r.birth_weight_g,
    birthLengthCm: num(r.birth_length_cm),
    birthHeadCm: num(r.birth_head_cm),
    apgar1: r.apgar_1,
    apgar5: r.apgar_5,
    apgar10: r.apgar_10,
    birthDefects: r.birth_defects,
    multipleBirth: r.multiple_birth,
    birthOrder: r.birth_order,
    birthInstitutionId: r.birth_institution_id,
    birthInstitutionName: r.birth_institution_id ? (names.get(r.birth_institution_id) ?? null) : null,
    birthPlace: r.birth_place,
    neonatalConditions: r.neonatal_conditions,
    dischargedOn: r.discharged_on,
    healthHandbookNo: r.health_handbook_no,
    vaccinationHandbookNo: r.vaccination_handbook_no,
    managingInstitutionId: r.managing_institution_id,
    managingInstitutionName: r.managing_institution_id ? (names.get(r.managing_institution_id) ?? null) : null,
    status: r.status,
    version: r.version,
  };
}

/** Columns of the profile fields present in `input` (undefined fields are left alone). */
function profileColumns(input: ChildProfileInput) {
  const set: Record<string, unknown> = {};
  const map: [keyof ChildProfileInput, string][] = [
    ['registrationReason', 'registration_reason'],
    ['deliveryId', 'delivery_id'],
    ['birthOutcomeId', 'birth_outcome_id'],
    ['birthTime', 'birth_time'],
    ['gestationalWeeks', 'gestational_weeks'],
    ['gestationalDays', 'gestational_days'],
    ['birthWeightG', 'birth_weight_g'],
    ['birthLengthCm', 'birth_length_cm'],
    ['birthHeadCm', 'birth_head_cm'],
    ['apgar1', 'apgar_1'],
    ['apgar5', 'apgar_5'],
    ['apgar10', 'apgar_10'],
    ['birthDefects', 'birth_defects'],
    ['multipleBirth', 'multiple_birth'],
    ['birthOrder', 'birth_order'],
    ['birthInstitutionId', 'birth_institution_id'],
    ['birthPlace', 'birth_place'],
    ['neonatalConditions', 'neonatal_conditions'],
    ['dischargedOn', 'discharged_on'],
    ['healthHandbookNo', 'health_handbook_no'],
    ['vaccinationHandbookNo', 'vaccination_handbook_no'],
    ['managingInstitutionId', 'managing_institution_id'],
  ];
  for (const [k, col] of map) if (input[k] !== undefined) set[col] = input[k];
  return set;
}

/** Cross-field checks of the birth data against the person's birth date. */
async function checkProfile(
  trx: Transaction<Database>,
  birthDate: string | null,
  merged: {
    gestationalWeeks?: number | null | undefined;
    gestationalDays?: number | null | undefined;
    multipleBirth?: number | null | undefined;
    birthOrder?: number | null | undefined;
    dischargedOn?: string | null | undefined;
  },
  input: ChildProfileInput,
) {
  if (merged.gestationalDays != null && merged.gestationalWeeks == null)
    throw errors.field('gestationalWeeks', '填写孕天时请填写孕周', 'Enter the weeks with the days');
  if (merged.birthOrder != null && merged.birthOrder > (merged.multipleBirth ?? 1))
    throw errors.field('birthOrder', '出生顺序不能大于胎数', 'The birth order exceeds the number of babies');
  if (merged.dischargedOn && birthDate && merged.dischargedOn < birthDate)
    throw errors.field('dischargedOn', '出院日期不能早于出生日期', 'Discharge before birth');
  if (merged.dischargedOn && merged.dischargedOn > today())
    throw errors.field('dischargedOn', '出院日期不能晚于今天', 'Discharge date in the future');
  await checkInstitution(trx, input.birthInstitutionId, 'birthInstitutionId');
  await checkInstitution(trx, input.managingInstitutionId, 'managingInstitutionId');
}

/** Creates, completes and lists child records. */
export function createProfileService(deps: ModuleDeps) {
  const { db, audit, people, regions } = deps;

  async function dtoOf(trx: Transaction<Database>, row: ChildProfileRow) {
    return toProfileDto(row, await institutionNames(trx, [row.birth_institution_id, row.managing_institution_id]));
  }

  async function insertProfile(
    trx: Transaction<Database>,
    ctx: AuthContext,
    person: { id: string; countyCode: string; birthDate: string | null },
    source: 'delivery' | 'direct',
    input: ChildProfileInput,
  ) {
    await checkProfile(trx, person.birthDate, input, input);
    const row = await trx
      .insertInto('child_profile')
      .values({
        county_code: person.countyCode,
        person_id: person.id,
        source,
        ...(profileColumns(input) as object),
        managing_institution_id: input.managingInstitutionId ?? ctx.institutionId ?? null,
        created_by: ctx.userId,
      } as never)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit.write(trx, ctx, {
      action: 'child.profile.create',
      entityType: 'child_profile',
      entityId: person.id,
      personId: person.id,
      countyCode: person.countyCode,
      details: { source },
    });
    await refreshChildWork(trx, deps.crypto, person.countyCode, person.id);
    return row;
  }

  return {
    /**
     * For the maternal module: opens the profile of a child it has just created from a live birth, inside its
     * transaction (delivery and birth-outcome ids kept as plain links).
     */
    async createFromBirthInTx(
      trx: Transaction<Database>,
      ctx: AuthContext,
      person: { id: string; countyCode: string; birthDate: string | null },
      input: ChildProfileInput,
    ): Promise<ChildProfileDto> {
      return dtoOf(trx, await insertProfile(trx, ctx, person, 'delivery', input));
    },

    /** Registers a child directly (born elsewhere, moved in): the person and the profile in one transaction. */
    async register(
      ctx: AuthContext,
      input: ChildRegisterInput,
    ): Promise<{ person: PersonDto; profile: ChildProfileDto; created: boolean }> {
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await trx
            .selectFrom('child_profile')
            .selectAll()
            .where('person_id', '=', input.id)
            .executeTakeFirst();
          if (existing) {
            if (existing.created_by !== ctx.userId)
              throw errors.conflict('ID_TAKEN', '编号已被使用', 'This id is taken');
            const p = await trx.selectFrom('person').selectAll().where('id', '=', input.id).executeTakeFirstOrThrow();
            return { person: people.toDto(p), profile: await dtoOf(trx, existing), created: false };
          }
        }
        const { id, name, sex, birthDate, idType, idNumber, phone, ethnicity, hukouRegionCode } = input;
        const { residenceRegionCode, address, motherId } = input;
        const person = await people.createInTx(trx, ctx, {
          ...(id ? { id } : {}),
          name,
          sex,
          birthDate,
          idType,
          ...(idNumber ? { idNumber } : {}),
          ...(phone ? { phone } : {}),
          ...(ethnicity ? { ethnicity } : {}),
          ...(hukouRegionCode ? { hukouRegionCode } : {}),
          residenceRegionCode,
          ...(address ? { address } : {}),
          ...(motherId ? { motherId } : {}),
        });
        if (input.birthTime)
          await trx
            .updateTable('person')
            .set({ birth_time: input.birthTime })
            .where('county_code', '=', person.countyCode)
            .where('id', '=', person.id)
            .execute();
        const row = await insertProfile(trx, ctx, person, input.deliveryId ? 'delivery' : 'direct', {
          registrationReason: input.registrationReason ?? 'born_elsewhere',
          ...input,
        });
        return { person, profile: await dtoOf(trx, row), created: true };
      });
    },

    /** Completes the profile of a child (creates it for a child made from a delivery that has none yet). */
    async putProfile(
      ctx: AuthContext,
      personId: string,
      input: ChildProfilePutInput,
    ): Promise<{ profile: ChildProfileDto; created: boolean }> {
      return withScope(db, ctx, async (trx) => {
        const person = await trx.selectFrom('person').selectAll().where('id', '=', personId).executeTakeFirst();
        if (!person) throw errors.notFound('儿童档案', 'child');
        const existing = await trx
          .selectFrom('child_profile')
          .selectAll()
          .where('county_code', '=', person.county_code)
          .where('person_id', '=', personId)
          .executeTakeFirst();
        if (!existing) {
          if (person.birth_date && daysBetween(person.birth_date, today()) > 7 * 366)
            throw errors.field('personId', '该人员已超过7岁，不能建立儿童档案', 'Older than 7 years: not a child');
          const source = input.deliveryId || person.mother_id ? 'delivery' : 'direct';
          const row = await insertProfile(
            trx,
            ctx,
            { id: person.id, countyCode: person.county_code, birthDate: person.birth_date },
            source,
            input,
          );
          return { profile: await dtoOf(trx, row), created: true };
        }
        if (input.version === undefined)
          throw errors.field('version', '修改已有档案时请提供版本号', 'Give the version to change a profile');
        if (existing.version !== input.version) throw errors.staleVersion(existing.version);
        const merged = {
          gestationalWeeks: input.gestationalWeeks ?? existing.gestational_weeks,
          gestationalDays: input.gestationalDays ?? existing.gestational_days,
          multipleBirth: input.multipleBirth ?? existing.multiple_birth,
          birthOrder: input.birthOrder ?? existing.birth_order,
          dischargedOn: input.dischargedOn ?? existing.discharged_on,
        };
        await checkProfile(trx, person.birth_date, merged, input);
        const updated = await trx
          .updateTable('child_profile')
          .set({ ...(profileColumns(input) as object), version: existing.version + 1, updated_at: new Date() } as never)
          .where('county_code', '=', existing.county_code)
          .where('person_id', '=', personId)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        await audit.write(trx, ctx, {
          action: 'child.profile.update',
          entityType: 'child_profile',
          entityId: personId,
          personId,
          countyCode: existing.county_code,
          details: { fields: Object.keys(input).filter((k) => k !== 'version') },
        });
        await refreshChildWork(trx, deps.crypto, existing.county_code, personId);
        return { profile: await dtoOf(trx, updated), created: false };
      });
    },

    /** Children in scope, newest first; filter by name, managing institution, township of residence. */
    async list(
      ctx: AuthContext,
      f: {
        q?: string | undefined;
        institutionId?: string | undefined;
        township?: string | undefined;
        page: number;
        pageSize: number;
      },
    ): Promise<{ items: ChildListItem[]; total: number; page: number; pageSize: number }> {
      return withScope(db, ctx, async (trx) => {
        let q = trx
          .selectFrom('child_profile as c')
          .innerJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 'c.county_code').onRef('p.id', '=', 'c.person_id'),
          )
          .where('c.status', '=', 'active');
        if (f.q) q = q.where('p.name', 'like', `${f.q.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`);
        if (f.institutionId) q = q.where('c.managing_institution_id', '=', f.institutionId);
        if (f.township) q = q.where('p.residence_region_code', 'like', `${f.township}%`);
        const [rows, total] = await Promise.all([
          q
            .select([
              'p.id',
              'p.name',
              'p.sex',
              'p.birth_date',
              'p.mother_id',
              'p.residence_region_code',
              'c.gestational_weeks',
              'c.birth_weight_g',
              'c.managing_institution_id',
              'c.health_handbook_no',
            ])
            .orderBy('p.birth_date', 'desc')
            .orderBy('p.id')
            .limit(f.pageSize)
            .offset((f.page - 1) * f.pageSize)
            .execute(),
          q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
        ]);
        const names = await institutionNames(
          trx,
          rows.map((r) => r.managing_institution_id),
        );
        const t = today();
        await audit.write(trx, ctx, {
          action: 'child.list',
          entityType: 'child_profile',
          details: { results: Number(total.n) },
        });
        return {
          items: rows.map((r) => ({
            personId: r.id,
            name: r.name,
            sex: r.sex,
            birthDate: r.birth_date,
            ageDays: r.birth_date ? daysBetween(r.birth_date, t) : null,
            motherId: r.mother_id,
            residenceRegionCode: r.residence_region_code,
            residenceRegionName: regions.get(r.residence_region_code)?.name ?? null,
            gestationalWeeks: r.gestational_weeks,
            birthWeightG: r.birth_weight_g,
            managingInstitutionName: r.managing_institution_id ? (names.get(r.managing_institution_id) ?? null) : null,
            healthHandbookNo: r.health_handbook_no,
          })),
          total: Number(total.n),
          page: f.page,
          pageSize: f.pageSize,
        };
      });
    },

    /** Loads the child and its mother (masked) for the child's page. */
    async loadWithMother(trx: Transaction<Database>, personId: string) {
      const { person, profile } = await loadChild(trx, personId);
      let mother: PersonRow | undefined;
      if (person.mother_id)
        mother = await trx.selectFrom('person').selectAll().where('id', '=', person.mother_id).executeTakeFirst();
      return { person, profile, mother, profileDto: await dtoOf(trx, profile) };
    },
  };
}
export type ProfileService = ReturnType<typeof createProfileService>;
