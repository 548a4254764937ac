import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  THALASSAEMIA_CARRIER_LABELS,
  carrierStatusOfSuspicion,
  coupleThalassaemiaRisk,
  currentCarrierStatus,
  interpretThalassaemiaScreen,
  needsThalassaemiaRetest,
  THALASSAEMIA_COUNSELLING_DEFAULT,
  thalassaemiaCounsellingDue,
  type ThalassaemiaCarrierStatus,
  type ThalassaemiaTestKind,
} from '@fuyou/core';
import {
  sql,
  withScope,
  type Database,
  type Selectable,
  type ThalassaemiaCoupleTable,
  type ThalassaemiaTestTable,
  type Transaction,
} from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import { isoDate, pagination, uuid } from '../../platform/validation';
import type { ModuleDeps } from '../module-deps';
import {
  checkInstitution,
  institutionNames,
  invalidTransition,
  isoOf,
  loadPerson,
  notBeforeBirth,
  notFuture,
  num,
  today,
} from './women.common';

const text = (max = 200) => z.string().trim().max(max, `不超过${max}字`);
const KINDS = ['blood_indices', 'hb_analysis', 'gene_test'] as const;

export const thalTestSchema = z.object({
  id: uuid.optional(),
  personId: uuid,
  testDate: isoDate,
  kind: z.enum(KINDS, '检测类型应为 blood_indices/hb_analysis/gene_test'),
  source: z.enum(['premarital', 'preconception', 'antenatal', 'other'], '来源无效').default('other'),
  sourceId: uuid.optional(),
  mcvFl: z.number().min(30, 'MCV应在30–150 fL').max(150, 'MCV应在30–150 fL').optional(),
  mchPg: z.number().min(10, 'MCH应在10–50 pg').max(50, 'MCH应在10–50 pg').optional(),
  hba2Pct: z.number().min(0.1, 'HbA2应在0.1–15%').max(15, 'HbA2应在0.1–15%').optional(),
  geneResult: text(100).optional(),
  carrierStatus: z
    .enum(THALASSAEMIA_CARRIER_LABELS.map((c) => c.code) as [string, ...string[]], '携带状态无效')
    .optional(),
  retestReason: text(200).optional().describe('已有有效结果仍要复查时的理由'),
  institutionId: uuid.optional(),
  note: text(500).optional(),
});
export type ThalTestInput = z.infer<typeof thalTestSchema>;

export const thalRetestQuery = z.object({
  kind: z.enum(KINDS, '检测类型应为 blood_indices/hb_analysis/gene_test'),
  date: isoDate.optional(),
});

export const thalCoupleSchema = z.object({
  id: uuid.optional(),
  femalePersonId: uuid,
  malePersonId: uuid,
  assessedOn: isoDate.optional(),
});

export const thalReassessSchema = z.object({ version: z.number().int().min(1), assessedOn: isoDate.optional() });

export const thalCounsellingSchema = z.object({
  version: z.number().int().min(1),
  date: isoDate,
  prenatalDiagnosisReferred: z.boolean().default(false),
  note: text(500).optional(),
});

export const thalTestListSchema = z.object({
  q: z.string().trim().max(50).optional(),
  kind: z.enum(KINDS).optional(),
  carrier: z.enum(['true', 'false']).optional().describe('true：携带者或疑似携带者'),
  institutionId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pagination,
});
export type ThalTestListFilter = z.infer<typeof thalTestListSchema>;

export const thalCoupleListSchema = z.object({
  q: z.string().trim().max(50).optional(),
  risk: z.enum(['high', 'low', 'undetermined'], '风险应为 high/low/undetermined').optional(),
  pending: z.enum(['true', 'false']).optional().describe('true：高风险或待定且未做遗传咨询'),
  overdue: z.enum(['true', 'false']).optional().describe('true：遗传咨询逾期'),
  from: isoDate.optional().describe('评估日期起'),
  to: isoDate.optional(),
  ...pagination,
});
export type ThalCoupleListFilter = z.infer<typeof thalCoupleListSchema>;

type TestRow = Selectable<ThalassaemiaTestTable>;
type CoupleRow = Selectable<ThalassaemiaCoupleTable>;

/** A test result as the API returns it. */
export interface ThalTestDto {
  id: string;
  personId: string;
  testDate: string;
  kind: string;
  source: string;
  sourceId: string | null;
  mcvFl: number | null;
  mchPg: number | null;
  hba2Pct: number | null;
  geneResult: string | null;
  carrierStatus: string;
  suspicion: string | null;
  nextStep: string | null;
  retestReason: string | null;
  institutionId: string | null;
  note: string | null;
  createdAt: string;
}

/** A couple assessment as the API returns it. */
export interface ThalCoupleDto {
  id: string;
  femalePersonId: string;
  malePersonId: string;
  femaleName?: string;
  maleName?: string;
  femaleIdMasked?: string | null;
  maleIdMasked?: string | null;
  assessedOn: string;
  femaleStatus: string;
  maleStatus: string;
  risk: string;
  sharedType: string | null;
  actions: string[];
  counsellingOn: string | null;
  prenatalDiagnosisReferred: boolean;
  counsellingNote: string | null;
  pending: boolean;
  /** Date by which the genetic counselling is due (null when not needed or done). */
  counsellingDue: string | null;
  counsellingOverdue: boolean;
  version: number;
}

const toTest = (r: TestRow): ThalTestDto => ({
  id: r.id,
  personId: r.person_id,
  testDate: r.test_date,
  kind: r.kind,
  source: r.source,
  sourceId: r.source_id,
  mcvFl: num(r.mcv_fl),
  mchPg: num(r.mch_pg),
  hba2Pct: num(r.hba2_pct),
  geneResult: r.gene_result,
  carrierStatus: r.carrier_status,
  suspicion: r.suspicion,
  nextStep: r.next_step,
  retestReason: r.retest_reason,
  institutionId: r.institution_id,
  note: r.note,
  createdAt: isoOf(r.created_at),
});

const isPending = (r: CoupleRow) => r.risk !== 'low' && !r.counselling_on;

type PersonLabel = { name: string; masked: string | null };

const toCouple = (r: CoupleRow, names: Map<string, PersonLabel> = new Map()): ThalCoupleDto => ({
  id: r.id,
  femalePersonId: r.female_person_id,
  malePersonId: r.male_person_id,
  ...(names.has(r.female_person_id)
    ? { femaleName: names.get(r.female_person_id)!.name, femaleIdMasked: names.get(r.female_person_id)!.masked }
    : {}),
  ...(names.has(r.male_person_id)
    ? { maleName: names.get(r.male_person_id)!.name, maleIdMasked: names.get(r.male_person_id)!.masked }
    : {}),
  assessedOn: r.assessed_on,
  femaleStatus: r.female_status,
  maleStatus: r.male_status,
  risk: r.risk,
  sharedType: r.shared_type,
  actions: r.actions,
  counsellingOn: r.counselling_on,
  prenatalDiagnosisReferred: r.prenatal_diagnosis_referred,
  counsellingNote: r.counselling_note,
  pending: isPending(r),
  ...(() => {
    const due = thalassaemiaCounsellingDue({
      risk: r.risk,
      assessedOn: r.assessed_on,
      counsellingOn: r.counselling_on,
    });
    return { counsellingDue: due, counsellingOverdue: due !== null && today() > due };
  })(),
  version: r.version,
});

/** Thalassaemia: results on file reused across programmes, carrier status, couple risk and counselling. */
export function createThalassaemiaService(deps: ModuleDeps) {
  const { db, audit } = deps;

  async function testsOf(trx: Transaction<Database>, county: string, personId: string) {
    return trx
      .selectFrom('thalassaemia_test')
      .selectAll()
      .where('county_code', '=', county)
      .where('person_id', '=', personId)
      .orderBy('test_date', 'desc')
      .execute();
  }

  function status(rows: readonly TestRow[]) {
    return currentCarrierStatus(
      rows.map((r) => ({
        kind: r.kind,
        date: r.test_date,
        mcvFl: num(r.mcv_fl),
        mchPg: num(r.mch_pg),
        hba2Pct: num(r.hba2_pct),
        carrierStatus: r.kind === 'gene_test' ? (r.carrier_status as ThalassaemiaCarrierStatus) : null,
      })),
    );
  }

  function retest(rows: readonly TestRow[], kind: ThalassaemiaTestKind, date: string) {
    const d = needsThalassaemiaRetest(
      rows.map((r) => ({
        kind: r.kind,
        date: r.test_date,
        source: r.source,
        carrierStatus: r.carrier_status as ThalassaemiaCarrierStatus,
      })),
      kind,
      date,
    );
    if (!d.ok) throw errors.field('date', d.messageZh, d.messageEn, d.code);
    return d;
  }

  async function assess(trx: Transaction<Database>, county: string, femaleId: string, maleId: string) {
    const [f, m] = await Promise.all([testsOf(trx, county, femaleId), testsOf(trx, county, maleId)]);
    const fs = status(f).status;
    const ms = status(m).status;
    return { fs, ms, risk: coupleThalassaemiaRisk(fs, ms) };
  }

  async function loadCouple(trx: Transaction<Database>, id: string) {
    const row = await trx.selectFrom('thalassaemia_couple').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw errors.notFound('地贫夫妇风险评估', 'couple assessment');
    return row;
  }

  return {
    /** Records a result. A valid result on file of that kind is reused: a new test needs a reason (409 otherwise). */
    async record(ctx: AuthContext, input: ThalTestInput) {
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await trx
            .selectFrom('thalassaemia_test')
            .selectAll()
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (existing) return { test: toTest(existing), created: false };
        }
        const person = await loadPerson(trx, input.personId, { field: 'personId' });
        notFuture(input.testDate, 'testDate', '检测日期');
        notBeforeBirth(person, input.testDate, 'testDate');
        const rows = await testsOf(trx, person.county_code, person.id);
        const d = retest(rows, input.kind, input.testDate);
        if (!d.retest && !input.retestReason) {
          throw errors.conflict(
            'RESULT_ON_FILE',
            `已有有效的地贫检测结果（${d.reuse?.date ?? ''}），无需重复检测；如确需复查请填写理由`,
            'A valid result is on file; give a reason to test again',
            { reuse: d.reuse, reason: d.reason },
          );
        }
        let carrier: string;
        let suspicion: string | null = null;
        let next: string | null = null;
        if (input.kind === 'gene_test') {
          if (!input.carrierStatus || input.carrierStatus === 'not_tested') {
            throw errors.field('carrierStatus', '基因检测请填写携带状态', 'Give the carrier status of the gene test');
          }
          carrier = input.carrierStatus;
        } else {
          if (input.mcvFl === undefined) throw errors.field('mcvFl', '请填写MCV', 'Enter MCV');
          if (input.mchPg === undefined) throw errors.field('mchPg', '请填写MCH', 'Enter MCH');
          if (input.kind === 'hb_analysis' && input.hba2Pct === undefined) {
            throw errors.field('hba2Pct', '血红蛋白分析请填写HbA2', 'Enter HbA2');
          }
          const i = interpretThalassaemiaScreen({
            mcvFl: input.mcvFl,
            mchPg: input.mchPg,
            ...(input.hba2Pct !== undefined ? { hba2Pct: input.hba2Pct } : {}),
          });
          if (!i.ok) throw errors.field('mcvFl', i.messageZh, i.messageEn, i.code);
          suspicion = i.suspicion;
          next = i.next;
          carrier = carrierStatusOfSuspicion(i.suspicion);
        }
        await checkInstitution(trx, input.institutionId ?? ctx.institutionId, 'institutionId');
        const id = input.id ?? randomUUID();
        const row = await trx
          .insertInto('thalassaemia_test')
          .values({
            county_code: person.county_code,
            id,
            person_id: person.id,
            test_date: input.testDate,
            kind: input.kind,
            source: input.source,
            source_id: input.sourceId ?? null,
            mcv_fl: input.mcvFl ?? null,
            mch_pg: input.mchPg ?? null,
            hba2_pct: input.hba2Pct ?? null,
            gene_result: input.geneResult ?? null,
            carrier_status: carrier,
            suspicion,
            next_step: next,
            retest_reason: d.retest ? null : (input.retestReason ?? null),
            institution_id: input.institutionId ?? ctx.institutionId ?? null,
            note: input.note ?? null,
            created_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'women.thalassaemia.test',
          entityType: 'thalassaemia_test',
          entityId: id,
          personId: person.id,
          countyCode: person.county_code,
          details: { kind: input.kind, carrier },
        });
        return { test: toTest(row), created: true };
      });
    },

    /** "Does this person need a new test?" — core's reuse rule over the results on file. */
    async retest(ctx: AuthContext, personId: string, kind: ThalassaemiaTestKind, date: string | undefined) {
      return withScope(db, ctx, async (trx) => {
        const person = await loadPerson(trx, personId);
        const rows = await testsOf(trx, person.county_code, personId);
        const d = retest(rows, kind, date ?? today());
        await audit.write(trx, ctx, {
          action: 'women.thalassaemia.retest',
          entityType: 'person',
          entityId: personId,
          personId,
          countyCode: person.county_code,
          details: { kind, retest: d.retest },
        });
        const reuseRow = d.reuse
          ? rows.find((r) => r.kind === d.reuse!.kind && r.test_date === d.reuse!.date)
          : undefined;
        return {
          ...d,
          kind,
          date: date ?? today(),
          reuseTest: reuseRow ? toTest(reuseRow) : null,
          status: status(rows),
        };
      });
    },

    /** A person's results, current status, what each kind of test would need, and the couple assessments. */
    async forPerson(ctx: AuthContext, personId: string) {
      return withScope(db, ctx, async (trx) => {
        const person = await loadPerson(trx, personId);
        const rows = await testsOf(trx, person.county_code, personId);
        const couples = await trx
          .selectFrom('thalassaemia_couple')
          .selectAll()
          .where('county_code', '=', person.county_code)
          .where((eb) => eb.or([eb('female_person_id', '=', personId), eb('male_person_id', '=', personId)]))
          .orderBy('assessed_on', 'desc')
          .execute();
        await audit.write(trx, ctx, {
          action: 'women.thalassaemia.history',
          entityType: 'person',
          entityId: personId,
          personId,
          countyCode: person.county_code,
        });
        const t = today();
        const st = status(rows);
        return {
          tests: rows.map(toTest),
          status: { status: st.status, confirmed: st.confirmed, basisDate: st.basis?.date ?? null },
          retest: Object.fromEntries(KINDS.map((k) => [k, retest(rows, k, t)])),
          couples: couples.map((c) => toCouple(c)),
        };
      });
    },

    async createCouple(ctx: AuthContext, input: z.infer<typeof thalCoupleSchema>) {
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await trx
            .selectFrom('thalassaemia_couple')
            .selectAll()
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (existing) return { couple: toCouple(existing), created: false };
        }
        const f = await loadPerson(trx, input.femalePersonId, { sex: 'female', field: 'femalePersonId' });
        const m = await loadPerson(trx, input.malePersonId, { sex: 'male', field: 'malePersonId' });
        if (f.county_code !== m.county_code) {
          throw errors.field('malePersonId', '男女双方应在同一县区建档', 'Both partners must be in the same county');
        }
        const dup = await trx
          .selectFrom('thalassaemia_couple')
          .select('id')
          .where('county_code', '=', f.county_code)
          .where('female_person_id', '=', f.id)
          .where('male_person_id', '=', m.id)
          .executeTakeFirst();
        if (dup) {
          throw errors.conflict('COUPLE_EXISTS', '该夫妇已有风险评估，请重新评估', 'The couple is assessed already', {
            coupleId: dup.id,
          });
        }
        const assessedOn = input.assessedOn ?? today();
        notFuture(assessedOn, 'assessedOn', '评估日期');
        const a = await assess(trx, f.county_code, f.id, m.id);
        const id = input.id ?? randomUUID();
        const row = await trx
          .insertInto('thalassaemia_couple')
          .values({
            county_code: f.county_code,
            id,
            female_person_id: f.id,
            male_person_id: m.id,
            assessed_on: assessedOn,
            female_status: a.fs,
            male_status: a.ms,
            risk: a.risk.risk,
            shared_type: a.risk.sharedType,
            actions: a.risk.actions,
            created_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'women.thalassaemia.couple',
          entityType: 'thalassaemia_couple',
          entityId: id,
          personId: f.id,
          countyCode: f.county_code,
          details: { risk: a.risk.risk, partner: m.id },
        });
        return { couple: toCouple(row), created: true };
      });
    },

    /** Re-assesses a couple from the results now on file. */
    async reassess(ctx: AuthContext, id: string, input: z.infer<typeof thalReassessSchema>) {
      return withScope(db, ctx, async (trx) => {
        const row = await loadCouple(trx, id);
        if (row.version !== input.version) throw errors.staleVersion(row.version);
        const a = await assess(trx, row.county_code, row.female_person_id, row.male_person_id);
        const updated = await trx
          .updateTable('thalassaemia_couple')
          .set({
            assessed_on: input.assessedOn ?? today(),
            female_status: a.fs,
            male_status: a.ms,
            risk: a.risk.risk,
            shared_type: a.risk.sharedType,
            actions: a.risk.actions,
            version: row.version + 1,
            updated_at: new Date(),
          })
          .where('county_code', '=', row.county_code)
          .where('id', '=', id)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        await audit.write(trx, ctx, {
          action: 'women.thalassaemia.reassess',
          entityType: 'thalassaemia_couple',
          entityId: id,
          personId: row.female_person_id,
          countyCode: row.county_code,
          details: { risk: a.risk.risk },
        });
        return toCouple(updated);
      });
    },

    /** Records genetic counselling (and prenatal-diagnosis referral) of a couple at risk. */
    async counselling(ctx: AuthContext, id: string, input: z.infer<typeof thalCounsellingSchema>) {
      return withScope(db, ctx, async (trx) => {
        const row = await loadCouple(trx, id);
        if (row.version !== input.version) throw errors.staleVersion(row.version);
        if (row.risk === 'low') {
          throw invalidTransition('低风险夫妇无需遗传咨询随访', 'A low-risk couple needs no counselling follow-up', {
            state: row.risk,
          });
        }
        if (row.counselling_on) {
          throw invalidTransition('已登记遗传咨询', 'Counselling is already recorded', { state: 'counselled' });
        }
        notFuture(input.date, 'date', '咨询日期');
        if (input.date < row.assessed_on) throw errors.field('date', '咨询日期早于评估日期', 'Before the assessment');
        const updated = await trx
          .updateTable('thalassaemia_couple')
          .set({
            counselling_on: input.date,
            prenatal_diagnosis_referred: input.prenatalDiagnosisReferred,
            counselling_note: input.note ?? null,
            version: row.version + 1,
            updated_at: new Date(),
          })
          .where('county_code', '=', row.county_code)
          .where('id', '=', id)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        await audit.write(trx, ctx, {
          action: 'women.thalassaemia.counselling',
          entityType: 'thalassaemia_couple',
          entityId: id,
          personId: row.female_person_id,
          countyCode: row.county_code,
        });
        return toCouple(updated);
      });
    },

    async getCouple(ctx: AuthContext, id: string) {
      return withScope(db, ctx, async (trx) => {
        const row = await loadCouple(trx, id);
        await audit.write(trx, ctx, {
          action: 'women.thalassaemia.couple.read',
          entityType: 'thalassaemia_couple',
          entityId: id,
          personId: row.female_person_id,
          countyCode: row.county_code,
        });
        return toCouple(row);
      });
    },

    async couples(ctx: AuthContext, f: ThalCoupleListFilter, opts: { all?: boolean } = {}) {
      return withScope(db, ctx, async (trx) => {
        let q = trx.selectFrom('thalassaemia_couple as c');
        if (f.risk) q = q.where('c.risk', '=', f.risk);
        if (f.pending === 'true') q = q.where('c.risk', '!=', 'low').where('c.counselling_on', 'is', null);
        if (f.overdue === 'true') {
          q = q
            .where('c.risk', '!=', 'low')
            .where('c.counselling_on', 'is', null)
            .where(
              sql<boolean>`c.assessed_on + ${THALASSAEMIA_COUNSELLING_DEFAULT.counsellingWithinDays}::int < ${today()}::date`,
            );
        }
        if (f.from) q = q.where('c.assessed_on', '>=', f.from);
        if (f.to) q = q.where('c.assessed_on', '<=', f.to);
        if (f.q) {
          const like = `%${f.q.replace(/[\\%_]/g, (x) => `\\${x}`)}%`;
          q = q.where(({ exists, selectFrom }) =>
            exists(
              selectFrom('person as p')
                .select('p.id')
                .whereRef('p.county_code', '=', 'c.county_code')
                .where((eb) =>
                  eb.or([eb('p.id', '=', eb.ref('c.female_person_id')), eb('p.id', '=', eb.ref('c.male_person_id'))]),
                )
                .where('p.name', 'like', like),
            ),
          );
        }
        let rowsQ = q.selectAll('c').orderBy('c.assessed_on', 'desc').orderBy('c.id');
        rowsQ = opts.all ? rowsQ.limit(50_000) : rowsQ.limit(f.pageSize).offset((f.page - 1) * f.pageSize);
        const [rows, total] = await Promise.all([
          rowsQ.execute(),
          q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
        ]);
        const ids = [...new Set(rows.flatMap((r) => [r.female_person_id, r.male_person_id]))];
        const people = ids.length
          ? await trx.selectFrom('person').select(['id', 'name', 'id_number_masked']).where('id', 'in', ids).execute()
          : [];
        const names = new Map(people.map((p) => [p.id, { name: p.name, masked: p.id_number_masked }]));
        await audit.write(trx, ctx, {
          action: opts.all ? 'women.thalassaemia.couples_export' : 'women.thalassaemia.couples',
          entityType: 'thalassaemia_couple',
          details: { filter: { ...f, page: undefined, pageSize: undefined }, results: Number(total.n) },
        });
        return {
          items: rows.map((r) => toCouple(r, names)),
          total: Number(total.n),
          page: f.page,
          pageSize: f.pageSize,
        };
      });
    },

    async tests(ctx: AuthContext, f: ThalTestListFilter, opts: { all?: boolean } = {}) {
      return withScope(db, ctx, async (trx) => {
        let q = trx
          .selectFrom('thalassaemia_test as t')
          .innerJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 't.county_code').onRef('p.id', '=', 't.person_id'),
          );
        if (f.kind) q = q.where('t.kind', '=', f.kind);
        if (f.carrier === 'true') q = q.where('t.carrier_status', 'not in', ['none', 'not_tested']);
        if (f.carrier === 'false') q = q.where('t.carrier_status', 'in', ['none', 'not_tested']);
        if (f.institutionId) q = q.where('t.institution_id', '=', f.institutionId);
        if (f.from) q = q.where('t.test_date', '>=', f.from);
        if (f.to) q = q.where('t.test_date', '<=', f.to);
        if (f.q) q = q.where('p.name', 'like', `%${f.q}%`);
        let rowsQ = q
          .selectAll('t')
          .select(['p.name as person_name', 'p.sex as person_sex', 'p.id_number_masked as person_id_masked'])
          .orderBy('t.test_date', 'desc')
          .orderBy('t.id');
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
          action: opts.all ? 'women.thalassaemia.export' : 'women.thalassaemia.list',
          entityType: 'thalassaemia_test',
          details: { filter: { ...f, page: undefined, pageSize: undefined }, results: Number(total.n) },
        });
        return {
          items: rows.map((r) => ({
            ...toTest(r),
            personName: r.person_name,
            sex: r.person_sex,
            idNumberMasked: r.person_id_masked,
            institutionName: r.institution_id ? (names.get(r.institution_id) ?? null) : null,
          })),
          total: Number(total.n),
          page: f.page,
          pageSize: f.pageSize,
        };
      });
    },
  };
}
export type ThalassaemiaService = ReturnType<typeof createThalassaemiaService>;
