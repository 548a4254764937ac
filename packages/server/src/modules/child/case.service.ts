import { randomUUID } from 'node:crypto';
import {
  sql,
  withScope,
  type ChildCaseTable,
  type ChildReferralTable,
  type Database,
  type Selectable,
  type Transaction,
} from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import type { ModuleDeps } from '../module-deps';
import {
  checkInstitution,
  daysBetween,
  institutionNames,
  json,
  loadChild,
  num,
  residenceAltitudeM,
  today,
  type ChildProfileRow,
  type PersonRow,
} from './child.common';
import type { CaseCloseInput, CaseFollowupInput, CaseLedgerFilter, referralSchema } from './child.schemas';
import type { CheckupRow, ProposingCheckup } from './checkup.service';
import { caseClosure, caseNextDue, followupAssessment, type CaseKind, type CaseProposal } from './child.rules';
import type { z } from 'zod';
import { refreshChildWork } from './worklist.refresh';

type CaseRow = Selectable<ChildCaseTable>;
type ReferralRow = Selectable<ChildReferralTable>;

/** A case as the API returns it. */
export interface CaseDto {
  id: string;
  personId: string;
  kind: CaseKind;
  severity: string | null;
  subtypes: string[];
  criteria: unknown;
  status: string;
  sourceCheckupId: string | null;
  proposedOn: string;
  openedOn: string | null;
  institutionId: string | null;
  nextFollowUpDue: string | null;
  overdue: boolean;
  closedOn: string | null;
  outcome: string | null;
  closureNote: string | null;
  dismissedReason: string | null;
  version: number;
}

/** A referral as the API returns it. */
export interface ReferralDto {
  id: string;
  personId: string;
  sourceKind: string;
  sourceId: string;
  referredOn: string;
  toInstitutionId: string | null;
  toInstitutionName: string | null;
  reason: string;
  status: string;
  receiptOn: string | null;
  receiptDiagnosis: string | null;
  receiptNote: string | null;
  version: number;
}

export function toCaseDto(r: CaseRow, t = today()): CaseDto {
  return {
    id: r.id,
    personId: r.person_id,
    kind: r.kind,
    severity: r.severity,
    subtypes: r.subtypes,
    criteria: r.criteria,
    status: r.status,
    sourceCheckupId: r.source_checkup_id,
    proposedOn: r.proposed_on,
    openedOn: r.opened_on,
    institutionId: r.institution_id,
    nextFollowUpDue: r.next_follow_up_due,
    overdue: r.status === 'open' && !!r.next_follow_up_due && r.next_follow_up_due < t,
    closedOn: r.closed_on,
    outcome: r.outcome,
    closureNote: r.closure_note,
    dismissedReason: r.dismissed_reason,
    version: r.version,
  };
}

export function toReferralDto(r: ReferralRow): ReferralDto {
  return {
    id: r.id,
    personId: r.person_id,
    sourceKind: r.source_kind,
    sourceId: r.source_id,
    referredOn: r.referred_on,
    toInstitutionId: r.to_institution_id,
    toInstitutionName: r.to_institution_name,
    reason: r.reason,
    status: r.status,
    receiptOn: r.receipt_on,
    receiptDiagnosis: r.receipt_diagnosis,
    receiptNote: r.receipt_note,
    version: r.version,
  };
}

/** Ledger row (体弱儿/高危儿台账). */
export interface LedgerItem extends CaseDto {
  childName: string;
  sex: string;
  birthDate: string | null;
  idNumberMasked: string | null;
  residenceRegionName: string | null;
  institutionName: string | null;
  followups: number;
}

/** Cases: proposals from check-ups, confirmation, follow-ups, referrals with receipts, closure, the ledger. */
export function createCaseService(deps: ModuleDeps) {
  const { db, audit, regions } = deps;

  async function loadCase(trx: Transaction<Database>, caseId: string) {
    const row = await trx.selectFrom('child_case').selectAll().where('id', '=', caseId).executeTakeFirst();
    if (!row) throw errors.notFound('专案', 'case');
    const child = await loadChild(trx, row.person_id);
    return { row, ...child };
  }

  async function insertReferral(
    trx: Transaction<Database>,
    ctx: AuthContext,
    profile: ChildProfileRow,
    source: { kind: ReferralRow['source_kind']; id: string },
    input: z.infer<typeof referralSchema>,
  ) {
    await checkInstitution(trx, input.toInstitutionId, 'toInstitutionId');
    if (!input.toInstitutionId && !input.toInstitutionName)
      throw errors.field('toInstitutionName', '请选择或填写转入机构', 'Give the receiving institution');
    if (input.referredOn > today())
      throw errors.field('referredOn', '转诊日期不能晚于今天', 'Referral date in the future');
    const id = input.id ?? randomUUID();
    const row = await trx
      .insertInto('child_referral')
      .values({
        county_code: profile.county_code,
        id,
        person_id: profile.person_id,
        source_kind: source.kind,
        source_id: source.id,
        referred_on: input.referredOn,
        to_institution_id: input.toInstitutionId ?? null,
        to_institution_name: input.toInstitutionName ?? null,
        reason: input.reason,
        created_by: ctx.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit.write(trx, ctx, {
      action: 'child.referral.create',
      entityType: 'child_referral',
      entityId: id,
      personId: profile.person_id,
      countyCode: profile.county_code,
      details: { source: source.kind },
    });
    return row;
  }

  function nextDue(kind: CaseKind, severity: string | null, from: string, person: PersonRow, profile: ChildProfileRow) {
    return caseNextDue({ kind, severity, from, person, profile });
  }

  return {
    /** Opens proposed cases for a check-up's proposals (one live case per kind and child). */
    async proposeInTx(
      trx: Transaction<Database>,
      ctx: AuthContext,
      checkup: ProposingCheckup,
      proposals: CaseProposal[],
    ): Promise<CaseProposal[]> {
      const out: CaseProposal[] = [];
      for (const p of proposals) {
        // a birth-based case (high-risk infant, preterm) is proposed once; a nutrition case again after closure
        const once = p.kind === 'high_risk_infant' || p.kind === 'preterm';
        const live = await trx
          .selectFrom('child_case')
          .select(['id', 'status'])
          .where('county_code', '=', checkup.county_code)
          .where('person_id', '=', checkup.person_id)
          .where('kind', '=', p.kind)
          .where('status', 'in', once ? ['proposed', 'open', 'closed', 'dismissed'] : ['proposed', 'open'])
          .orderBy('created_at', 'desc')
          .executeTakeFirst();
        if (live) {
          out.push({ ...p, caseId: live.id, existing: true });
          continue;
        }
        const id = randomUUID();
        await trx
          .insertInto('child_case')
          .values({
            county_code: checkup.county_code,
            id,
            person_id: checkup.person_id,
            kind: p.kind,
            severity: p.severity,
            subtypes: p.subtypes,
            criteria: json(p.criteria),
            status: 'proposed',
            source_checkup_id: checkup.id,
            proposed_on: checkup.visit_date,
            institution_id: checkup.institution_id,
            created_by: ctx.userId,
          })
          .execute();
        await audit.write(trx, ctx, {
          action: 'child.case.propose',
          entityType: 'child_case',
          entityId: id,
          personId: checkup.person_id,
          countyCode: checkup.county_code,
          details: { kind: p.kind, severity: p.severity },
        });
        out.push({ ...p, caseId: id });
      }
      return out;
    },

    /** Records a referral made at a check-up. */
    async referFromCheckupInTx(
      trx: Transaction<Database>,
      ctx: AuthContext,
      checkup: CheckupRow,
      referral: { reason: string; toInstitutionId?: string | undefined; toInstitutionName?: string | undefined },
    ) {
      const profile = await trx
        .selectFrom('child_profile')
        .selectAll()
        .where('county_code', '=', checkup.county_code)
        .where('person_id', '=', checkup.person_id)
        .executeTakeFirstOrThrow();
      await insertReferral(
        trx,
        ctx,
        profile,
        { kind: 'checkup', id: checkup.id },
        { ...referral, referredOn: checkup.visit_date },
      );
    },

    /** Records a referral made at a child screening. */
    async referScreeningInTx(
      trx: Transaction<Database>,
      ctx: AuthContext,
      profile: ChildProfileRow,
      screeningId: string,
      date: string,
      r: { reason: string; toInstitutionId?: string | undefined; toInstitutionName?: string | undefined },
    ) {
      await insertReferral(trx, ctx, profile, { kind: 'screening', id: screeningId }, { ...r, referredOn: date });
    },

    /** A clinician opens a case directly (e.g. rickets diagnosed, a high-risk infant found at a visit). */
    async open(
      ctx: AuthContext,
      personId: string,
      input: {
        id?: string | undefined;
        kind: CaseKind;
        severity?: string | undefined;
        subtypes?: string[] | undefined;
        openedOn: string;
        note?: string | undefined;
      },
    ): Promise<CaseDto> {
      return withScope(db, ctx, async (trx) => {
        const { person, profile } = await loadChild(trx, personId);
        if (input.openedOn > today())
          throw errors.field('openedOn', '建案日期不能晚于今天', 'Opening date in the future');
        if (person.birth_date && input.openedOn < person.birth_date)
          throw errors.field('openedOn', '建案日期不能早于出生日期', 'Opening date before birth');
        const live = await trx
          .selectFrom('child_case')
          .select('id')
          .where('county_code', '=', profile.county_code)
          .where('person_id', '=', personId)
          .where('kind', '=', input.kind)
          .where('status', 'in', ['proposed', 'open'])
          .executeTakeFirst();
        if (live)
          throw errors.conflict('CASE_EXISTS', '该儿童已有同类在管专案', 'A live case of this kind exists', {
            caseId: live.id,
          });
        const id = input.id ?? randomUUID();
        const row = await trx
          .insertInto('child_case')
          .values({
            county_code: profile.county_code,
            id,
            person_id: personId,
            kind: input.kind,
            severity: input.severity ?? null,
            subtypes: input.subtypes ?? [],
            criteria: json(input.note ? [{ code: 'clinician', zh: input.note, en: input.note }] : []),
            status: 'open',
            proposed_on: input.openedOn,
            opened_on: input.openedOn,
            confirmed_by: ctx.userId,
            institution_id: ctx.institutionId,
            next_follow_up_due: nextDue(input.kind, input.severity ?? null, input.openedOn, person, profile),
            created_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'child.case.open',
          entityType: 'child_case',
          entityId: id,
          personId,
          countyCode: profile.county_code,
          details: { kind: input.kind },
        });
        await refreshChildWork(trx, deps.crypto, profile.county_code, personId);
        return toCaseDto(row);
      });
    },

    /** The clinician confirms a proposed case: it becomes open with its first follow-up due. */
    async confirm(
      ctx: AuthContext,
      caseId: string,
      input: { version: number; openedOn: string; severity?: string | undefined },
    ) {
      return withScope(db, ctx, async (trx) => {
        const { row, person, profile } = await loadCase(trx, caseId);
        if (row.version !== input.version) throw errors.staleVersion(row.version);
        if (row.status !== 'proposed')
          throw errors.conflict(
            'CASE_NOT_PROPOSED',
            '只有待确认的专案可以确认',
            'Only a proposed case can be confirmed',
          );
        if (input.openedOn < row.proposed_on || input.openedOn > today())
          throw errors.field(
            'openedOn',
            '建案日期应在提出日期与今天之间',
            'The opening date is outside proposal…today',
          );
        const severity = input.severity ?? row.severity;
        const updated = await trx
          .updateTable('child_case')
          .set({
            status: 'open',
            opened_on: input.openedOn,
            severity,
            confirmed_by: ctx.userId,
            institution_id: row.institution_id ?? ctx.institutionId,
            next_follow_up_due: nextDue(row.kind, severity, input.openedOn, person, profile),
            version: row.version + 1,
            updated_at: new Date(),
          })
          .where('county_code', '=', row.county_code)
          .where('id', '=', caseId)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        await audit.write(trx, ctx, {
          action: 'child.case.confirm',
          entityType: 'child_case',
          entityId: caseId,
          personId: row.person_id,
          countyCode: row.county_code,
        });
        await refreshChildWork(trx, deps.crypto, row.county_code, row.person_id);
        return toCaseDto(updated);
      });
    },

    /** The clinician decides a proposal is not a case. */
    async dismiss(ctx: AuthContext, caseId: string, input: { version: number; reason: string }) {
      return withScope(db, ctx, async (trx) => {
        const { row } = await loadCase(trx, caseId);
        if (row.version !== input.version) throw errors.staleVersion(row.version);
        if (row.status !== 'proposed')
          throw errors.conflict(
            'CASE_NOT_PROPOSED',
            '只有待确认的专案可以不纳入',
            'Only a proposed case can be dismissed',
          );
        const updated = await trx
          .updateTable('child_case')
          .set({
            status: 'dismissed',
            dismissed_reason: input.reason,
            version: row.version + 1,
            updated_at: new Date(),
          })
          .where('county_code', '=', row.county_code)
          .where('id', '=', caseId)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        await audit.write(trx, ctx, {
          action: 'child.case.dismiss',
          entityType: 'child_case',
          entityId: caseId,
          personId: row.person_id,
          countyCode: row.county_code,
        });
        await refreshChildWork(trx, deps.crypto, row.county_code, row.person_id);
        return toCaseDto(updated);
      });
    },

    /** Records a follow-up: re-assesses growth/Hb with core, sets the next due date, says whether closure is met. */
    async addFollowup(ctx: AuthContext, caseId: string, input: CaseFollowupInput) {
      return withScope(db, ctx, async (trx) => {
        const { row, person, profile } = await loadCase(trx, caseId);
        if (row.status !== 'open')
          throw errors.conflict('CASE_NOT_OPEN', '专案未在管，不能随访', 'The case is not open');
        if (input.followupDate > today())
          throw errors.field('followupDate', '随访日期不能晚于今天', 'Follow-up date in the future');
        if (row.opened_on && input.followupDate < row.opened_on)
          throw errors.field('followupDate', '随访日期不能早于建案日期', 'Follow-up before the case was opened');
        if (input.nextDue && input.nextDue <= input.followupDate)
          throw errors.field('nextDue', '下次随访日期应晚于本次随访', 'The next follow-up is not after this one');
        const altitudeM = await residenceAltitudeM(trx, person);
        const assessment = followupAssessment({ kind: row.kind, person, date: input.followupDate, input, altitudeM });
        const severity = input.severity ?? assessment.severity ?? row.severity;
        const due = input.nextDue ?? nextDue(row.kind, severity, input.followupDate, person, profile);
        const id = input.id ?? randomUUID();
        await trx
          .insertInto('child_case_followup')
          .values({
            county_code: row.county_code,
            id,
            case_id: caseId,
            person_id: row.person_id,
            followup_date: input.followupDate,
            checkup_id: input.checkupId ?? null,
            weight_kg: input.weightKg ?? null,
            length_cm: input.lengthCm ?? null,
            hb_gl: input.hbGL ?? null,
            zscores: json(assessment.zscores),
            severity,
            treatment: input.treatment ?? null,
            guidance: input.guidance ?? null,
            note: input.note ?? null,
            next_due: due,
            created_by: ctx.userId,
          })
          .execute();
        const updated = await trx
          .updateTable('child_case')
          .set({ next_follow_up_due: due, severity, version: row.version + 1, updated_at: new Date() })
          .where('county_code', '=', row.county_code)
          .where('id', '=', caseId)
          .returningAll()
          .executeTakeFirstOrThrow();
        const followups = await trx
          .selectFrom('child_case_followup')
          .selectAll()
          .where('county_code', '=', row.county_code)
          .where('case_id', '=', caseId)
          .orderBy('followup_date')
          .execute();
        const closure = caseClosure({
          kind: row.kind,
          person,
          profile,
          followups,
          date: input.followupDate,
          altitudeM,
        });
        await audit.write(trx, ctx, {
          action: 'child.case.followup',
          entityType: 'child_case',
          entityId: caseId,
          personId: row.person_id,
          countyCode: row.county_code,
        });
        await refreshChildWork(trx, deps.crypto, row.county_code, row.person_id);
        return {
          case: toCaseDto(updated),
          followupId: id,
          zscores: assessment.zscores,
          findings: assessment.findings,
          closure,
        };
      });
    },

    /** Closes a case: cured/improved need core's closure criteria met (or an override with a note). */
    async close(ctx: AuthContext, caseId: string, input: CaseCloseInput) {
      return withScope(db, ctx, async (trx) => {
        const { row, person, profile } = await loadCase(trx, caseId);
        if (row.version !== input.version) throw errors.staleVersion(row.version);
        if (row.status !== 'open')
          throw errors.conflict('CASE_NOT_OPEN', '专案未在管，不能结案', 'The case is not open');
        if (input.closedOn > today() || (row.opened_on && input.closedOn < row.opened_on))
          throw errors.field('closedOn', '结案日期应在建案日期与今天之间', 'The closing date is outside opening…today');
        if (input.outcome === 'cured') {
          const followups = await trx
            .selectFrom('child_case_followup')
            .selectAll()
            .where('county_code', '=', row.county_code)
            .where('case_id', '=', caseId)
            .orderBy('followup_date')
            .execute();
          const closure = caseClosure({
            kind: row.kind,
            person,
            profile,
            followups,
            date: input.closedOn,
            altitudeM: await residenceAltitudeM(trx, person),
          });
          if (!closure.met && !input.override)
            throw new AppError(
              'CLOSURE_CRITERIA_NOT_MET',
              422,
              `未达到结案标准：${closure.reasonsZh.join('；')}`,
              `Closure criteria not met: ${closure.reasonsEn.join('; ')}`,
              [{ field: 'outcome', messageZh: closure.reasonsZh.join('；'), messageEn: closure.reasonsEn.join('; ') }],
            );
          if (!closure.met && !input.note)
            throw errors.field('note', '未达结案标准而结案时请说明理由', 'Explain the override');
        }
        const updated = await trx
          .updateTable('child_case')
          .set({
            status: 'closed',
            closed_on: input.closedOn,
            outcome: input.outcome,
            closure_note: input.note ?? null,
            next_follow_up_due: null,
            version: row.version + 1,
            updated_at: new Date(),
          })
          .where('county_code', '=', row.county_code)
          .where('id', '=', caseId)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        await audit.write(trx, ctx, {
          action: 'child.case.close',
          entityType: 'child_case',
          entityId: caseId,
          personId: row.person_id,
          countyCode: row.county_code,
          details: { outcome: input.outcome, override: input.override },
        });
        await refreshChildWork(trx, deps.crypto, row.county_code, row.person_id);
        return toCaseDto(updated);
      });
    },

    /** Refers the child of a case. */
    async refer(ctx: AuthContext, caseId: string, input: z.infer<typeof referralSchema>) {
      return withScope(db, ctx, async (trx) => {
        const { row, profile } = await loadCase(trx, caseId);
        if (row.status !== 'open') throw errors.conflict('CASE_NOT_OPEN', '专案未在管', 'The case is not open');
        if (row.opened_on && input.referredOn < row.opened_on)
          throw errors.field('referredOn', '转诊日期不能早于建案日期', 'Referral before the case was opened');
        const referral = await insertReferral(trx, ctx, profile, { kind: 'case', id: caseId }, input);
        await refreshChildWork(trx, deps.crypto, profile.county_code, profile.person_id);
        return toReferralDto(referral);
      });
    },

    /** Records the receiving institution's receipt (回执). */
    async receipt(
      ctx: AuthContext,
      referralId: string,
      input: { version: number; receiptOn: string; diagnosis: string; note?: string | undefined },
    ) {
      return withScope(db, ctx, async (trx) => {
        const r = await trx.selectFrom('child_referral').selectAll().where('id', '=', referralId).executeTakeFirst();
        if (!r) throw errors.notFound('转诊记录', 'referral');
        if (r.version !== input.version) throw errors.staleVersion(r.version);
        if (input.receiptOn < r.referred_on || input.receiptOn > today())
          throw errors.field(
            'receiptOn',
            '回执日期应在转诊日期与今天之间',
            'The receipt date is outside referral…today',
          );
        const updated = await trx
          .updateTable('child_referral')
          .set({
            status: 'received',
            receipt_on: input.receiptOn,
            receipt_diagnosis: input.diagnosis,
            receipt_note: input.note ?? null,
            version: r.version + 1,
            updated_at: new Date(),
          })
          .where('county_code', '=', r.county_code)
          .where('id', '=', referralId)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        await audit.write(trx, ctx, {
          action: 'child.referral.receipt',
          entityType: 'child_referral',
          entityId: referralId,
          personId: r.person_id,
          countyCode: r.county_code,
        });
        await refreshChildWork(trx, deps.crypto, r.county_code, r.person_id);
        return toReferralDto(updated);
      });
    },

    /** One case with its follow-ups and referrals. */
    async get(ctx: AuthContext, caseId: string) {
      return withScope(db, ctx, async (trx) => {
        const { row, person } = await loadCase(trx, caseId);
        const [followups, referrals] = await Promise.all([
          trx
            .selectFrom('child_case_followup')
            .selectAll()
            .where('county_code', '=', row.county_code)
            .where('case_id', '=', caseId)
            .orderBy('followup_date')
            .execute(),
          trx
            .selectFrom('child_referral')
            .selectAll()
            .where('county_code', '=', row.county_code)
            .where('source_kind', '=', 'case')
            .where('source_id', '=', caseId)
            .orderBy('referred_on')
            .execute(),
        ]);
        await audit.write(trx, ctx, {
          action: 'child.case.read',
          entityType: 'child_case',
          entityId: caseId,
          personId: row.person_id,
          countyCode: row.county_code,
        });
        return {
          ...toCaseDto(row),
          childName: person.name,
          birthDate: person.birth_date,
          followups: followups.map((f) => ({
            id: f.id,
            followupDate: f.followup_date,
            weightKg: num(f.weight_kg),
            lengthCm: num(f.length_cm),
            hbGL: f.hb_gl,
            zscores: f.zscores,
            severity: f.severity,
            treatment: f.treatment,
            guidance: f.guidance,
            note: f.note,
            nextDue: f.next_due,
          })),
          referrals: referrals.map(toReferralDto),
        };
      });
    },

    /** Cases of one child (all statuses) and the referrals of the child. */
    async listForChild(ctx: AuthContext, personId: string) {
      return withScope(db, ctx, async (trx) => {
        const { profile } = await loadChild(trx, personId);
        const [cases, referrals] = await Promise.all([
          trx
            .selectFrom('child_case')
            .selectAll()
            .where('county_code', '=', profile.county_code)
            .where('person_id', '=', personId)
            .orderBy('proposed_on', 'desc')
            .execute(),
          trx
            .selectFrom('child_referral')
            .selectAll()
            .where('county_code', '=', profile.county_code)
            .where('person_id', '=', personId)
            .orderBy('referred_on', 'desc')
            .execute(),
        ]);
        return { cases: cases.map((c) => toCaseDto(c)), referrals: referrals.map(toReferralDto) };
      });
    },

    /** The case ledger (体弱儿/高危儿台账): filters, pagination; `all` returns every row (for export). */
    async ledger(ctx: AuthContext, f: CaseLedgerFilter, opts: { all?: boolean } = {}) {
      return withScope(db, ctx, async (trx) => {
        const t = today();
        let q = trx
          .selectFrom('child_case as c')
          .innerJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 'c.county_code').onRef('p.id', '=', 'c.person_id'),
          );
        if (f.kind) q = q.where('c.kind', '=', f.kind);
        if (f.status) q = q.where('c.status', '=', f.status);
        if (f.overdue === 'true') q = q.where('c.status', '=', 'open').where('c.next_follow_up_due', '<', t);
        if (f.institutionId) q = q.where('c.institution_id', '=', f.institutionId);
        if (f.township) q = q.where('p.residence_region_code', 'like', `${f.township}%`);
        if (f.from) q = q.where('c.proposed_on', '>=', f.from);
        if (f.to) q = q.where('c.proposed_on', '<=', f.to);
        let rowsQ = q
          .selectAll('c')
          .select([
            'p.name as child_name',
            'p.sex as child_sex',
            'p.birth_date as child_birth_date',
            'p.id_number_masked as child_id_masked',
            'p.residence_region_code as child_residence',
            sql<number>`(select count(*) from child_case_followup f where f.county_code = c.county_code and f.case_id = c.id)`.as(
              'followup_count',
            ),
          ])
          .orderBy('c.proposed_on', 'desc')
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
          action: opts.all ? 'child.case.export' : 'child.case.ledger',
          entityType: 'child_case',
          details: { filter: { ...f, page: undefined, pageSize: undefined }, results: Number(total.n) },
        });
        const items: LedgerItem[] = rows.map((r) => ({
          ...toCaseDto(r, t),
          childName: r.child_name,
          sex: r.child_sex,
          birthDate: r.child_birth_date,
          idNumberMasked: r.child_id_masked,
          residenceRegionName: regions.get(r.child_residence)?.name ?? null,
          institutionName: r.institution_id ? (names.get(r.institution_id) ?? null) : null,
          followups: Number(r.followup_count),
        }));
        return { items, total: Number(total.n), page: f.page, pageSize: f.pageSize };
      });
    },

    /** Days overdue of an open case's next follow-up (0 when not overdue). */
    overdueDays(c: CaseDto, t = today()): number {
      return c.overdue && c.nextFollowUpDue ? daysBetween(c.nextFollowUpDue, t) : 0;
    },
  };
}
export type CaseService = ReturnType<typeof createCaseService>;
