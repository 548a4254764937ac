import { randomUUID } from 'node:crypto';
import { classifyFolicAcidAdherence, folicAcidSchedule, folicAcidSupply } from '@fuyou/core';
import {
  sql,
  withScope,
  type Database,
  type FolicAcidDispensingTable,
  type FolicAcidFollowUpTable,
  type Selectable,
  type Transaction,
} from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { ModuleDeps } from '../module-deps';
import type { DispensingCreateInput, DispensingListFilter, FolicFollowUpInput } from './preconception.schemas';
import {
  checkInstitution,
  institutionNames,
  isoOf,
  loadPerson,
  notBeforeBirth,
  notFuture,
  num,
  today,
} from './women.common';

type DispRow = Selectable<FolicAcidDispensingTable>;
type FuRow = Selectable<FolicAcidFollowUpTable>;

/** A dispensing as the API returns it. */
export interface DispensingDto {
  id: string;
  personId: string;
  preconceptionCheckId: string | null;
  dispensedOn: string;
  packs: number;
  tablets: number;
  supplyDays: number;
  followUpDue: string;
  programme: string;
  stage: string;
  institutionId: string | null;
  note: string | null;
  followedUp: boolean;
  followUpOverdue: boolean;
  version: number;
  createdAt: string;
}

/** A follow-up as the API returns it. */
export interface FolicFollowUpDto {
  id: string;
  personId: string;
  dispensingId: string | null;
  followUpDate: string;
  daysTaken: number;
  daysExpected: number;
  adherence: string;
  share: number;
  folateNgMl: number | null;
  pregnant: boolean | null;
  note: string | null;
}

/** A list row of dispensings (masked identifiers). */
export interface DispensingListItem extends DispensingDto {
  womanName: string;
  idNumberMasked: string | null;
  institutionName: string | null;
  lastAdherence: string | null;
}

const toFu = (r: FuRow): FolicFollowUpDto => ({
  id: r.id,
  personId: r.person_id,
  dispensingId: r.dispensing_id,
  followUpDate: r.follow_up_date,
  daysTaken: r.days_taken,
  daysExpected: r.days_expected,
  adherence: r.adherence,
  share: Number(r.share),
  folateNgMl: num(r.folate_ng_ml),
  pregnant: r.pregnant,
  note: r.note,
});

function toDisp(r: DispRow, followedUp: boolean, t = today()): DispensingDto {
  return {
    id: r.id,
    personId: r.person_id,
    preconceptionCheckId: r.preconception_check_id,
    dispensedOn: r.dispensed_on,
    packs: r.packs,
    tablets: r.tablets,
    supplyDays: r.supply_days,
    followUpDue: r.follow_up_due,
    programme: r.programme,
    stage: r.stage,
    institutionId: r.institution_id,
    note: r.note,
    followedUp,
    followUpOverdue: !followedUp && r.follow_up_due < t,
    version: r.version,
    createdAt: isoOf(r.created_at),
  };
}

/** Folic acid: dispensing (quantity from core's pack rules), adherence follow-up (core), folate level. */
export function createFolicAcidService(deps: ModuleDeps) {
  const { db, audit } = deps;

  async function followedUpIds(trx: Transaction<Database>, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await trx
      .selectFrom('folic_acid_follow_up')
      .select('dispensing_id')
      .where('dispensing_id', 'in', ids)
      .execute();
    return new Set(rows.map((r) => r.dispensing_id).filter((x): x is string => !!x));
  }

  return {
    async dispense(ctx: AuthContext, input: DispensingCreateInput) {
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await trx
            .selectFrom('folic_acid_dispensing')
            .selectAll()
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (existing) {
            if (existing.created_by !== ctx.userId)
              throw errors.conflict('ID_TAKEN', '编号已被使用', 'This id is taken');
            return {
              dispensing: toDisp(existing, (await followedUpIds(trx, [existing.id])).has(existing.id)),
              created: false,
            };
          }
        }
        const person = await loadPerson(trx, input.personId, { sex: 'female', field: 'personId' });
        notFuture(input.dispensedOn, 'dispensedOn', '发放日期');
        notBeforeBirth(person, input.dispensedOn, 'dispensedOn');
        if (input.preconceptionCheckId) {
          const c = await trx
            .selectFrom('preconception_check')
            .select(['female_person_id'])
            .where('id', '=', input.preconceptionCheckId)
            .executeTakeFirst();
          if (!c || c.female_person_id !== person.id) {
            throw errors.field(
              'preconceptionCheckId',
              '孕前检查记录不存在或不属于该妇女',
              'Not her preconception check',
            );
          }
        }
        const supply = folicAcidSupply(input.dispensedOn, input.packs);
        if (!supply.ok) throw errors.field('packs', supply.messageZh, supply.messageEn, supply.code);
        const institutionId = input.institutionId ?? ctx.institutionId ?? null;
        await checkInstitution(trx, institutionId, 'institutionId');
        const id = input.id ?? randomUUID();
        const row = await trx
          .insertInto('folic_acid_dispensing')
          .values({
            county_code: person.county_code,
            id,
            person_id: person.id,
            preconception_check_id: input.preconceptionCheckId ?? null,
            dispensed_on: input.dispensedOn,
            packs: input.packs,
            tablets: supply.tablets,
            supply_days: supply.days,
            follow_up_due: supply.followUpDue,
            programme: input.programme,
            stage: input.stage,
            institution_id: institutionId,
            note: input.note ?? null,
            created_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'women.folic_acid.dispense',
          entityType: 'folic_acid_dispensing',
          entityId: id,
          personId: person.id,
          countyCode: person.county_code,
          details: { packs: input.packs, programme: input.programme },
        });
        return { dispensing: toDisp(row, false), created: true };
      });
    },

    async followUp(ctx: AuthContext, input: FolicFollowUpInput) {
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await trx
            .selectFrom('folic_acid_follow_up')
            .selectAll()
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (existing) return { followUp: toFu(existing), created: false };
        }
        const person = await loadPerson(trx, input.personId, { sex: 'female', field: 'personId' });
        notFuture(input.followUpDate, 'followUpDate', '随访日期');
        let expected = input.daysExpected;
        if (input.dispensingId) {
          const d = await trx
            .selectFrom('folic_acid_dispensing')
            .selectAll()
            .where('id', '=', input.dispensingId)
            .executeTakeFirst();
          if (!d || d.person_id !== person.id) {
            throw errors.field('dispensingId', '发放记录不存在或不属于该妇女', 'Not her dispensing');
          }
          if (input.followUpDate < d.dispensed_on) {
            throw errors.field('followUpDate', '随访日期早于发放日期', 'Before the dispensing');
          }
          const elapsed = Math.round(
            (Date.parse(`${input.followUpDate}T00:00:00Z`) - Date.parse(`${d.dispensed_on}T00:00:00Z`)) / 86_400_000,
          );
          expected ??= Math.max(1, Math.min(d.supply_days, elapsed));
        }
        if (expected === undefined) {
          throw errors.field('daysExpected', '未关联发放记录时请填写应服天数', 'Give the days expected');
        }
        const a = classifyFolicAcidAdherence({ daysTaken: input.daysTaken, daysExpected: expected });
        if (!a.ok) throw errors.field('daysTaken', a.messageZh, a.messageEn, a.code);
        const id = input.id ?? randomUUID();
        const row = await trx
          .insertInto('folic_acid_follow_up')
          .values({
            county_code: person.county_code,
            id,
            person_id: person.id,
            dispensing_id: input.dispensingId ?? null,
            follow_up_date: input.followUpDate,
            days_taken: input.daysTaken,
            days_expected: expected,
            adherence: a.adherence,
            share: Math.round(a.share * 10000) / 10000,
            folate_ng_ml: input.folateNgMl ?? null,
            pregnant: input.pregnant ?? null,
            note: input.note ?? null,
            created_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'women.folic_acid.follow_up',
          entityType: 'folic_acid_follow_up',
          entityId: id,
          personId: person.id,
          countyCode: person.county_code,
          details: { adherence: a.adherence },
        });
        return { followUp: toFu(row), created: true };
      });
    },

    /** A woman's dispensings, follow-ups and, with a planned pregnancy date, the supplementation window (core). */
    async forPerson(ctx: AuthContext, personId: string) {
      return withScope(db, ctx, async (trx) => {
        const person = await loadPerson(trx, personId);
        const [disp, fus, check] = await Promise.all([
          trx
            .selectFrom('folic_acid_dispensing')
            .selectAll()
            .where('county_code', '=', person.county_code)
            .where('person_id', '=', personId)
            .orderBy('dispensed_on', 'desc')
            .execute(),
          trx
            .selectFrom('folic_acid_follow_up')
            .selectAll()
            .where('county_code', '=', person.county_code)
            .where('person_id', '=', personId)
            .orderBy('follow_up_date', 'desc')
            .execute(),
          trx
            .selectFrom('preconception_check')
            .select(['planned_pregnancy_on'])
            .where('county_code', '=', person.county_code)
            .where('female_person_id', '=', personId)
            .where('planned_pregnancy_on', 'is not', null)
            .orderBy('check_date', 'desc')
            .executeTakeFirst(),
        ]);
        const done = new Set(fus.map((f) => f.dispensing_id).filter((x): x is string => !!x));
        await audit.write(trx, ctx, {
          action: 'women.folic_acid.history',
          entityType: 'person',
          entityId: personId,
          personId,
          countyCode: person.county_code,
        });
        const schedule = check?.planned_pregnancy_on ? folicAcidSchedule(check.planned_pregnancy_on) : null;
        return {
          dispensings: disp.map((d) => toDisp(d, done.has(d.id))),
          followUps: fus.map(toFu),
          schedule: schedule && schedule.ok ? schedule : null,
          tabletsDispensed: disp.reduce((s, d) => s + d.tablets, 0),
        };
      });
    },

    /** Dispensings with filters; followUp=overdue is the worklist of women to ask about adherence. */
    async list(ctx: AuthContext, f: DispensingListFilter, opts: { all?: boolean } = {}) {
      return withScope(db, ctx, async (trx) => {
        const t = today();
        let q = trx
          .selectFrom('folic_acid_dispensing as d')
          .innerJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 'd.county_code').onRef('p.id', '=', 'd.person_id'),
          );
        const hasFu = sql<boolean>`exists (select 1 from folic_acid_follow_up u where u.county_code = d.county_code and u.dispensing_id = d.id)`;
        if (f.institutionId) q = q.where('d.institution_id', '=', f.institutionId);
        if (f.from) q = q.where('d.dispensed_on', '>=', f.from);
        if (f.to) q = q.where('d.dispensed_on', '<=', f.to);
        if (f.programme) q = q.where('d.programme', '=', f.programme);
        if (f.q) q = q.where('p.name', 'like', `%${f.q}%`);
        if (f.followUp === 'done') q = q.where(hasFu);
        if (f.followUp === 'due') q = q.where(sql<boolean>`not ${hasFu}`);
        if (f.followUp === 'overdue') q = q.where(sql<boolean>`not ${hasFu}`).where('d.follow_up_due', '<', t);
        let rowsQ = q
          .selectAll('d')
          .select([
            'p.name as woman_name',
            'p.id_number_masked as woman_id',
            sql<
              string | null
            >`(select u.adherence from folic_acid_follow_up u where u.county_code = d.county_code and u.dispensing_id = d.id order by u.follow_up_date desc limit 1)`.as(
              'last_adherence',
            ),
          ])
          .orderBy(
            f.followUp === 'overdue' ? 'd.follow_up_due' : 'd.dispensed_on',
            f.followUp === 'overdue' ? 'asc' : 'desc',
          )
          .orderBy('d.id');
        if (!opts.all) rowsQ = rowsQ.limit(f.pageSize).offset((f.page - 1) * f.pageSize);
        const [rows, total] = await Promise.all([
          rowsQ.execute(),
          q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
        ]);
        const names = await institutionNames(
          trx,
          rows.map((r) => r.institution_id),
        );
        await audit.write(trx, ctx, {
          action: opts.all ? 'women.folic_acid.export' : 'women.folic_acid.list',
          entityType: 'folic_acid_dispensing',
          details: { filter: { ...f, page: undefined, pageSize: undefined }, results: Number(total.n) },
        });
        const items: DispensingListItem[] = rows.map((r) => ({
          ...toDisp(r, r.last_adherence !== null, t),
          womanName: r.woman_name,
          idNumberMasked: r.woman_id,
          institutionName: r.institution_id ? (names.get(r.institution_id) ?? null) : null,
          lastAdherence: r.last_adherence,
        }));
        return { items, total: Number(total.n), page: f.page, pageSize: f.pageSize };
      });
    },
  };
}
export type FolicAcidService = ReturnType<typeof createFolicAcidService>;
