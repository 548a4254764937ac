import { randomUUID } from 'node:crypto';
import {
  assessPreconceptionRisk,
  preconceptionFollowUpDue,
  preconceptionItemsFor,
  type PreconceptionCheckValues,
  type PreconceptionRiskFactor,
} from '@fuyou/core';
import {
  sql,
  withScope,
  type Database,
  type PreconceptionCheckTable,
  type Selectable,
  type Transaction,
  type Updateable,
} from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { ModuleDeps } from '../module-deps';
import {
  INFECTIOUS_FACTORS,
  type PreconceptionCreateInput,
  type PreconceptionListFilter,
  type PreconceptionPartnerInput,
  type PreconceptionUpdateInput,
} from './preconception.schemas';
import {
  checkInstitution,
  institutionNames,
  invalidTransition,
  isoOf,
  json,
  loadPerson,
  notFuture,
  today,
  type WomanRow,
} from './women.common';

type CheckRow = Selectable<PreconceptionCheckTable>;
type Sex = 'female' | 'male';

/** One partner of a preconception check as the API returns it. */
export interface PreconceptionPartnerDto {
  personId: string;
  name: string;
  birthDate: string | null;
  idNumberMasked: string | null;
  values: Record<string, unknown>;
  reported: string[];
  items: string[];
  riskLevel: 'low' | 'high' | null;
  /** Factors not caused by infectious results. */
  riskFactors: string[];
  /** Infectious results and the factors they cause; 'restricted' without permission pmtct. */
  infectious: { results: Record<string, string>; factors: string[] } | 'restricted' | null;
}

/** A preconception check as the API returns it. */
export interface PreconceptionDto {
  id: string;
  checkDate: string;
  institutionId: string | null;
  institutionName: string | null;
  examiner: string | null;
  funded: boolean;
  plannedPregnancyOn: string | null;
  female: PreconceptionPartnerDto;
  male: PreconceptionPartnerDto | null;
  riskLevel: 'low' | 'high';
  advice: string | null;
  referred: boolean;
  referralInstitutionId: string | null;
  referralTo: string | null;
  referralReason: string | null;
  followUpDue: string | null;
  followUpDoneOn: string | null;
  followUpOutcome: string | null;
  followUpOverdue: boolean;
  pregnancyId: string | null;
  pregnancyConfirmedOn: string | null;
  note: string | null;
  version: number;
  createdAt: string;
}

/** A list row. */
export interface PreconceptionListItem {
  id: string;
  checkDate: string;
  femaleName: string;
  femaleIdMasked: string | null;
  maleName: string | null;
  riskLevel: 'low' | 'high';
  riskFactors: string[];
  referred: boolean;
  followUpDue: string | null;
  followUpDoneOn: string | null;
  followUpOverdue: boolean;
  pregnancyConfirmedOn: string | null;
  institutionName: string | null;
}

function ageOn(birth: string | null, date: string): number | undefined {
  if (!birth) return undefined;
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Preconception checks of couples: risk assessment (core), advice, referral, follow-up, pregnancy link. */
export function createPreconceptionService(deps: ModuleDeps) {
  const { db, audit, crypto } = deps;

  /** Validates a partner and computes the risk assessment with core. */
  async function partnerColumns(
    trx: Transaction<Database>,
    sex: Sex,
    p: PreconceptionPartnerInput,
    checkDate: string,
    previousEnc: string | null,
  ): Promise<{ person: WomanRow; cols: Partial<CheckRow>; level: 'low' | 'high' }> {
    const person = await loadPerson(trx, p.personId, {
      sex,
      field: `${sex}.personId`,
      what: [sex === 'female' ? '女方' : '男方', sex === 'female' ? 'woman' : 'man'],
    });
    const allowed = new Set(preconceptionItemsFor(sex).map((i) => i.code));
    for (const item of p.items) {
      if (!allowed.has(item)) {
        throw errors.field(`${sex}.items`, `男方不做此项目（${item}）`, `Item ${item} is for the woman only`);
      }
    }
    const previous = previousEnc
      ? (JSON.parse(crypto.decrypt(previousEnc)) as { results: Record<string, string> }).results
      : {};
    const infectious = (p.infectious ?? previous) as Record<string, 'positive' | 'negative' | undefined>;
    const v = p.values;
    const bmi = v.heightCm && v.weightKg ? Math.round((v.weightKg / (v.heightCm / 100) ** 2) * 10) / 10 : undefined;
    const age = ageOn(person.birth_date, checkDate);
    const input: PreconceptionCheckValues = {
      sex,
      ...(age !== undefined ? { ageYears: age } : {}),
      ...(v as Omit<PreconceptionCheckValues, 'sex'>),
      ...(bmi !== undefined ? { bmi } : {}),
      ...(infectious.syphilis ? { syphilis: infectious.syphilis } : {}),
      ...(infectious.hbsag ? { hbsag: infectious.hbsag } : {}),
      ...(infectious.gonococcus ? { gonococcus: infectious.gonococcus } : {}),
      ...(infectious.chlamydia ? { chlamydia: infectious.chlamydia } : {}),
      reported: p.reported as PreconceptionRiskFactor[],
    };
    const risk = assessPreconceptionRisk(input);
    const infFactors = risk.factors.filter((f) => (INFECTIOUS_FACTORS as readonly string[]).includes(f));
    const clearFactors = risk.factors.filter((f) => !(INFECTIOUS_FACTORS as readonly string[]).includes(f));
    const hasInf = Object.keys(infectious).length > 0;
    const enc = hasInf ? crypto.encrypt(JSON.stringify({ results: infectious, factors: infFactors })) : null;
    const prefix = sex;
    const cols = {
      [`${prefix}_person_id`]: person.id,
      [`${prefix}_values`]: json({ ...v, ...(bmi !== undefined ? { bmi } : {}) }),
      [`${prefix}_reported`]: p.reported,
      [`${prefix}_items`]: p.items,
      [`${prefix}_infectious_enc`]: enc,
      [`${prefix}_risk_level`]: risk.level,
      [`${prefix}_risk_factors`]: clearFactors,
    } as Partial<CheckRow>;
    return { person, cols, level: risk.level };
  }

  async function partnerDto(
    trx: Transaction<Database>,
    ctx: AuthContext,
    r: CheckRow,
    sex: Sex,
  ): Promise<PreconceptionPartnerDto | null> {
    const personId = sex === 'female' ? r.female_person_id : r.male_person_id;
    if (!personId) return null;
    const p = await trx
      .selectFrom('person')
      .select(['name', 'birth_date', 'id_number_masked'])
      .where('county_code', '=', r.county_code)
      .where('id', '=', personId)
      .executeTakeFirst();
    const enc = sex === 'female' ? r.female_infectious_enc : r.male_infectious_enc;
    return {
      personId,
      name: p?.name ?? '',
      birthDate: p?.birth_date ?? null,
      idNumberMasked: p?.id_number_masked ?? null,
      values: sex === 'female' ? r.female_values : r.male_values,
      reported: sex === 'female' ? r.female_reported : r.male_reported,
      items: sex === 'female' ? r.female_items : r.male_items,
      riskLevel: sex === 'female' ? r.female_risk_level : r.male_risk_level,
      riskFactors: sex === 'female' ? r.female_risk_factors : r.male_risk_factors,
      infectious: !enc
        ? null
        : ctx.permissions.has('pmtct')
          ? (JSON.parse(crypto.decrypt(enc)) as { results: Record<string, string>; factors: string[] })
          : 'restricted',
    };
  }

  async function toDto(trx: Transaction<Database>, ctx: AuthContext, r: CheckRow): Promise<PreconceptionDto> {
    const names = await institutionNames(trx, [r.institution_id]);
    if (ctx.permissions.has('pmtct') && (r.female_infectious_enc || r.male_infectious_enc)) {
      await audit.write(trx, ctx, {
        action: 'women.preconception.infectious.read',
        entityType: 'preconception_check',
        entityId: r.id,
        personId: r.female_person_id,
        countyCode: r.county_code,
      });
    }
    return {
      id: r.id,
      checkDate: r.check_date,
      institutionId: r.institution_id,
      institutionName: r.institution_id ? (names.get(r.institution_id) ?? null) : null,
      examiner: r.examiner,
      funded: r.funded,
      plannedPregnancyOn: r.planned_pregnancy_on,
      female: (await partnerDto(trx, ctx, r, 'female'))!,
      male: await partnerDto(trx, ctx, r, 'male'),
      riskLevel: r.risk_level,
      advice: r.advice,
      referred: r.referred,
      referralInstitutionId: r.referral_institution_id,
      referralTo: r.referral_to,
      referralReason: r.referral_reason,
      followUpDue: r.follow_up_due,
      followUpDoneOn: r.follow_up_done_on,
      followUpOutcome: r.follow_up_outcome,
      followUpOverdue: !r.follow_up_done_on && !!r.follow_up_due && r.follow_up_due < today(),
      pregnancyId: r.pregnancy_id,
      pregnancyConfirmedOn: r.pregnancy_confirmed_on,
      note: r.note,
      version: r.version,
      createdAt: isoOf(r.created_at),
    };
  }

  function checkReferral(
    referred: boolean,
    reason: string | null | undefined,
    to: string | null | undefined,
    inst: string | null | undefined,
  ) {
    if (!referred) return;
    if (!reason) throw errors.field('referralReason', '转诊时请填写转诊原因', 'Give the referral reason');
    if (!to && !inst) throw errors.field('referralTo', '请选择或填写转诊机构', 'Give the receiving institution');
  }

  async function loadCheck(trx: Transaction<Database>, id: string) {
    const row = await trx.selectFrom('preconception_check').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw errors.notFound('孕前优生健康检查记录', 'preconception check');
    return row;
  }

  async function versioned(
    trx: Transaction<Database>,
    row: CheckRow,
    version: number,
    patch: Updateable<PreconceptionCheckTable>,
  ): Promise<CheckRow> {
    const updated = await trx
      .updateTable('preconception_check')
      .set({ ...patch, version: row.version + 1, updated_at: new Date() })
      .where('county_code', '=', row.county_code)
      .where('id', '=', row.id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw errors.staleVersion();
    return updated;
  }

  return {
    async create(ctx: AuthContext, input: PreconceptionCreateInput) {
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await trx
            .selectFrom('preconception_check')
            .selectAll()
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (existing) {
            if (existing.created_by !== ctx.userId)
              throw errors.conflict('ID_TAKEN', '编号已被使用', 'This id is taken');
            return { check: await toDto(trx, ctx, existing), created: false };
          }
        }
        notFuture(input.checkDate, 'checkDate', '检查日期');
        const f = await partnerColumns(trx, 'female', input.female, input.checkDate, null);
        const m = input.male ? await partnerColumns(trx, 'male', input.male, input.checkDate, null) : null;
        if (m && m.person.county_code !== f.person.county_code) {
          throw errors.field('male.personId', '男女双方应在同一县区建档', 'Both partners must be in the same county');
        }
        checkReferral(input.referred, input.referralReason, input.referralTo, input.referralInstitutionId);
        await checkInstitution(trx, input.referralInstitutionId, 'referralInstitutionId');
        const institutionId = input.institutionId ?? ctx.institutionId ?? null;
        await checkInstitution(trx, institutionId, 'institutionId');
        const level = f.level === 'high' || m?.level === 'high' ? 'high' : 'low';
        const id = input.id ?? randomUUID();
        const row = await trx
          .insertInto('preconception_check')
          .values({
            county_code: f.person.county_code,
            id,
            check_date: input.checkDate,
            institution_id: institutionId,
            examiner: input.examiner ?? null,
            funded: input.funded,
            planned_pregnancy_on: input.plannedPregnancyOn ?? null,
            ...f.cols,
            ...(m?.cols ?? {}),
            risk_level: level,
            advice: input.advice ?? null,
            referred: input.referred,
            referral_institution_id: input.referralInstitutionId ?? null,
            referral_to: input.referralTo ?? null,
            referral_reason: input.referralReason ?? null,
            follow_up_due: preconceptionFollowUpDue(input.checkDate, level),
            note: input.note ?? null,
            created_by: ctx.userId,
          } as never)
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'women.preconception.create',
          entityType: 'preconception_check',
          entityId: id,
          personId: f.person.id,
          countyCode: f.person.county_code,
          details: { riskLevel: level, partner: m?.person.id ?? null },
        });
        return { check: await toDto(trx, ctx, row), created: true };
      });
    },

    async update(ctx: AuthContext, id: string, input: PreconceptionUpdateInput) {
      return withScope(db, ctx, async (trx) => {
        const row = await loadCheck(trx, id);
        if (row.version !== input.version) throw errors.staleVersion(row.version);
        const checkDate = input.checkDate ?? row.check_date;
        notFuture(checkDate, 'checkDate', '检查日期');
        const patch: Updateable<PreconceptionCheckTable> = { check_date: checkDate };
        let fLevel = row.female_risk_level;
        let mLevel = row.male_risk_level;
        if (input.female) {
          const f = await partnerColumns(trx, 'female', input.female, checkDate, row.female_infectious_enc);
          if (f.person.county_code !== row.county_code)
            throw errors.field('female.personId', '应在本县区建档', 'Wrong county');
          Object.assign(patch, f.cols);
          fLevel = f.level;
        }
        if (input.male) {
          const m = await partnerColumns(trx, 'male', input.male, checkDate, row.male_infectious_enc);
          if (m.person.county_code !== row.county_code)
            throw errors.field('male.personId', '应在本县区建档', 'Wrong county');
          Object.assign(patch, m.cols);
          mLevel = m.level;
        }
        const level = fLevel === 'high' || mLevel === 'high' ? 'high' : 'low';
        const referred = input.referred ?? row.referred;
        const reason = input.referralReason !== undefined ? input.referralReason : row.referral_reason;
        const to = input.referralTo !== undefined ? input.referralTo : row.referral_to;
        const inst =
          input.referralInstitutionId !== undefined ? input.referralInstitutionId : row.referral_institution_id;
        checkReferral(referred, reason, to, inst);
        await checkInstitution(trx, inst, 'referralInstitutionId');
        Object.assign(patch, {
          risk_level: level,
          referred,
          referral_reason: reason,
          referral_to: to,
          referral_institution_id: inst,
          follow_up_due: row.follow_up_done_on ? row.follow_up_due : preconceptionFollowUpDue(checkDate, level),
        });
        if (input.plannedPregnancyOn !== undefined) patch.planned_pregnancy_on = input.plannedPregnancyOn;
        if (input.advice !== undefined) patch.advice = input.advice;
        if (input.note !== undefined) patch.note = input.note;
        const updated = await versioned(trx, row, input.version, patch);
        await audit.write(trx, ctx, {
          action: 'women.preconception.update',
          entityType: 'preconception_check',
          entityId: id,
          personId: row.female_person_id,
          countyCode: row.county_code,
        });
        return toDto(trx, ctx, updated);
      });
    },

    async get(ctx: AuthContext, id: string) {
      return withScope(db, ctx, async (trx) => {
        const row = await loadCheck(trx, id);
        await audit.write(trx, ctx, {
          action: 'women.preconception.read',
          entityType: 'preconception_check',
          entityId: id,
          personId: row.female_person_id,
          countyCode: row.county_code,
        });
        return toDto(trx, ctx, row);
      });
    },

    async followUp(ctx: AuthContext, id: string, input: { version: number; date: string; outcome: string }) {
      return withScope(db, ctx, async (trx) => {
        const row = await loadCheck(trx, id);
        if (row.version !== input.version) throw errors.staleVersion(row.version);
        if (!row.follow_up_due)
          throw invalidTransition('该检查无需随访', 'No follow-up is due', { state: 'not_needed' });
        if (row.follow_up_done_on) {
          throw invalidTransition('该检查已完成随访', 'The follow-up is already recorded', { state: 'done' });
        }
        notFuture(input.date, 'date', '随访日期');
        if (input.date < row.check_date) throw errors.field('date', '随访日期早于检查日期', 'Before the check');
        const updated = await versioned(trx, row, input.version, {
          follow_up_done_on: input.date,
          follow_up_outcome: input.outcome,
        });
        await audit.write(trx, ctx, {
          action: 'women.preconception.follow_up',
          entityType: 'preconception_check',
          entityId: id,
          personId: row.female_person_id,
          countyCode: row.county_code,
        });
        return toDto(trx, ctx, updated);
      });
    },

    /** Links the pregnancy that followed the check (item 19); the pregnancy id comes from the maternal module. */
    async linkPregnancy(
      ctx: AuthContext,
      id: string,
      input: { version: number; pregnancyId?: string | undefined; confirmedOn: string },
    ) {
      return withScope(db, ctx, async (trx) => {
        const row = await loadCheck(trx, id);
        if (row.version !== input.version) throw errors.staleVersion(row.version);
        notFuture(input.confirmedOn, 'confirmedOn', '确认妊娠日期');
        if (input.confirmedOn < row.check_date) {
          throw errors.field('confirmedOn', '确认妊娠日期早于孕前检查日期', 'Before the check');
        }
        const updated = await versioned(trx, row, input.version, {
          pregnancy_id: input.pregnancyId ?? null,
          pregnancy_confirmed_on: input.confirmedOn,
        });
        await audit.write(trx, ctx, {
          action: 'women.preconception.pregnancy',
          entityType: 'preconception_check',
          entityId: id,
          personId: row.female_person_id,
          countyCode: row.county_code,
          details: { pregnancyId: input.pregnancyId ?? null },
        });
        return toDto(trx, ctx, updated);
      });
    },

    async list(ctx: AuthContext, f: PreconceptionListFilter, opts: { all?: boolean } = {}) {
      return withScope(db, ctx, async (trx) => {
        const t = today();
        let q = trx
          .selectFrom('preconception_check as c')
          .innerJoin('person as pf', (j) =>
            j.onRef('pf.county_code', '=', 'c.county_code').onRef('pf.id', '=', 'c.female_person_id'),
          )
          .leftJoin('person as pm', (j) =>
            j.onRef('pm.county_code', '=', 'c.county_code').onRef('pm.id', '=', 'c.male_person_id'),
          );
        if (f.institutionId) q = q.where('c.institution_id', '=', f.institutionId);
        if (f.from) q = q.where('c.check_date', '>=', f.from);
        if (f.to) q = q.where('c.check_date', '<=', f.to);
        if (f.riskLevel) q = q.where('c.risk_level', '=', f.riskLevel);
        if (f.referred) q = q.where('c.referred', '=', f.referred === 'true');
        if (f.pregnant) {
          q = q.where('c.pregnancy_confirmed_on', f.pregnant === 'true' ? 'is not' : 'is', null);
        }
        if (f.followUp === 'due')
          q = q.where('c.follow_up_due', 'is not', null).where('c.follow_up_done_on', 'is', null);
        if (f.followUp === 'overdue') q = q.where('c.follow_up_done_on', 'is', null).where('c.follow_up_due', '<', t);
        if (f.followUp === 'done') q = q.where('c.follow_up_done_on', 'is not', null);
        if (f.q) {
          const like = `%${f.q}%`;
          q = q.where((eb) => eb.or([eb('pf.name', 'like', like), eb('pm.name', 'like', like)]));
        }
        let rowsQ = q
          .selectAll('c')
          .select(['pf.name as f_name', 'pf.id_number_masked as f_id', 'pm.name as m_name'])
          .orderBy('c.check_date', 'desc')
          .orderBy('c.id');
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
          action: opts.all ? 'women.preconception.export' : 'women.preconception.list',
          entityType: 'preconception_check',
          details: { filter: { ...f, page: undefined, pageSize: undefined }, results: Number(total.n) },
        });
        const items: PreconceptionListItem[] = rows.map((r) => ({
          id: r.id,
          checkDate: r.check_date,
          femaleName: r.f_name,
          femaleIdMasked: r.f_id,
          maleName: r.m_name,
          riskLevel: r.risk_level,
          riskFactors: [...new Set([...r.female_risk_factors, ...r.male_risk_factors])],
          referred: r.referred,
          followUpDue: r.follow_up_due,
          followUpDoneOn: r.follow_up_done_on,
          followUpOverdue: !r.follow_up_done_on && !!r.follow_up_due && r.follow_up_due < t,
          pregnancyConfirmedOn: r.pregnancy_confirmed_on,
          institutionName: r.institution_id ? (names.get(r.institution_id) ?? null) : null,
        }));
        return { items, total: Number(total.n), page: f.page, pageSize: f.pageSize };
      });
    },

    async forPerson(ctx: AuthContext, personId: string) {
      return withScope(db, ctx, async (trx) => {
        const person = await loadPerson(trx, personId);
        const rows = await trx
          .selectFrom('preconception_check')
          .selectAll()
          .where('county_code', '=', person.county_code)
          .where((eb) => eb.or([eb('female_person_id', '=', personId), eb('male_person_id', '=', personId)]))
          .orderBy('check_date', 'desc')
          .execute();
        await audit.write(trx, ctx, {
          action: 'women.preconception.history',
          entityType: 'person',
          entityId: personId,
          personId,
          countyCode: person.county_code,
        });
        const out: PreconceptionDto[] = [];
        for (const r of rows) out.push(await toDto(trx, ctx, r));
        return out;
      });
    },
  };
}
export type PreconceptionService = ReturnType<typeof createPreconceptionService>;
