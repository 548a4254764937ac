import { randomUUID } from 'node:crypto';
import {
  deliveryHospitalDuty,
  gestationalAgeToDays,
  NATIONAL_HIGH_RISK_DUTIES_2017,
  opensHighRiskCase,
  RISK_COLOUR_RANK,
  referralDueDates,
  reportDeadline,
  type RiskGradeColour,
} from '@fuyou/core';
import {
  sql,
  withScope,
  type Database,
  type HighRiskCaseTable,
  type HighRiskReportTable,
  type MaternalReferralTable,
  type RiskAssessmentTable,
  type Selectable,
  type Transaction,
} from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { ModuleDeps } from '../module-deps';
import {
  chinaNow,
  checkInstitution,
  clearScreenReferralDue,
  countyMchHospital,
  daysBetween,
  deadlineInstant,
  gaText,
  institutionNames,
  iso,
  json,
  loadPregnancy,
  today,
  unprocessable,
  unwrap,
  type PregnancyRow,
} from './maternal.common';
import type {
  CaseCloseInput,
  CaseFollowupInput,
  CaseUpdateInput,
  LedgerFilter,
  ReferralCreateInput,
} from './maternal.schemas';
import { canSeePmtct } from './pmtct.common';
import { completeIfDone } from './schedule';

type CaseRow = Selectable<HighRiskCaseTable>;
type ReportRow = Selectable<HighRiskReportTable>;
type ReferralRow = Selectable<MaternalReferralTable>;
type AssessmentRow = Selectable<RiskAssessmentTable>;

/** A high-risk case (高危专案) as the API returns it. */
export interface CaseDto {
  id: string;
  pregnancyId: string;
  personId: string;
  status: string;
  openedOn: string;
  colour: string;
  purple: boolean;
  reasons: Array<{ code: string; colour: string; zh: string; en?: string }>;
  managingInstitutionId: string | null;
  managingInstitutionName: string | null;
  plan: string | null;
  emergencyPlan: string | null;
  deliveryHospitalId: string | null;
  deliveryHospitalName: string | null;
  deliveryHospitalOn: string | null;
  /** The duty to fix the delivery hospital by 28–36 weeks (null when delivered or the pregnancy ended). */
  deliveryHospitalDuty: { status: string; windowStart: string; windowEnd: string } | null;
  nextFollowUpDue: string | null;
  followUpOverdue: boolean;
  reportPending: boolean;
  reportDueAt: string | null;
  reportOverdue: boolean;
  closedOn: string | null;
  closeReason: string | null;
  closeNote: string | null;
  version: number;
}

/** A report of a case (妊娠风险评估分级报告). */
export interface ReportDto {
  id: string;
  caseId: string;
  personId: string;
  colour: string;
  purple: boolean;
  reportedAt: string | null;
  dueAt: string | null;
  deadline: unknown;
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
  overdue: boolean;
}

/** A referral with its receipt. */
export interface ReferralDto {
  id: string;
  pregnancyId: string;
  personId: string;
  caseId: string | null;
  sourceKind: string;
  referredOn: string;
  fromInstitutionId: string | null;
  fromInstitutionName: string | null;
  toInstitutionId: string | null;
  toInstitutionName: string | null;
  reason: string;
  urgency: string;
  status: string;
  receiveDue: string;
  receivedOn: string | null;
  receiptOverdue: boolean;
  outcomeDue: string;
  outcome: string | null;
  outcomeOn: string | null;
  outcomeOverdue: boolean;
  version: number;
}

/** One row of the high-risk ledger (台账). */
export interface LedgerItem extends CaseDto {
  womanName: string;
  idNumberMasked: string | null;
  ageYears: number | null;
  residenceRegionName: string | null;
  nonResident: boolean;
  edd: string;
  gestationalAge: string | null;
  pregnancyStatus: string;
  followups: number;
  lastFollowUpOn: string | null;
  referralsPending: number;
}

const REDACTED = {
  code: 'purple.restricted',
  colour: 'purple',
  zh: '传染性疾病（受限信息）',
  en: 'Infectious disease (restricted)',
};

/** Purple items name the infection: only PMTCT users see which. */
export function redactReasons<T extends { colour: string }>(
  reasons: T[],
  ctx: AuthContext,
): Array<T | typeof REDACTED> {
  if (canSeePmtct(ctx)) return reasons;
  const out: Array<T | typeof REDACTED> = reasons.filter((r) => r.colour !== 'purple');
  if (out.length !== reasons.length) out.push(REDACTED);
  return out;
}

/** The delivery-hospital duty of an open case of an antenatal pregnancy (core rule, REFERENCE §1.2 [L]). */
function hospitalDuty(r: CaseRow, preg: { edd: string; status: string } | undefined, t: string) {
  if (!preg || r.status !== 'open' || preg.status !== 'antenatal') return null;
  const d = deliveryHospitalDuty({ edd: preg.edd }, t, !!r.delivery_hospital_id);
  return d.ok ? { status: d.value.status, windowStart: d.value.windowStart, windowEnd: d.value.windowEnd } : null;
}

function toCaseDto(
  r: CaseRow,
  ctx: AuthContext,
  names: Map<string, string>,
  now = new Date(),
  t = today(),
  preg?: { edd: string; status: string },
): CaseDto {
  const due = r.report_due_at ? new Date(r.report_due_at) : null;
  return {
    id: r.id,
    pregnancyId: r.pregnancy_id,
    personId: r.person_id,
    status: r.status,
    openedOn: r.opened_on,
    colour: r.colour,
    purple: r.purple,
    reasons: redactReasons(r.reasons as CaseDto['reasons'], ctx),
    managingInstitutionId: r.managing_institution_id,
    managingInstitutionName: r.managing_institution_id ? (names.get(r.managing_institution_id) ?? null) : null,
    plan: r.plan,
    emergencyPlan: r.emergency_plan,
    deliveryHospitalId: r.delivery_hospital_id,
    deliveryHospitalName: r.delivery_hospital_id ? (names.get(r.delivery_hospital_id) ?? null) : null,
    deliveryHospitalOn: r.delivery_hospital_on,
    deliveryHospitalDuty: hospitalDuty(r, preg, t),
    nextFollowUpDue: r.next_follow_up_due,
    followUpOverdue: r.status === 'open' && !!r.next_follow_up_due && r.next_follow_up_due < t,
    reportPending: r.status === 'open' && r.report_pending,
    reportDueAt: iso(r.report_due_at),
    reportOverdue: r.status === 'open' && r.report_pending && !!due && due < now,
    closedOn: r.closed_on,
    closeReason: r.close_reason,
    closeNote: r.close_note,
    version: r.version,
  };
}

function toReportDto(r: ReportRow, now = new Date()): ReportDto {
  return {
    id: r.id,
    caseId: r.case_id,
    personId: r.person_id,
    colour: r.colour,
    purple: r.purple,
    reportedAt: iso(r.reported_at),
    dueAt: iso(r.due_at),
    deadline: r.deadline,
    acknowledgedAt: iso(r.acknowledged_at),
    acknowledgedByName: r.acknowledged_by_name,
    overdue: !r.acknowledged_at && !!r.due_at && new Date(r.due_at) < now,
  };
}

/** Maps a referral row. */
export function toReferralDto(r: ReferralRow, names: Map<string, string>, t = today()): ReferralDto {
  return {
    id: r.id,
    pregnancyId: r.pregnancy_id,
    personId: r.person_id,
    caseId: r.case_id,
    sourceKind: r.source_kind,
    referredOn: r.referred_on,
    fromInstitutionId: r.from_institution_id,
    fromInstitutionName: r.from_institution_id ? (names.get(r.from_institution_id) ?? null) : null,
    toInstitutionId: r.to_institution_id,
    toInstitutionName: r.to_institution_id
      ? (names.get(r.to_institution_id) ?? r.to_institution_name)
      : r.to_institution_name,
    reason: r.reason,
    urgency: r.urgency,
    status: r.status,
    receiveDue: r.receive_due,
    receivedOn: r.received_on,
    receiptOverdue: r.status === 'sent' && r.receive_due < t,
    outcomeDue: r.outcome_due,
    outcome: r.outcome,
    outcomeOn: r.outcome_on,
    outcomeOverdue: r.status !== 'returned' && r.outcome_due < t,
    version: r.version,
  };
}

const RANK = RISK_COLOUR_RANK as Record<string, number>;
const NAEGELE_DAYS = 280;
/** Days of gestation by which a case's delivery hospital is fixed (core configuration; 36+6 by default). */
const HOSPITAL_BY_DAYS = gestationalAgeToDays(NATIONAL_HIGH_RISK_DUTIES_2017.deliveryHospitalWindow.to);

/** High-risk cases: opened by assessments, reported and acknowledged, followed up, referred, closed; the ledger. */
export function createCaseService(deps: ModuleDeps) {
  const { db, audit, regions } = deps;

  async function loadCase(trx: Transaction<Database>, caseId: string) {
    const row = await trx.selectFrom('high_risk_case').selectAll().where('id', '=', caseId).executeTakeFirst();
    if (!row) throw errors.notFound('高危专案', 'high-risk case');
    const { preg, person } = await loadPregnancy(trx, row.pregnancy_id);
    return { row, preg, person };
  }

  async function caseDto(trx: Transaction<Database>, ctx: AuthContext, r: CaseRow) {
    const preg = await trx
      .selectFrom('pregnancy')
      .select(['edd', 'status'])
      .where('county_code', '=', r.county_code)
      .where('id', '=', r.pregnancy_id)
      .executeTakeFirst();
    const names = await institutionNames(trx, [r.managing_institution_id, r.delivery_hospital_id]);
    return toCaseDto(r, ctx, names, new Date(), today(), preg);
  }

  /** A report row for a colour assessed at `on` (the deadline from core's configuration). */
  async function addReport(
    trx: Transaction<Database>,
    c: Pick<CaseRow, 'county_code' | 'id' | 'person_id'>,
    a: { colour: RiskGradeColour; purple: boolean; id: string; assessedOn: string },
  ) {
    const at = a.assessedOn === today() ? chinaNow() : a.assessedOn;
    const colour = a.colour === 'orange' || a.colour === 'red' ? a.colour : 'purple';
    const deadline = unwrap(reportDeadline(colour, at), 'assessedOn');
    const dueAt = deadline ? deadlineInstant(deadline.dueAt) : null;
    await trx
      .insertInto('high_risk_report')
      .values({
        county_code: c.county_code,
        id: randomUUID(),
        case_id: c.id,
        person_id: c.person_id,
        colour: a.colour,
        purple: a.purple,
        assessment_id: a.id,
        due_at: dueAt,
        deadline: deadline ? json(deadline) : null,
      })
      .execute();
    return dueAt;
  }

  /** Recomputes a case's pending-report summary from its reports. */
  async function syncReports(trx: Transaction<Database>, c: Pick<CaseRow, 'county_code' | 'id'>) {
    const pending = await trx
      .selectFrom('high_risk_report')
      .select(['due_at'])
      .where('county_code', '=', c.county_code)
      .where('case_id', '=', c.id)
      .where('acknowledged_at', 'is', null)
      .execute();
    const dues = pending.map((p) => p.due_at).filter((d): d is Date => !!d);
    const earliest = dues.length ? new Date(Math.min(...dues.map((d) => new Date(d).getTime()))) : null;
    await trx
      .updateTable('high_risk_case')
      .set({ report_pending: pending.length > 0, report_due_at: earliest })
      .where('county_code', '=', c.county_code)
      .where('id', '=', c.id)
      .execute();
  }

  async function insertReferral(
    trx: Transaction<Database>,
    ctx: AuthContext,
    preg: PregnancyRow,
    source: { kind: string; id: string | null; caseId: string | null },
    input: ReferralCreateInput,
  ) {
    await checkInstitution(trx, input.toInstitutionId, 'toInstitutionId');
    if (!input.toInstitutionId && !input.toInstitutionName)
      throw errors.field('toInstitutionName', '请选择或填写转入机构', 'Give the receiving institution');
    if (input.referredOn > today())
      throw errors.field('referredOn', '转诊日期不能晚于今天', 'Referral date in the future');
    if (input.referredOn < preg.registered_on)
      throw errors.field('referredOn', '转诊日期不能早于建册日期', 'Referral before the registration');
    const due = unwrap(referralDueDates(input.referredOn, input.urgency), 'referredOn');
    const id = input.id ?? randomUUID();
    const row = await trx
      .insertInto('maternal_referral')
      .values({
        county_code: preg.county_code,
        id,
        pregnancy_id: preg.id,
        person_id: preg.person_id,
        case_id: source.caseId,
        source_kind: source.kind,
        source_id: source.id,
        referred_on: input.referredOn,
        from_institution_id: ctx.institutionId,
        to_institution_id: input.toInstitutionId ?? null,
        to_institution_name: input.toInstitutionName ?? null,
        reason: input.reason,
        urgency: input.urgency,
        receive_due: due.receiveDue,
        outcome_due: due.outcomeDue,
        created_by: ctx.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    // any referral of the pregnancy sends her for assessment: the screen-positive referral duty is met
    await clearScreenReferralDue(trx, preg);
    await audit.write(trx, ctx, {
      action: 'maternal.referral.create',
      entityType: 'maternal_referral',
      entityId: id,
      personId: preg.person_id,
      countyCode: preg.county_code,
      details: { source: source.kind, urgency: input.urgency },
    });
    return row;
  }

  async function loadReferral(trx: Transaction<Database>, id: string, versionIn: number) {
    const r = await trx.selectFrom('maternal_referral').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw errors.notFound('转诊记录', 'referral');
    if (r.version !== versionIn) throw errors.staleVersion(r.version);
    return r;
  }

  /**
   * The receipt is the receiving side's word: a referral to an institution of the system is received (and its result
   * returned) by a user of that institution, or by an MCH supervisor; a referral to an outside institution (named
   * only) is recorded by the sender on its behalf.
   */
  function requireReceiver(ctx: AuthContext, r: ReferralRow) {
    if (!r.to_institution_id || r.to_institution_id === ctx.institutionId || ctx.permissions.has('care.supervise'))
      return;
    throw errors.forbidden(
      '只有转入机构或妇幼保健院的管理人员可以确认接收和回执',
      'Only the receiving institution or an MCH supervisor records the receipt',
    );
  }

  async function closeCaseRow(
    trx: Transaction<Database>,
    ctx: AuthContext,
    row: CaseRow,
    on: string,
    reason: string,
    note: string | null,
  ) {
    const updated = await trx
      .updateTable('high_risk_case')
      .set({
        status: 'closed',
        closed_on: on,
        close_reason: reason,
        close_note: note,
        next_follow_up_due: null,
        report_pending: false,
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where('county_code', '=', row.county_code)
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw errors.staleVersion();
    await audit.write(trx, ctx, {
      action: 'maternal.case.close',
      entityType: 'high_risk_case',
      entityId: row.id,
      personId: row.person_id,
      countyCode: row.county_code,
      details: { reason },
    });
    return updated;
  }

  async function openCaseOf(trx: Transaction<Database>, preg: Pick<PregnancyRow, 'county_code' | 'id'>) {
    return trx
      .selectFrom('high_risk_case')
      .selectAll()
      .where('county_code', '=', preg.county_code)
      .where('pregnancy_id', '=', preg.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
  }

  return {
    /**
     * After an assessment: orange, red and purple open a case (with its report and deadline) in the same
     * transaction; a higher colour (or purple newly found) on an open case is a new report (escalation).
     */
    async ensureCaseInTx(
      trx: Transaction<Database>,
      ctx: AuthContext,
      preg: PregnancyRow,
      a: AssessmentRow,
    ): Promise<{ caseId: string; opened: boolean; escalated: boolean; reportDueAt: string | null } | null> {
      if (!opensHighRiskCase(a.colour, a.purple)) return null;
      if (preg.status === 'closed') return null;
      const reasons = (a.matched as Array<{ code: string; colour: string; zh: string; en?: string }>).filter(
        (m) => m.colour !== 'yellow',
      );
      const open = await trx
        .selectFrom('high_risk_case')
        .selectAll()
        .where('county_code', '=', preg.county_code)
        .where('pregnancy_id', '=', preg.id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      const input = { colour: a.colour, purple: a.purple, id: a.id, assessedOn: a.assessed_on };
      if (open) {
        const higher = RANK[a.colour]! > RANK[open.colour]! && (a.colour === 'orange' || a.colour === 'red');
        const newPurple = a.purple && !open.purple;
        if (!higher && !newPurple) return { caseId: open.id, opened: false, escalated: false, reportDueAt: null };
        const dueAt = await addReport(trx, open, input);
        await trx
          .updateTable('high_risk_case')
          .set({
            colour: higher ? a.colour : open.colour,
            purple: open.purple || a.purple,
            reasons: json(reasons),
            source_assessment_id: a.id,
            version: open.version + 1,
            updated_at: new Date(),
          })
          .where('county_code', '=', open.county_code)
          .where('id', '=', open.id)
          .execute();
        await syncReports(trx, open);
        await audit.write(trx, ctx, {
          action: 'maternal.case.escalate',
          entityType: 'high_risk_case',
          entityId: open.id,
          personId: preg.person_id,
          countyCode: preg.county_code,
          details: { colour: a.colour, purple: a.purple },
        });
        return { caseId: open.id, opened: false, escalated: true, reportDueAt: iso(dueAt) };
      }
      const id = randomUUID();
      const managing = await countyMchHospital(trx, preg.county_code);
      const row = await trx
        .insertInto('high_risk_case')
        .values({
          county_code: preg.county_code,
          id,
          pregnancy_id: preg.id,
          person_id: preg.person_id,
          opened_on: a.assessed_on,
          source_assessment_id: a.id,
          colour: a.colour,
          purple: a.purple,
          reasons: json(reasons),
          managing_institution_id: managing,
          next_follow_up_due: null,
          created_by: ctx.userId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const dueAt = await addReport(trx, row, input);
      await syncReports(trx, row);
      await audit.write(trx, ctx, {
        action: 'maternal.case.open',
        entityType: 'high_risk_case',
        entityId: id,
        personId: preg.person_id,
        countyCode: preg.county_code,
        details: { colour: a.colour, purple: a.purple },
      });
      return { caseId: id, opened: true, escalated: false, reportDueAt: iso(dueAt) };
    },

    /** Closes the open case and referrals of a pregnancy that ended (or a woman who died or moved away). */
    async closeDutiesInTx(
      trx: Transaction<Database>,
      ctx: AuthContext,
      preg: PregnancyRow,
      on: string,
      reason: 'pregnancy_ended' | 'transferred' | 'death',
    ): Promise<void> {
      const open = await trx
        .selectFrom('high_risk_case')
        .selectAll()
        .where('county_code', '=', preg.county_code)
        .where('pregnancy_id', '=', preg.id)
        .where('status', '=', 'open')
        .execute();
      for (const c of open) await closeCaseRow(trx, ctx, c, on, reason, null);
    },

    /** The open case of a pregnancy, if any (for other services). */
    openCaseOf,

    /** One case with its reports, follow-ups and referrals. */
    async get(ctx: AuthContext, caseId: string) {
      return withScope(db, ctx, async (trx) => {
        const { row, preg, person } = await loadCase(trx, caseId);
        const [reports, followups, referrals] = await Promise.all([
          trx
            .selectFrom('high_risk_report')
            .selectAll()
            .where('county_code', '=', row.county_code)
            .where('case_id', '=', caseId)
            .orderBy('reported_at')
            .execute(),
          trx
            .selectFrom('high_risk_followup')
            .selectAll()
            .where('county_code', '=', row.county_code)
            .where('case_id', '=', caseId)
            .orderBy('followup_date')
            .execute(),
          trx
            .selectFrom('maternal_referral')
            .selectAll()
            .where('county_code', '=', row.county_code)
            .where('pregnancy_id', '=', row.pregnancy_id)
            .orderBy('referred_on')
            .execute(),
        ]);
        const names = await institutionNames(trx, [
          row.managing_institution_id,
          row.delivery_hospital_id,
          ...followups.map((f) => f.institution_id),
          ...referrals.flatMap((r) => [r.from_institution_id, r.to_institution_id]),
        ]);
        await audit.write(trx, ctx, {
          action: 'maternal.case.read',
          entityType: 'high_risk_case',
          entityId: caseId,
          personId: row.person_id,
          countyCode: row.county_code,
        });
        return {
          ...toCaseDto(row, ctx, names, new Date(), today(), preg),
          womanName: person.name,
          edd: preg.edd,
          pregnancyStatus: preg.status,
          reports: reports.map((r) => toReportDto(r)),
          followups: followups.map((f) => ({
            id: f.id,
            followupDate: f.followup_date,
            method: f.method,
            institutionId: f.institution_id,
            institutionName: f.institution_id ? (names.get(f.institution_id) ?? null) : null,
            condition: f.condition,
            management: f.management,
            nextDue: f.next_due,
          })),
          referrals: referrals.map((r) => toReferralDto(r, names)),
        };
      });
    },

    /** Sets the managing institution, the plans, the delivery hospital or the next follow-up. */
    async update(ctx: AuthContext, caseId: string, input: CaseUpdateInput) {
      return withScope(db, ctx, async (trx) => {
        const { row } = await loadCase(trx, caseId);
        if (row.version !== input.version) throw errors.staleVersion(row.version);
        if (row.status !== 'open') throw errors.conflict('CASE_NOT_OPEN', '专案已结案', 'The case is closed');
        await checkInstitution(trx, input.managingInstitutionId, 'managingInstitutionId');
        await checkInstitution(trx, input.deliveryHospitalId, 'deliveryHospitalId');
        if (input.nextFollowUpDue && input.nextFollowUpDue < today())
          throw errors.field('nextFollowUpDue', '下次随访日期不能早于今天', 'The next follow-up is in the past');
        const updated = await trx
          .updateTable('high_risk_case')
          .set({
            ...(input.managingInstitutionId !== undefined
              ? { managing_institution_id: input.managingInstitutionId }
              : {}),
            ...(input.plan !== undefined ? { plan: input.plan } : {}),
            ...(input.emergencyPlan !== undefined ? { emergency_plan: input.emergencyPlan } : {}),
            ...(input.deliveryHospitalId !== undefined
              ? { delivery_hospital_id: input.deliveryHospitalId, delivery_hospital_on: today() }
              : {}),
            ...(input.nextFollowUpDue !== undefined ? { next_follow_up_due: input.nextFollowUpDue } : {}),
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
          action: 'maternal.case.update',
          entityType: 'high_risk_case',
          entityId: caseId,
          personId: row.person_id,
          countyCode: row.county_code,
          details: { fields: Object.keys(input).filter((k) => k !== 'version') },
        });
        return caseDto(trx, ctx, updated);
      });
    },

    /** Records a follow-up of the case and its next due date. */
    async addFollowup(ctx: AuthContext, caseId: string, input: CaseFollowupInput) {
      return withScope(db, ctx, async (trx) => {
        const { row } = await loadCase(trx, caseId);
        if (row.status !== 'open') throw errors.conflict('CASE_NOT_OPEN', '专案已结案，不能随访', 'The case is closed');
        if (input.followupDate > today())
          throw errors.field('followupDate', '随访日期不能晚于今天', 'Follow-up date in the future');
        if (input.followupDate < row.opened_on)
          throw errors.field('followupDate', '随访日期不能早于建案日期', 'Follow-up before the case was opened');
        if (input.nextDue && input.nextDue <= input.followupDate)
          throw errors.field('nextDue', '下次随访日期应晚于本次随访', 'The next follow-up is not after this one');
        await checkInstitution(trx, input.institutionId, 'institutionId');
        const id = input.id ?? randomUUID();
        await trx
          .insertInto('high_risk_followup')
          .values({
            county_code: row.county_code,
            id,
            case_id: caseId,
            person_id: row.person_id,
            followup_date: input.followupDate,
            method: input.method ?? null,
            institution_id: input.institutionId ?? ctx.institutionId,
            condition: input.condition ?? null,
            management: input.management ?? null,
            next_due: input.nextDue ?? null,
            created_by: ctx.userId,
          })
          .execute();
        const updated = await trx
          .updateTable('high_risk_case')
          .set({ next_follow_up_due: input.nextDue ?? null, version: row.version + 1, updated_at: new Date() })
          .where('county_code', '=', row.county_code)
          .where('id', '=', caseId)
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'maternal.case.followup',
          entityType: 'high_risk_case',
          entityId: caseId,
          personId: row.person_id,
          countyCode: row.county_code,
        });
        return { followupId: id, case: await caseDto(trx, ctx, updated) };
      });
    },

    /** The county supervisor acknowledges a report (报告单已收到). */
    async acknowledgeReport(ctx: AuthContext, reportId: string): Promise<ReportDto> {
      if (!ctx.permissions.has('care.supervise')) throw errors.forbidden();
      return withScope(db, ctx, async (trx) => {
        const r = await trx.selectFrom('high_risk_report').selectAll().where('id', '=', reportId).executeTakeFirst();
        if (!r) throw errors.notFound('报告', 'report');
        if (r.acknowledged_at) return toReportDto(r);
        const updated = await trx
          .updateTable('high_risk_report')
          .set({ acknowledged_at: new Date(), acknowledged_by: ctx.userId, acknowledged_by_name: ctx.displayName })
          .where('county_code', '=', r.county_code)
          .where('id', '=', reportId)
          .returningAll()
          .executeTakeFirstOrThrow();
        await syncReports(trx, { county_code: r.county_code, id: r.case_id });
        await audit.write(trx, ctx, {
          action: 'maternal.report.acknowledge',
          entityType: 'high_risk_report',
          entityId: reportId,
          personId: r.person_id,
          countyCode: r.county_code,
        });
        return toReportDto(updated);
      });
    },

    /** Reports waiting for the supervisor's acknowledgement (open cases), earliest deadline first. */
    async pendingReports(ctx: AuthContext) {
      return withScope(db, ctx, async (trx) => {
        const rows = await trx
          .selectFrom('high_risk_report as r')
          .innerJoin('high_risk_case as c', (j) =>
            j.onRef('c.county_code', '=', 'r.county_code').onRef('c.id', '=', 'r.case_id'),
          )
          .innerJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 'r.county_code').onRef('p.id', '=', 'r.person_id'),
          )
          .selectAll('r')
          .select(['p.name as woman_name', 'c.pregnancy_id as pregnancy_id'])
          .where('r.acknowledged_at', 'is', null)
          .where('c.status', '=', 'open')
          .orderBy(sql`r.due_at asc nulls last`)
          .limit(500)
          .execute();
        await audit.write(trx, ctx, {
          action: 'maternal.report.list',
          entityType: 'high_risk_report',
          details: { results: rows.length },
        });
        return rows.map((r) => ({ ...toReportDto(r), womanName: r.woman_name, pregnancyId: r.pregnancy_id }));
      });
    },

    /** Closes a case with its reason; "delivered and assessed" needs the delivery and a postpartum assessment. */
    async close(ctx: AuthContext, caseId: string, input: CaseCloseInput) {
      return withScope(db, ctx, async (trx) => {
        const { row, preg } = await loadCase(trx, caseId);
        if (row.version !== input.version) throw errors.staleVersion(row.version);
        if (row.status !== 'open') throw errors.conflict('CASE_NOT_OPEN', '专案已结案', 'The case is already closed');
        if (input.closedOn > today() || input.closedOn < row.opened_on)
          throw errors.field('closedOn', '结案日期应在建案日期与今天之间', 'The closing date is outside opening…today');
        if (input.reason === 'delivered_assessed') {
          if (!preg.delivered_on)
            throw unprocessable(
              'CLOSURE_NOT_ALLOWED',
              'reason',
              '尚未分娩，不能以"分娩并完成产后评估"结案',
              'Not delivered yet',
            );
          const pp = await trx
            .selectFrom('risk_assessment')
            .select('id')
            .where('county_code', '=', row.county_code)
            .where('pregnancy_id', '=', row.pregnancy_id)
            .where('stage', '=', 'postpartum')
            .executeTakeFirst();
          if (!pp)
            throw unprocessable(
              'CLOSURE_NOT_ALLOWED',
              'reason',
              '请先完成产后风险评估再结案',
              'Do the postpartum risk assessment before closing',
            );
        }
        if (input.reason === 'risk_resolved') {
          const last = await trx
            .selectFrom('risk_assessment')
            .select(['colour', 'purple'])
            .where('county_code', '=', row.county_code)
            .where('pregnancy_id', '=', row.pregnancy_id)
            .orderBy('seq', 'desc')
            .executeTakeFirst();
          if (!last || opensHighRiskCase(last.colour, last.purple))
            throw unprocessable(
              'CLOSURE_NOT_ALLOWED',
              'reason',
              '最近一次评估仍为橙色/红色/紫色，不能以"风险解除"结案',
              'The latest assessment is still orange, red or purple',
            );
        }
        if (input.reason === 'other' && !input.note)
          throw errors.field('note', '原因为"其他"时请说明', 'Explain the reason "other"');
        const updated = await closeCaseRow(trx, ctx, row, input.closedOn, input.reason, input.note ?? null);
        await completeIfDone(trx, audit, ctx, (await loadPregnancy(trx, preg.id)).preg);
        return caseDto(trx, ctx, updated);
      });
    },

    /** Refers the woman (from her case or her pregnancy). */
    async refer(ctx: AuthContext, pregnancyId: string, input: ReferralCreateInput) {
      return withScope(db, ctx, async (trx) => {
        const { preg } = await loadPregnancy(trx, pregnancyId);
        if (preg.status === 'closed')
          throw errors.conflict('PREGNANCY_STATE', '保健册已结案', 'The pregnancy is closed');
        let caseId: string | null = null;
        if (input.caseId) {
          const c = await trx
            .selectFrom('high_risk_case')
            .select(['id', 'pregnancy_id'])
            .where('id', '=', input.caseId)
            .executeTakeFirst();
          if (!c || c.pregnancy_id !== pregnancyId)
            throw errors.field('caseId', '专案不属于该保健册', 'Not a case of this pregnancy');
          caseId = c.id;
        } else caseId = (await openCaseOf(trx, preg))?.id ?? null;
        const row = await insertReferral(
          trx,
          ctx,
          preg,
          { kind: input.caseId ? 'case' : (input.sourceKind ?? 'other'), id: null, caseId },
          input,
        );
        return toReferralDto(row, await institutionNames(trx, [row.from_institution_id, row.to_institution_id]));
      });
    },

    /** A referral made during a visit (same transaction). */
    async referInTx(
      trx: Transaction<Database>,
      ctx: AuthContext,
      preg: PregnancyRow,
      source: { kind: string; id: string },
      input: ReferralCreateInput,
    ): Promise<string> {
      const caseId = (await openCaseOf(trx, preg))?.id ?? null;
      return (await insertReferral(trx, ctx, preg, { kind: source.kind, id: source.id, caseId }, input)).id;
    },

    /** The receiving institution records that the woman arrived (sent → received). */
    async receive(ctx: AuthContext, id: string, input: { version: number; receivedOn: string }) {
      return withScope(db, ctx, async (trx) => {
        const r = await loadReferral(trx, id, input.version);
        requireReceiver(ctx, r);
        if (r.status !== 'sent')
          throw errors.conflict('REFERRAL_STATE', '该转诊已接收', 'The referral was already received');
        if (input.receivedOn < r.referred_on || input.receivedOn > today())
          throw errors.field(
            'receivedOn',
            '接收日期应在转诊日期与今天之间',
            'The receipt date is outside referral…today',
          );
        const updated = await trx
          .updateTable('maternal_referral')
          .set({
            status: 'received',
            received_on: input.receivedOn,
            received_by: ctx.userId,
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
          action: 'maternal.referral.receive',
          entityType: 'maternal_referral',
          entityId: id,
          personId: r.person_id,
          countyCode: r.county_code,
          details: { late: input.receivedOn > r.receive_due },
        });
        return toReferralDto(
          updated,
          await institutionNames(trx, [updated.from_institution_id, updated.to_institution_id]),
        );
      });
    },

    /** The receiving institution returns the outcome (回执: received → returned). */
    async returnOutcome(ctx: AuthContext, id: string, input: { version: number; outcomeOn: string; outcome: string }) {
      return withScope(db, ctx, async (trx) => {
        const r = await loadReferral(trx, id, input.version);
        requireReceiver(ctx, r);
        if (r.status === 'returned')
          throw errors.conflict('REFERRAL_STATE', '该转诊已回执', 'The outcome was already returned');
        if (input.outcomeOn < r.referred_on || input.outcomeOn > today())
          throw errors.field(
            'outcomeOn',
            '回执日期应在转诊日期与今天之间',
            'The outcome date is outside referral…today',
          );
        const updated = await trx
          .updateTable('maternal_referral')
          .set({
            status: 'returned',
            received_on: r.received_on ?? input.outcomeOn,
            received_by: r.received_by ?? ctx.userId,
            outcome: input.outcome,
            outcome_on: input.outcomeOn,
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
          action: 'maternal.referral.outcome',
          entityType: 'maternal_referral',
          entityId: id,
          personId: r.person_id,
          countyCode: r.county_code,
        });
        return toReferralDto(
          updated,
          await institutionNames(trx, [updated.from_institution_id, updated.to_institution_id]),
        );
      });
    },

    /** Referrals in scope: to or from an institution, by status, overdue receipts. */
    async referrals(
      ctx: AuthContext,
      f: {
        status?: string | undefined;
        institutionId?: string | undefined;
        direction?: 'to' | 'from' | undefined;
        overdue?: boolean | undefined;
      },
    ) {
      return withScope(db, ctx, async (trx) => {
        const t = today();
        let q = trx
          .selectFrom('maternal_referral as r')
          .innerJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 'r.county_code').onRef('p.id', '=', 'r.person_id'),
          )
          .selectAll('r')
          .select('p.name as woman_name');
        if (f.status) q = q.where('r.status', '=', f.status as 'sent');
        if (f.institutionId && f.direction === 'from') q = q.where('r.from_institution_id', '=', f.institutionId);
        else if (f.institutionId) q = q.where('r.to_institution_id', '=', f.institutionId);
        if (f.overdue) q = q.where('r.status', '=', 'sent').where('r.receive_due', '<', t);
        const rows = await q.orderBy('r.referred_on', 'desc').limit(500).execute();
        const names = await institutionNames(
          trx,
          rows.flatMap((r) => [r.from_institution_id, r.to_institution_id]),
        );
        await audit.write(trx, ctx, {
          action: 'maternal.referral.list',
          entityType: 'maternal_referral',
          details: { results: rows.length },
        });
        return rows.map((r) => ({ ...toReferralDto(r, names, t), womanName: r.woman_name }));
      });
    },

    /** The high-risk ledger (高危孕产妇台账) with filters, sort and pagination; `all` returns every row (export). */
    async ledger(ctx: AuthContext, f: LedgerFilter, opts: { all?: boolean } = {}) {
      return withScope(db, ctx, async (trx) => {
        const t = today();
        const now = new Date();
        const gaWeeks = sql<number>`((${t}::date - (g.edd - 280)) / 7)`;
        let q = trx
          .selectFrom('high_risk_case as c')
          .innerJoin('pregnancy as g', (j) =>
            j.onRef('g.county_code', '=', 'c.county_code').onRef('g.id', '=', 'c.pregnancy_id'),
          )
          .innerJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 'c.county_code').onRef('p.id', '=', 'c.person_id'),
          );
        if (f.colour === 'purple') q = q.where('c.purple', '=', true);
        else if (f.colour) q = q.where('c.colour', '=', f.colour);
        if (f.status) q = q.where('c.status', '=', f.status);
        if (f.institutionId) q = q.where('c.managing_institution_id', '=', f.institutionId);
        if (f.township) q = q.where('p.residence_region_code', 'like', `${f.township}%`);
        if (f.from) q = q.where('c.opened_on', '>=', f.from);
        if (f.to) q = q.where('c.opened_on', '<=', f.to);
        if (f.weeksFrom !== undefined) q = q.where(gaWeeks, '>=', f.weeksFrom);
        if (f.weeksTo !== undefined) q = q.where(gaWeeks, '<=', f.weeksTo);
        if (f.reportPending === 'true') q = q.where('c.status', '=', 'open').where('c.report_pending', '=', true);
        if (f.overdue === 'true')
          q = q
            .where('c.status', '=', 'open')
            .where((eb) =>
              eb.or([
                eb.and([eb('c.report_pending', '=', true), eb('c.report_due_at', '<', now)]),
                eb('c.next_follow_up_due', '<', t),
                eb.and([
                  eb('c.delivery_hospital_id', 'is', null),
                  eb('g.status', '=', 'antenatal'),
                  eb(sql<string>`g.edd - ${NAEGELE_DAYS - HOSPITAL_BY_DAYS}::int`, '<', t),
                ]),
                eb.exists(
                  eb
                    .selectFrom('maternal_referral as r')
                    .select('r.id')
                    .whereRef('r.county_code', '=', 'c.county_code')
                    .whereRef('r.pregnancy_id', '=', 'c.pregnancy_id')
                    .where('r.status', '=', 'sent')
                    .where('r.receive_due', '<', t),
                ),
              ]),
            );
        const dir = f.order === 'asc' ? 'asc' : 'desc';
        const colourRank = sql`case c.colour when 'red' then 4 when 'orange' then 3 when 'yellow' then 2 else 1 end`;
        let rowsQ = q
          .selectAll('c')
          .select([
            'p.name as woman_name',
            'p.id_number_masked as id_masked',
            'p.birth_date as birth_date',
            'p.residence_region_code as residence',
            'g.edd as edd',
            'g.status as pregnancy_status',
            'g.non_resident as non_resident',
            sql<number>`(select count(*) from high_risk_followup f where f.county_code = c.county_code and f.case_id = c.id)`.as(
              'followup_count',
            ),
            sql<
              string | null
            >`(select max(f.followup_date) from high_risk_followup f where f.county_code = c.county_code and f.case_id = c.id)`.as(
              'last_followup',
            ),
            sql<number>`(select count(*) from maternal_referral r where r.county_code = c.county_code and r.pregnancy_id = c.pregnancy_id and r.status = 'sent')`.as(
              'referrals_pending',
            ),
          ]);
        switch (f.sort) {
          case 'colour':
            rowsQ = rowsQ.orderBy(colourRank, dir).orderBy('c.opened_on', 'desc');
            break;
          case 'edd':
            rowsQ = rowsQ.orderBy('g.edd', dir);
            break;
          case 'reportDue':
            rowsQ = rowsQ.orderBy(sql`c.report_due_at ${sql.raw(dir)} nulls last`);
            break;
          case 'name':
            rowsQ = rowsQ.orderBy('p.name', dir);
            break;
          default:
            rowsQ = rowsQ.orderBy('c.opened_on', dir);
        }
        rowsQ = rowsQ.orderBy('c.id');
        if (!opts.all) rowsQ = rowsQ.limit(f.pageSize).offset((f.page - 1) * f.pageSize);
        const [rows, total] = await Promise.all([
          rowsQ.execute(),
          q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
        ]);
        const names = await institutionNames(
          trx,
          rows.flatMap((r) => [r.managing_institution_id, r.delivery_hospital_id]),
        );
        await audit.write(trx, ctx, {
          action: opts.all ? 'maternal.case.export' : 'maternal.case.ledger',
          entityType: 'high_risk_case',
          details: { filter: { ...f, page: undefined, pageSize: undefined }, results: Number(total.n) },
        });
        const items: LedgerItem[] = rows.map((r) => {
          const gaDays = r.pregnancy_status === 'antenatal' ? daysBetween(r.edd, t) + 280 : null;
          return {
            ...toCaseDto(r, ctx, names, now, t, { edd: r.edd, status: r.pregnancy_status }),
            womanName: r.woman_name,
            idNumberMasked: r.id_masked,
            ageYears: r.birth_date ? Math.floor(daysBetween(r.birth_date, t) / 365.25) : null,
            residenceRegionName: regions.get(r.residence)?.name ?? null,
            nonResident: r.non_resident,
            edd: r.edd,
            gestationalAge: gaDays !== null && gaDays >= 0 ? gaText(gaDays) : null,
            pregnancyStatus: r.pregnancy_status,
            followups: Number(r.followup_count),
            lastFollowUpOn: r.last_followup,
            referralsPending: Number(r.referrals_pending),
          };
        });
        return { items, total: Number(total.n), page: f.page, pageSize: f.pageSize };
      });
    },
  };
}
export type CaseService = ReturnType<typeof createCaseService>;
