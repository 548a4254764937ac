import { randomUUID } from 'node:crypto';
import { prenatalFollowUp } from '@fuyou/core';
import { withScope, type Database, type PrenatalScreeningTable, type Selectable, type Transaction } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { ModuleDeps } from '../module-deps';
import {
  checkInstitution,
  daysBetween,
  gaText,
  institutionNames,
  loadPregnancy,
  today,
  unwrap,
  type PregnancyRow,
} from './maternal.common';
import type { PrenatalDiagnosisInput, PrenatalScreeningInput } from './maternal.schemas';

type Row = Selectable<PrenatalScreeningTable>;

/** A prenatal screening with its follow-up as the API returns it. */
export interface PrenatalScreeningDto {
  id: string;
  pregnancyId: string;
  personId: string;
  method: string;
  screenedOn: string;
  gestationalAge: string | null;
  institutionId: string | null;
  institutionName: string | null;
  t21: string | null;
  t18: string | null;
  ntd: string | null;
  resultNote: string | null;
  followUp: string;
  followUpDue: string | null;
  followUpOverdue: boolean;
  diagnosisMethod: string | null;
  diagnosisTest: string | null;
  diagnosedOn: string | null;
  diagnosisResult: string | null;
  counsellingOutcome: string | null;
  version: number;
}

function toDto(r: Row, names: Map<string, string>, t = today()): PrenatalScreeningDto {
  return {
    id: r.id,
    pregnancyId: r.pregnancy_id,
    personId: r.person_id,
    method: r.method,
    screenedOn: r.screened_on,
    gestationalAge: gaText(r.ga_days),
    institutionId: r.institution_id,
    institutionName: r.institution_id ? (names.get(r.institution_id) ?? null) : null,
    t21: r.t21,
    t18: r.t18,
    ntd: r.ntd,
    resultNote: r.result_note,
    followUp: r.follow_up,
    followUpDue: r.follow_up_due,
    followUpOverdue: r.follow_up === 'open' && !!r.follow_up_due && r.follow_up_due < t,
    diagnosisMethod: r.diagnosis_method,
    diagnosisTest: r.diagnosis_test,
    diagnosedOn: r.diagnosed_on,
    diagnosisResult: r.diagnosis_result,
    counsellingOutcome: r.counselling_outcome,
    version: r.version,
  };
}

/** Prenatal screening (B3): results, follow-up of high and intermediate risks to prenatal diagnosis and counselling. */
export function createScreeningService(deps: ModuleDeps) {
  const { db, audit } = deps;

  return {
    /** Records a screening; a high (or intermediate) risk opens a follow-up with its due date from core. */
    async create(ctx: AuthContext, pregnancyId: string, input: PrenatalScreeningInput): Promise<PrenatalScreeningDto> {
      return withScope(db, ctx, async (trx) => {
        const { preg } = await loadPregnancy(trx, pregnancyId);
        if (preg.status !== 'antenatal')
          throw errors.conflict('PREGNANCY_STATE', '产前筛查只能在孕期记录', 'Prenatal screening is antenatal');
        if (input.screenedOn > today())
          throw errors.field('screenedOn', '筛查日期不能晚于今天', 'Screening date in the future');
        const gaDays = daysBetween(preg.edd, input.screenedOn) + 280;
        if (gaDays < 0) throw errors.field('screenedOn', '筛查日期早于末次月经', 'Screening before the LMP');
        if (!input.t21 && !input.t18 && !input.ntd && !input.resultNote)
          throw errors.field('t21', '请至少填写一项筛查结果', 'Give at least one result');
        await checkInstitution(trx, input.institutionId, 'institutionId');
        const f = unwrap(
          prenatalFollowUp({
            screenedOn: input.screenedOn,
            ...(input.t21 ? { t21: input.t21 } : {}),
            ...(input.t18 ? { t18: input.t18 } : {}),
            ...(input.ntd ? { ntd: input.ntd } : {}),
          }),
          'screenedOn',
        );
        const id = input.id ?? randomUUID();
        const row = await trx
          .insertInto('prenatal_screening')
          .values({
            county_code: preg.county_code,
            id,
            pregnancy_id: preg.id,
            person_id: preg.person_id,
            method: input.method,
            screened_on: input.screenedOn,
            ga_days: gaDays <= 315 ? gaDays : null,
            institution_id: input.institutionId ?? ctx.institutionId,
            t21: input.t21 ?? null,
            t18: input.t18 ?? null,
            ntd: input.ntd ?? null,
            result_note: input.resultNote ?? null,
            follow_up: f.needed ? 'open' : 'none',
            follow_up_due: f.dueOn,
            created_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'maternal.prenatal.screen',
          entityType: 'prenatal_screening',
          entityId: id,
          personId: preg.person_id,
          countyCode: preg.county_code,
          details: { followUp: f.needed },
        });
        return toDto(row, await institutionNames(trx, [row.institution_id]));
      });
    },

    /** Records the prenatal diagnosis and counselling; the follow-up closes once both are in. */
    async diagnosis(ctx: AuthContext, id: string, input: PrenatalDiagnosisInput): Promise<PrenatalScreeningDto> {
      return withScope(db, ctx, async (trx) => {
        const r = await trx.selectFrom('prenatal_screening').selectAll().where('id', '=', id).executeTakeFirst();
        if (!r) throw errors.notFound('产前筛查记录', 'prenatal screening');
        if (r.version !== input.version) throw errors.staleVersion(r.version);
        if (r.follow_up === 'none')
          throw errors.conflict('NO_FOLLOW_UP', '该筛查结果为低风险，无需产前诊断随访', 'No follow-up is needed');
        if (input.diagnosedOn && (input.diagnosedOn < r.screened_on || input.diagnosedOn > today()))
          throw errors.field('diagnosedOn', '诊断日期应在筛查日期与今天之间', 'Diagnosis date outside screening…today');
        if (input.diagnosisResult && !input.diagnosedOn && !r.diagnosed_on)
          throw errors.field('diagnosedOn', '请填写诊断日期', 'Give the diagnosis date');
        const result = input.diagnosisResult ?? r.diagnosis_result;
        const counselling = input.counsellingOutcome ?? r.counselling_outcome;
        const updated = await trx
          .updateTable('prenatal_screening')
          .set({
            ...(input.diagnosisMethod !== undefined ? { diagnosis_method: input.diagnosisMethod } : {}),
            ...(input.diagnosisTest !== undefined ? { diagnosis_test: input.diagnosisTest } : {}),
            ...(input.diagnosedOn !== undefined ? { diagnosed_on: input.diagnosedOn } : {}),
            diagnosis_result: result,
            counselling_outcome: counselling,
            follow_up: result && counselling ? 'closed' : 'open',
            version: r.version + 1,
            updated_at: new Date(),
          })
          .where('county_code', '=', r.county_code)
          .where('id', '=', id)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        await audit.write(trx, ctx, {
          action: 'maternal.prenatal.diagnosis',
          entityType: 'prenatal_screening',
          entityId: id,
          personId: r.person_id,
          countyCode: r.county_code,
        });
        return toDto(updated, await institutionNames(trx, [updated.institution_id]));
      });
    },

    /** The screenings of a pregnancy. */
    async list(ctx: AuthContext, pregnancyId: string): Promise<PrenatalScreeningDto[]> {
      return withScope(db, ctx, async (trx) => {
        const { preg } = await loadPregnancy(trx, pregnancyId);
        const rows = await trx
          .selectFrom('prenatal_screening')
          .selectAll()
          .where('county_code', '=', preg.county_code)
          .where('pregnancy_id', '=', preg.id)
          .orderBy('screened_on')
          .execute();
        await audit.write(trx, ctx, {
          action: 'maternal.prenatal.list',
          entityType: 'pregnancy',
          entityId: pregnancyId,
          personId: preg.person_id,
          countyCode: preg.county_code,
        });
        return rows.map((r) => toDto(r, new Map()));
      });
    },

    /** Open follow-ups in scope (overdue first). */
    async openFollowUps(ctx: AuthContext) {
      return withScope(db, ctx, async (trx) => {
        const rows = await trx
          .selectFrom('prenatal_screening as s')
          .innerJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 's.county_code').onRef('p.id', '=', 's.person_id'),
          )
          .selectAll('s')
          .select('p.name as woman_name')
          .where('s.follow_up', '=', 'open')
          .orderBy('s.follow_up_due')
          .limit(500)
          .execute();
        await audit.write(trx, ctx, {
          action: 'maternal.prenatal.followups',
          entityType: 'prenatal_screening',
          details: { results: rows.length },
        });
        return rows.map((r) => ({ ...toDto(r, new Map()), womanName: r.woman_name }));
      });
    },

    /** Closes the open follow-ups of a pregnancy whose care ended. */
    async closeInTx(trx: Transaction<Database>, preg: Pick<PregnancyRow, 'county_code' | 'id'>) {
      await trx
        .updateTable('prenatal_screening')
        .set({ follow_up: 'closed', updated_at: new Date() })
        .where('county_code', '=', preg.county_code)
        .where('pregnancy_id', '=', preg.id)
        .where('follow_up', '=', 'open')
        .execute();
    },
  };
}
export type ScreeningService = ReturnType<typeof createScreeningService>;
