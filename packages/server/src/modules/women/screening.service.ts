import { randomUUID } from 'node:crypto';
import {
  CANCER_SCREENING_ELIGIBILITY_NATIONAL,
  checkCancerScreeningEligibility,
  openScreeningCase,
  screeningCaseOverdue,
  transitionScreeningCase,
  type CancerScreeningCohort,
  type ScreeningCase,
  type ScreeningCaseEvent,
  type ScreeningFurtherExam,
  type ScreeningRecordDecision,
} from '@fuyou/core';
import {
  sql,
  withScope,
  type CancerScreeningCaseStepTable,
  type CancerScreeningCaseTable,
  type CancerScreeningTable,
  type Database,
  type Selectable,
  type Transaction,
  type Updateable,
} from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { ModuleDeps } from '../module-deps';
import {
  BREAST_TREATMENTS,
  CERVICAL_TREATMENTS,
  NOTIFY_METHODS,
  biradsCode,
  breastPathologyCode,
  colposcopyCode,
  histologyCode,
  seniorReviewCode,
  tbsCode,
  type CaseListFilter,
  type CaseStepInput,
  type ScreeningCreateInput,
  type ScreeningListFilter,
  type ScreeningUpdateInput,
} from './screening.schemas';
import {
  caseView,
  coreCase,
  deriveScreening,
  ineligibleText,
  lesionOf,
  suggestedEvent,
  type ScreeningResults,
} from './screening.rules';
import {
  checkInstitution,
  institutionNames,
  invalidTransition,
  isoOf,
  json,
  loadPerson,
  notBeforeBirth,
  notFuture,
  today,
  type WomanRow,
} from './women.common';

type ScreeningRow = Selectable<CancerScreeningTable>;
type CaseRow = Selectable<CancerScreeningCaseTable>;
type StepRow = Selectable<CancerScreeningCaseStepTable>;

const CERVICAL_ONLY = ['hpvTypes', 'cytology', 'viaVili', 'colposcopy', 'histopathology'] as const;
const BREAST_ONLY = [
  'clinicalFindings',
  'highRiskFactors',
  'ultrasoundBirads',
  'mammographyBirads',
  'seniorReview',
  'breastPathology',
] as const;
const FURTHER_FIELDS = [
  'colposcopy',
  'histopathology',
  'mammographyBirads',
  'seniorReview',
  'breastPathology',
] as const;
const CERVICAL_EXAMS: readonly ScreeningFurtherExam[] = ['colposcopy', 'cytology', 'hpv', 'biopsy'];
const BREAST_EXAMS: readonly ScreeningFurtherExam[] = ['mammography', 'senior_review', 'biopsy'];

/** A step of a case as the API returns it. */
export interface CaseStepDto {
  seq: number;
  event: string;
  fromState: string;
  toState: string;
  date: string;
  exam: string | null;
  result: string | null;
  method: string | null;
  institutionId: string | null;
  note: string | null;
}

/** A follow-up case as the API returns it. */
export interface ScreeningCaseDto {
  id: string;
  personId: string;
  screeningId: string;
  kind: 'cervical' | 'breast';
  state: string;
  openedOn: string;
  enteredOn: Record<string, string>;
  pendingExam: string | null;
  nextStep: string;
  suggestedEvent: string | null;
  allowedEvents: string[];
  dueStep: string | null;
  dueOn: string | null;
  overdue: boolean;
  daysOverdue: number;
  lesionGrade: string | null;
  earlyStage: boolean | null;
  treatmentMethod: string | null;
  treatedOn: string | null;
  lostReason: string | null;
  closedOn: string | null;
  pathwayNextStep: string | null;
  version: number;
  steps: CaseStepDto[];
}

/** A screening record as the API returns it. */
export interface ScreeningDto {
  id: string;
  personId: string;
  kind: 'cervical' | 'breast';
  method: string;
  screeningDate: string;
  institutionId: string | null;
  institutionName: string | null;
  examiner: string | null;
  cohort: string;
  ageAtScreening: number;
  eligible: boolean;
  priority: boolean;
  funded: boolean;
  hpvTypes: string[] | null;
  hpvCategory: string | null;
  cytology: string | null;
  viaVili: string | null;
  colposcopy: string | null;
  histopathology: string | null;
  clinicalFindings: string[];
  highRiskFactors: string[];
  ultrasoundBirads: string | null;
  mammographyBirads: string | null;
  seniorReview: string | null;
  breastPathology: string | null;
  status: string;
  awaiting: string | null;
  nextStep: string | null;
  nextStepMarker: string | null;
  nextDueOn: string | null;
  caseId: string | null;
  note: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  case: ScreeningCaseDto | null;
}

/** A row of the screening list (identifiers masked). */
export interface ScreeningListItem extends Omit<ScreeningDto, 'case'> {
  womanName: string;
  idNumberMasked: string | null;
  birthDate: string | null;
  residenceRegionName: string | null;
  caseState: string | null;
  caseOverdue: boolean;
}

/** A row of the case list / overdue worklist. */
export interface CaseListItem extends Omit<ScreeningCaseDto, 'steps'> {
  womanName: string;
  idNumberMasked: string | null;
  birthDate: string | null;
  residenceRegionName: string | null;
  screeningDate: string;
  method: string;
  institutionName: string | null;
}

function toStepDto(s: StepRow): CaseStepDto {
  return {
    seq: s.seq,
    event: s.event,
    fromState: s.from_state,
    toState: s.to_state,
    date: s.step_date,
    exam: s.exam,
    result: s.result,
    method: s.method,
    institutionId: s.institution_id,
    note: s.note,
  };
}

function toCaseDto(
  r: CaseRow,
  steps: readonly StepRow[],
  decision: ScreeningRecordDecision | null,
  pathwayNext: string | null,
  t = today(),
): ScreeningCaseDto {
  const c = coreCase(r, steps);
  return {
    id: r.id,
    personId: r.person_id,
    screeningId: r.screening_id,
    kind: r.kind,
    state: r.state,
    openedOn: r.opened_on,
    enteredOn: r.entered_on,
    pendingExam: r.pending_exam,
    ...caseView(c, t),
    suggestedEvent: decision ? suggestedEvent(c, decision) : null,
    lesionGrade: r.lesion_grade,
    earlyStage: r.early_stage,
    treatmentMethod: r.treatment_method,
    treatedOn: r.treated_on,
    lostReason: r.lost_reason,
    closedOn: r.closed_on,
    pathwayNextStep: pathwayNext,
    version: r.version,
    steps: steps.map(toStepDto),
  };
}

function toScreeningBase(r: ScreeningRow, instName: string | null): Omit<ScreeningDto, 'case'> {
  return {
    id: r.id,
    personId: r.person_id,
    kind: r.kind,
    method: r.method,
    screeningDate: r.screening_date,
    institutionId: r.institution_id,
    institutionName: instName,
    examiner: r.examiner,
    cohort: r.cohort,
    ageAtScreening: r.age_at_screening,
    eligible: r.eligible,
    priority: r.priority,
    funded: r.funded,
    hpvTypes: r.hpv_types,
    hpvCategory: r.hpv_category,
    cytology: r.cytology,
    viaVili: r.via_vili,
    colposcopy: r.colposcopy,
    histopathology: r.histopathology,
    clinicalFindings: r.clinical_findings,
    highRiskFactors: r.high_risk_factors,
    ultrasoundBirads: r.ultrasound_birads,
    mammographyBirads: r.mammography_birads,
    seniorReview: r.senior_review,
    breastPathology: r.breast_pathology,
    status: r.status,
    awaiting: r.awaiting,
    nextStep: r.next_step,
    nextStepMarker: r.next_step_marker,
    nextDueOn: r.next_due_on,
    caseId: r.case_id,
    note: r.note,
    version: r.version,
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
  };
}

/** Maps the API's result fields onto columns (only those present in the input). */
function resultColumns(input: Omit<ScreeningUpdateInput, 'version'>): Partial<ScreeningRow> {
  const out: Partial<ScreeningRow> = {};
  if (input.hpvTypes !== undefined) out.hpv_types = input.hpvTypes;
  if (input.cytology !== undefined) out.cytology = input.cytology;
  if (input.viaVili !== undefined) out.via_vili = input.viaVili;
  if (input.colposcopy !== undefined) out.colposcopy = input.colposcopy;
  if (input.histopathology !== undefined) out.histopathology = input.histopathology;
  if (input.clinicalFindings !== undefined) out.clinical_findings = input.clinicalFindings;
  if (input.highRiskFactors !== undefined) out.high_risk_factors = input.highRiskFactors;
  if (input.ultrasoundBirads !== undefined) out.ultrasound_birads = input.ultrasoundBirads;
  if (input.mammographyBirads !== undefined) out.mammography_birads = input.mammographyBirads;
  if (input.seniorReview !== undefined) out.senior_review = input.seniorReview;
  if (input.breastPathology !== undefined) out.breast_pathology = input.breastPathology;
  return out;
}

/** Refuses result fields of the other cancer. */
function checkKindFields(kind: 'cervical' | 'breast', input: Record<string, unknown>) {
  const wrong = kind === 'cervical' ? BREAST_ONLY : CERVICAL_ONLY;
  for (const f of wrong) {
    const v = input[f];
    if (v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)) {
      throw errors.field(
        f,
        kind === 'cervical' ? '宫颈癌筛查记录不能填写乳腺检查结果' : '乳腺癌筛查记录不能填写宫颈检查结果',
        `Not a result of ${kind} screening`,
      );
    }
  }
}

function results(r: ScreeningRow): ScreeningResults {
  return r;
}

/** Two-cancer screening records and their follow-up cases. */
export function createScreeningService(deps: ModuleDeps) {
  const { db, audit, regions } = deps;

  async function caseOf(trx: Transaction<Database>, screening: ScreeningRow) {
    if (!screening.case_id) return null;
    const row = await trx
      .selectFrom('cancer_screening_case')
      .selectAll()
      .where('county_code', '=', screening.county_code)
      .where('id', '=', screening.case_id)
      .executeTakeFirst();
    if (!row) return null;
    const steps = await stepsOf(trx, row);
    return { row, steps };
  }

  async function stepsOf(trx: Transaction<Database>, row: CaseRow) {
    return trx
      .selectFrom('cancer_screening_case_step')
      .selectAll()
      .where('county_code', '=', row.county_code)
      .where('case_id', '=', row.id)
      .orderBy('seq')
      .execute();
  }

  async function screeningDto(trx: Transaction<Database>, r: ScreeningRow): Promise<ScreeningDto> {
    const names = await institutionNames(trx, [r.institution_id]);
    const c = await caseOf(trx, r);
    const decision = deriveScreening(results(r), {
      lastDate: r.screening_date,
      birthDate: null,
      hasCase: !!c,
    }).decision;
    return {
      ...toScreeningBase(r, r.institution_id ? (names.get(r.institution_id) ?? null) : null),
      case: c ? toCaseDto(c.row, c.steps, decision, r.next_step) : null,
    };
  }

  /** Opens the follow-up case of an abnormal result: screened → abnormal, asking for the pathway's exam. */
  async function openCase(
    trx: Transaction<Database>,
    ctx: AuthContext,
    s: ScreeningRow,
    decision: ScreeningRecordDecision,
    date: string,
  ): Promise<string> {
    const opened = openScreeningCase(s.kind, s.screening_date);
    if (!opened.ok) throw errors.field('screeningDate', opened.messageZh, opened.messageEn, opened.code);
    const nextExam = decision.status === 'decided' ? decision.nextExam : null;
    const moved = transitionScreeningCase(opened.case, 'mark_abnormal', date, { nextExam });
    if (!moved.ok) throw errors.field('date', moved.messageZh, moved.messageEn, moved.code);
    const c = moved.case;
    const due = screeningCaseOverdue(c, date);
    const id = randomUUID();
    await trx
      .insertInto('cancer_screening_case')
      .values({
        county_code: s.county_code,
        id,
        person_id: s.person_id,
        screening_id: s.id,
        kind: s.kind,
        state: c.state,
        opened_on: c.openedOn,
        entered_on: json(c.enteredOn),
        pending_exam: c.pendingExam,
        due_step: due.step,
        due_on: due.dueDate,
        institution_id: s.institution_id,
        created_by: ctx.userId,
      })
      .execute();
    await trx
      .insertInto('cancer_screening_case_step')
      .values({
        county_code: s.county_code,
        id: randomUUID(),
        case_id: id,
        person_id: s.person_id,
        seq: 1,
        event: 'mark_abnormal',
        from_state: 'screened',
        to_state: 'abnormal',
        step_date: date,
        exam: null,
        result: decision.status === 'decided' ? `${decision.stage}:${decision.result}` : null,
        method: null,
        institution_id: s.institution_id,
        note: null,
        created_by: ctx.userId,
      })
      .execute();
    await audit.write(trx, ctx, {
      action: 'women.cancer_screening_case.open',
      entityType: 'cancer_screening_case',
      entityId: id,
      personId: s.person_id,
      countyCode: s.county_code,
      details: { kind: s.kind, next: decision.status === 'decided' ? decision.next : null },
    });
    return id;
  }

  async function loadScreening(trx: Transaction<Database>, id: string) {
    const row = await trx.selectFrom('cancer_screening').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw errors.notFound('筛查记录', 'screening record');
    return row;
  }

  function eligibility(person: WomanRow, date: string, cohort: CancerScreeningCohort) {
    if (!person.birth_date) {
      throw errors.field('personId', '该人员缺少出生日期，无法判断筛查资格', 'The person has no birth date');
    }
    const e = checkCancerScreeningEligibility({
      birthDate: person.birth_date,
      screeningDate: date,
      cohort,
      sex: person.sex === 'male' ? 'male' : 'female',
    });
    if (!e.ok) throw errors.field('screeningDate', e.messageZh, e.messageEn, e.code);
    return e;
  }

  const service = {
    async create(
      ctx: AuthContext,
      input: ScreeningCreateInput,
    ): Promise<{ screening: ScreeningDto; created: boolean }> {
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await trx
            .selectFrom('cancer_screening')
            .selectAll()
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (existing) {
            if (existing.created_by !== ctx.userId || existing.person_id !== input.personId)
              throw errors.conflict('ID_TAKEN', '编号已被使用', 'This id is taken');
            return { screening: await screeningDto(trx, existing), created: false };
          }
        }
        const person = await loadPerson(trx, input.personId, { sex: 'female', field: 'personId' });
        const cervicalMethod = (['hpv', 'cytology', 'co_test', 'via_vili'] as string[]).includes(input.method);
        if (cervicalMethod !== (input.kind === 'cervical')) {
          throw errors.field('method', '筛查方法与筛查类别不符', 'The method does not belong to this kind');
        }
        checkKindFields(input.kind, input);
        notFuture(input.screeningDate, 'screeningDate', '筛查日期');
        notBeforeBirth(person, input.screeningDate, 'screeningDate');
        const e = eligibility(person, input.screeningDate, input.cohort as CancerScreeningCohort);
        if (input.funded && !e.eligible) {
          const why = ineligibleText(e.reasons);
          throw errors.field(
            'funded',
            `不符合项目筛查条件（${why.zh}，适龄${CANCER_SCREENING_ELIGIBILITY_NATIONAL.minAge}–${CANCER_SCREENING_ELIGIBILITY_NATIONAL.maxAge}岁），不能计入免费筛查项目`,
            `Not eligible for the funded programme (${why.en})`,
            'NOT_ELIGIBLE',
          );
        }
        const institutionId = input.institutionId ?? ctx.institutionId ?? null;
        await checkInstitution(trx, institutionId, 'institutionId');
        const dup = await trx
          .selectFrom('cancer_screening')
          .select('id')
          .where('county_code', '=', person.county_code)
          .where('person_id', '=', person.id)
          .where('kind', '=', input.kind)
          .where('screening_date', '=', input.screeningDate)
          .executeTakeFirst();
        if (dup) {
          throw errors.conflict(
            'DUPLICATE_SCREENING',
            '该妇女当天已有同类筛查记录，请在原记录上补充结果',
            'This woman already has a screening of this kind on that day',
            { screeningId: dup.id },
          );
        }
        const id = input.id ?? randomUUID();
        const cols = {
          kind: input.kind,
          method: input.method,
          hpv_types: null,
          cytology: null,
          via_vili: null,
          colposcopy: null,
          histopathology: null,
          clinical_findings: [] as string[],
          high_risk_factors: [] as string[],
          ultrasound_birads: null,
          mammography_birads: null,
          senior_review: null,
          breast_pathology: null,
          ...resultColumns(input),
        } as ScreeningResults;
        const { derived, decision } = deriveScreening(cols, {
          lastDate: input.screeningDate,
          birthDate: person.birth_date,
          hasCase: false,
        });
        let row = await trx
          .insertInto('cancer_screening')
          .values({
            county_code: person.county_code,
            id,
            person_id: person.id,
            screening_date: input.screeningDate,
            institution_id: institutionId,
            examiner: input.examiner ?? null,
            cohort: input.cohort,
            age_at_screening: e.ageAtScreening,
            eligible: e.eligible,
            priority: e.priority,
            funded: input.funded,
            note: input.note ?? null,
            ...cols,
            ...derived,
            created_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'women.cancer_screening.create',
          entityType: 'cancer_screening',
          entityId: id,
          personId: person.id,
          countyCode: person.county_code,
          details: { kind: input.kind, method: input.method, status: derived.status },
        });
        if (derived.status === 'abnormal') {
          const caseId = await openCase(trx, ctx, row, decision, input.screeningDate);
          row = await trx
            .updateTable('cancer_screening')
            .set({ case_id: caseId })
            .where('county_code', '=', row.county_code)
            .where('id', '=', id)
            .returningAll()
            .executeTakeFirstOrThrow();
        }
        return { screening: await screeningDto(trx, row), created: true };
      });
    },

    /** Adds or corrects results (first-line tests); further results go through the case. */
    async update(ctx: AuthContext, id: string, input: ScreeningUpdateInput): Promise<ScreeningDto> {
      return withScope(db, ctx, async (trx) => {
        const row = await loadScreening(trx, id);
        if (row.version !== input.version) throw errors.staleVersion(row.version);
        checkKindFields(row.kind, input);
        if (row.case_id) {
          for (const f of FURTHER_FIELDS) {
            if (input[f] !== undefined) {
              throw errors.field(
                f,
                '已建立随访个案，进一步检查和病理结果请在随访个案中登记',
                'A follow-up case exists: record further results on the case',
                'USE_CASE',
              );
            }
          }
        }
        if (input.institutionId) await checkInstitution(trx, input.institutionId, 'institutionId');
        const person = await loadPerson(trx, row.person_id);
        const cols = { ...row, ...resultColumns(input) } as ScreeningRow;
        const { derived, decision } = deriveScreening(cols, {
          lastDate: row.screening_date,
          birthDate: person.birth_date,
          hasCase: !!row.case_id,
        });
        const patch: Updateable<CancerScreeningTable> = {
          ...resultColumns(input),
          ...derived,
          version: row.version + 1,
          updated_at: new Date(),
        };
        if (input.institutionId !== undefined) patch.institution_id = input.institutionId;
        if (input.examiner !== undefined) patch.examiner = input.examiner;
        if (input.note !== undefined) patch.note = input.note;
        let updated = await trx
          .updateTable('cancer_screening')
          .set(patch)
          .where('county_code', '=', row.county_code)
          .where('id', '=', id)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        await audit.write(trx, ctx, {
          action: 'women.cancer_screening.update',
          entityType: 'cancer_screening',
          entityId: id,
          personId: row.person_id,
          countyCode: row.county_code,
          details: { status: derived.status },
        });
        if (!row.case_id && derived.status === 'abnormal') {
          const caseId = await openCase(
            trx,
            ctx,
            updated,
            decision,
            today() < row.screening_date ? row.screening_date : today(),
          );
          updated = await trx
            .updateTable('cancer_screening')
            .set({ case_id: caseId })
            .where('county_code', '=', row.county_code)
            .where('id', '=', id)
            .returningAll()
            .executeTakeFirstOrThrow();
        }
        return screeningDto(trx, updated);
      });
    },

    async get(ctx: AuthContext, id: string): Promise<ScreeningDto> {
      return withScope(db, ctx, async (trx) => {
        const row = await loadScreening(trx, id);
        await audit.write(trx, ctx, {
          action: 'women.cancer_screening.read',
          entityType: 'cancer_screening',
          entityId: id,
          personId: row.person_id,
          countyCode: row.county_code,
        });
        return screeningDto(trx, row);
      });
    },

    /** The woman's screenings and cases, her eligibility today and the next due dates. */
    async forPerson(ctx: AuthContext, personId: string) {
      return withScope(db, ctx, async (trx) => {
        const person = await loadPerson(trx, personId);
        const rows = await trx
          .selectFrom('cancer_screening')
          .selectAll()
          .where('county_code', '=', person.county_code)
          .where('person_id', '=', personId)
          .orderBy('screening_date', 'desc')
          .execute();
        const screenings: ScreeningDto[] = [];
        for (const r of rows) screenings.push(await screeningDto(trx, r));
        const t = today();
        const lastCohort = (rows[0]?.cohort ?? 'general') as CancerScreeningCohort;
        const e =
          person.sex === 'female' && person.birth_date
            ? checkCancerScreeningEligibility({ birthDate: person.birth_date, screeningDate: t, cohort: lastCohort })
            : null;
        const nextDue = (kind: 'cervical' | 'breast') => {
          const last = screenings.find((s) => s.kind === kind);
          if (!last) return null;
          if (last.case && !['treated', 'closed_normal'].includes(last.case.state)) return null;
          return last.nextDueOn;
        };
        await audit.write(trx, ctx, {
          action: 'women.cancer_screening.history',
          entityType: 'person',
          entityId: personId,
          personId,
          countyCode: person.county_code,
        });
        return {
          personId,
          eligibility: e && e.ok ? { ...e, cohort: lastCohort, date: t } : null,
          nextDue: { cervical: nextDue('cervical'), breast: nextDue('breast') },
          screenings,
        };
      });
    },

    /** Eligibility of a woman on a date for a cohort (core rule). */
    async eligibility(ctx: AuthContext, personId: string, date: string | undefined, cohort: string) {
      return withScope(db, ctx, async (trx) => {
        const person = await loadPerson(trx, personId);
        const d = date ?? today();
        const e = eligibility(person, d, cohort as CancerScreeningCohort);
        await audit.write(trx, ctx, {
          action: 'women.cancer_screening.eligibility',
          entityType: 'person',
          entityId: personId,
          personId,
          countyCode: person.county_code,
        });
        return {
          ...e,
          date: d,
          cohort,
          reasonsText: ineligibleText(e.reasons),
          minAge: CANCER_SCREENING_ELIGIBILITY_NATIONAL.minAge,
          maxAge: CANCER_SCREENING_ELIGIBILITY_NATIONAL.maxAge,
        };
      });
    },

    /** The list with filters; `all` returns every row (export). */
    async list(ctx: AuthContext, f: ScreeningListFilter, opts: { all?: boolean } = {}) {
      return withScope(db, ctx, async (trx) => {
        const t = today();
        let q = trx
          .selectFrom('cancer_screening as s')
          .innerJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 's.county_code').onRef('p.id', '=', 's.person_id'),
          )
          .leftJoin('cancer_screening_case as c', (j) =>
            j.onRef('c.county_code', '=', 's.county_code').onRef('c.id', '=', 's.case_id'),
          );
        if (f.kind) q = q.where('s.kind', '=', f.kind);
        if (f.institutionId) q = q.where('s.institution_id', '=', f.institutionId);
        if (f.from) q = q.where('s.screening_date', '>=', f.from);
        if (f.to) q = q.where('s.screening_date', '<=', f.to);
        if (f.status) q = q.where('s.status', '=', f.status);
        if (f.caseState) q = q.where('c.state', '=', f.caseState);
        if (f.cohort) q = q.where('s.cohort', '=', f.cohort);
        if (f.q) q = q.where('p.name', 'like', `%${f.q}%`);
        let rowsQ = q
          .selectAll('s')
          .select([
            'p.name as woman_name',
            'p.id_number_masked as woman_id_masked',
            'p.birth_date as woman_birth_date',
            'p.residence_region_code as woman_residence',
            'c.state as case_state',
            'c.due_on as case_due_on',
          ])
          .orderBy('s.screening_date', 'desc')
          .orderBy('s.id');
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
          action: opts.all ? 'women.cancer_screening.export' : 'women.cancer_screening.list',
          entityType: 'cancer_screening',
          details: { filter: { ...f, page: undefined, pageSize: undefined }, results: Number(total.n) },
        });
        const open = ['abnormal', 'notified', 'further_exam', 'pathology'];
        const items: ScreeningListItem[] = rows.map((r) => ({
          ...toScreeningBase(r, r.institution_id ? (names.get(r.institution_id) ?? null) : null),
          womanName: r.woman_name,
          idNumberMasked: r.woman_id_masked,
          birthDate: r.woman_birth_date,
          residenceRegionName: regions.get(r.woman_residence)?.name ?? null,
          caseState: r.case_state,
          caseOverdue: !!r.case_state && open.includes(r.case_state) && !!r.case_due_on && r.case_due_on < t,
        }));
        return { items, total: Number(total.n), page: f.page, pageSize: f.pageSize };
      });
    },

    async getCase(ctx: AuthContext, caseId: string) {
      return withScope(db, ctx, async (trx) => {
        const row = await trx
          .selectFrom('cancer_screening_case')
          .selectAll()
          .where('id', '=', caseId)
          .executeTakeFirst();
        if (!row) throw errors.notFound('随访个案', 'case');
        const s = await trx
          .selectFrom('cancer_screening')
          .selectAll()
          .where('county_code', '=', row.county_code)
          .where('id', '=', row.screening_id)
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'women.cancer_screening_case.read',
          entityType: 'cancer_screening_case',
          entityId: caseId,
          personId: row.person_id,
          countyCode: row.county_code,
        });
        const dto = await screeningDto(trx, s);
        const person = await loadPerson(trx, row.person_id);
        return {
          ...dto.case!,
          screening: { ...dto, case: null },
          woman: {
            id: person.id,
            name: person.name,
            birthDate: person.birth_date,
            idNumberMasked: person.id_number_masked,
            phoneMasked: person.phone_masked,
          },
        };
      });
    },

    /** Records a step of a case; impossible steps are refused (422 INVALID_TRANSITION). */
    async step(ctx: AuthContext, caseId: string, input: CaseStepInput) {
      const caseIdOut = await withScope(db, ctx, async (trx) => {
        const row = await trx
          .selectFrom('cancer_screening_case')
          .selectAll()
          .where('id', '=', caseId)
          .executeTakeFirst();
        if (!row) throw errors.notFound('随访个案', 'case');
        if (row.version !== input.version) throw errors.staleVersion(row.version);
        const steps = await stepsOf(trx, row);
        const c = coreCase(row, steps);
        const event = input.event as ScreeningCaseEvent;
        // the state machine first: an impossible step is refused whatever else is wrong with the input
        const probe = transitionScreeningCase(c, event, input.date);
        if (!probe.ok) {
          if (probe.code === 'INVALID_TRANSITION') {
            throw invalidTransition(probe.messageZh, probe.messageEn, { state: probe.state, event: probe.event });
          }
          throw errors.field('date', probe.messageZh, probe.messageEn, probe.code);
        }
        notFuture(input.date, 'date', '日期');
        if (input.institutionId) await checkInstitution(trx, input.institutionId, 'institutionId');
        const s = await trx
          .selectFrom('cancer_screening')
          .selectAll()
          .where('county_code', '=', row.county_code)
          .where('id', '=', row.screening_id)
          .executeTakeFirstOrThrow();
        const person = await loadPerson(trx, row.person_id);
        const sPatch: Partial<ScreeningRow> = {};
        const cPatch: Updateable<CancerScreeningCaseTable> = {};
        let exam: ScreeningFurtherExam | null = null;
        let result: string | null = null;
        let method: string | null = null;
        const need = (field: string, zh: string) => {
          throw errors.field(field, zh, `${field} is required for this step`);
        };
        const parse = <T>(
          schema: { safeParse(v: unknown): { success: boolean; data?: T } },
          v: unknown,
          zh: string,
        ) => {
          const p = schema.safeParse(v);
          if (!p.success) throw errors.field('result', zh, 'Invalid result for this examination');
          return p.data as T;
        };
        switch (event) {
          case 'notify':
            if (input.method && !(NOTIFY_METHODS as readonly string[]).includes(input.method)) {
              throw errors.field('method', '告知方式无效', 'Invalid notification method');
            }
            method = input.method ?? null;
            break;
          case 'attend_further_exam': {
            exam = (input.exam ?? c.pendingExam ?? null) as ScreeningFurtherExam | null;
            if (!exam) need('exam', '请选择进一步检查项目');
            const allowed = row.kind === 'cervical' ? CERVICAL_EXAMS : BREAST_EXAMS;
            if (!allowed.includes(exam!)) {
              throw errors.field(
                'exam',
                '该检查不属于此类筛查的随访',
                'This examination does not belong to this pathway',
              );
            }
            if (exam === 'hpv') {
              if (!input.hpvTypes) need('hpvTypes', '请填写HPV检测结果（阳性型别；阴性填空列表）');
              sPatch.hpv_types = input.hpvTypes!;
              result = input.hpvTypes!.join(',') || 'negative';
            } else if (exam !== 'biopsy') {
              if (!input.result) need('result', '请填写该项检查的结果');
              result = input.result!;
              if (exam === 'colposcopy') sPatch.colposcopy = parse(colposcopyCode, result, '阴道镜结果无效');
              if (exam === 'cytology') sPatch.cytology = parse(tbsCode, result, '细胞学（TBS）结果无效');
              if (exam === 'mammography') sPatch.mammography_birads = parse(biradsCode, result, 'BI-RADS分类无效');
              if (exam === 'senior_review')
                sPatch.senior_review = parse(seniorReviewCode, result, '会诊意见应为 follow_up/biopsy');
            }
            break;
          }
          case 'record_pathology': {
            if (!input.result) need('result', '请填写病理结果');
            result = input.result!;
            if (row.kind === 'cervical') sPatch.histopathology = parse(histologyCode, result, '组织病理结果无效');
            else sPatch.breast_pathology = parse(breastPathologyCode, result, '乳腺病理结果无效');
            const l = lesionOf(row.kind, result, input.earlyStage);
            cPatch.lesion_grade = l.grade;
            cPatch.early_stage = l.early;
            exam = 'biopsy';
            break;
          }
          case 'record_treatment': {
            const list: readonly string[] = row.kind === 'cervical' ? CERVICAL_TREATMENTS : BREAST_TREATMENTS;
            if (!input.method) need('method', '请选择治疗方式');
            if (!list.includes(input.method!)) throw errors.field('method', '治疗方式无效', 'Invalid treatment');
            method = input.method!;
            cPatch.treatment_method = method;
            cPatch.treated_on = input.date;
            cPatch.closed_on = input.date;
            break;
          }
          case 'mark_lost':
            if (!input.note) need('note', '请填写失访原因');
            cPatch.lost_reason = input.note!;
            break;
          case 'reopen':
            cPatch.lost_reason = null;
            break;
          case 'further_exam_normal':
          case 'close_no_treatment':
            cPatch.closed_on = input.date;
            break;
          default:
            break;
        }
        const merged = { ...s, ...sPatch } as ScreeningRow;
        const { derived, decision } = deriveScreening(merged, {
          lastDate: input.date,
          birthDate: person.birth_date,
          hasCase: true,
        });
        const detail: { nextExam?: ScreeningFurtherExam | null } = {};
        if (event === 'attend_further_exam') {
          detail.nextExam = exam === 'biopsy' ? 'biopsy' : decision.status === 'decided' ? decision.nextExam : exam;
        }
        const moved = transitionScreeningCase(c, event, input.date, detail);
        if (!moved.ok) throw errors.field('date', moved.messageZh, moved.messageEn, moved.code);
        const nc: ScreeningCase = moved.case;
        const due = screeningCaseOverdue(nc, input.date);
        const updated = await trx
          .updateTable('cancer_screening_case')
          .set({
            ...cPatch,
            state: nc.state,
            entered_on: json(nc.enteredOn),
            pending_exam: nc.pendingExam,
            due_step: due.step,
            due_on: due.dueDate,
            version: row.version + 1,
            updated_at: new Date(),
          })
          .where('county_code', '=', row.county_code)
          .where('id', '=', row.id)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        await trx
          .insertInto('cancer_screening_case_step')
          .values({
            county_code: row.county_code,
            id: randomUUID(),
            case_id: row.id,
            person_id: row.person_id,
            seq: steps.length + 1,
            event,
            from_state: c.state,
            to_state: nc.state,
            step_date: input.date,
            exam,
            result,
            method,
            institution_id: input.institutionId ?? null,
            note: input.note ?? null,
            created_by: ctx.userId,
          })
          .execute();
        await trx
          .updateTable('cancer_screening')
          .set({ ...sPatch, ...derived, version: s.version + 1, updated_at: new Date() })
          .where('county_code', '=', s.county_code)
          .where('id', '=', s.id)
          .execute();
        await audit.write(trx, ctx, {
          action: 'women.cancer_screening_case.step',
          entityType: 'cancer_screening_case',
          entityId: row.id,
          personId: row.person_id,
          countyCode: row.county_code,
          details: { event, from: c.state, to: nc.state },
        });
        return row.id;
      });
      return service.getCase(ctx, caseIdOut);
    },

    /** Cases with filters: `overdue=true` is the worklist of follow-ups past their due date. */
    async cases(ctx: AuthContext, f: CaseListFilter, opts: { all?: boolean } = {}) {
      return withScope(db, ctx, async (trx) => {
        const t = today();
        let q = trx
          .selectFrom('cancer_screening_case as c')
          .innerJoin('cancer_screening as s', (j) =>
            j.onRef('s.county_code', '=', 'c.county_code').onRef('s.id', '=', 'c.screening_id'),
          )
          .innerJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 'c.county_code').onRef('p.id', '=', 'c.person_id'),
          );
        const open = ['abnormal', 'notified', 'further_exam', 'pathology'];
        if (f.kind) q = q.where('c.kind', '=', f.kind);
        if (f.state) q = q.where('c.state', '=', f.state);
        if (f.open === 'true') q = q.where('c.state', 'in', open);
        if (f.overdue === 'true') q = q.where('c.state', 'in', open).where('c.due_on', '<', t);
        if (f.institutionId) q = q.where('c.institution_id', '=', f.institutionId);
        if (f.from) q = q.where('s.screening_date', '>=', f.from);
        if (f.to) q = q.where('s.screening_date', '<=', f.to);
        let rowsQ = q
          .selectAll('c')
          .select([
            's.screening_date',
            's.method',
            's.next_step as pathway_next',
            'p.name as woman_name',
            'p.id_number_masked as woman_id_masked',
            'p.birth_date as woman_birth_date',
            'p.residence_region_code as woman_residence',
          ])
          .orderBy(f.overdue === 'true' ? 'c.due_on' : 's.screening_date', f.overdue === 'true' ? 'asc' : 'desc')
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
          action: opts.all ? 'women.cancer_screening_case.export' : 'women.cancer_screening_case.list',
          entityType: 'cancer_screening_case',
          details: { filter: { ...f, page: undefined, pageSize: undefined }, results: Number(total.n) },
        });
        const items: CaseListItem[] = rows.map((r) => {
          const { steps: _steps, ...dto } = toCaseDto(r, [], null, r.pathway_next, t);
          void _steps;
          return {
            ...dto,
            womanName: r.woman_name,
            idNumberMasked: r.woman_id_masked,
            birthDate: r.woman_birth_date,
            residenceRegionName: regions.get(r.woman_residence)?.name ?? null,
            screeningDate: r.screening_date,
            method: r.method,
            institutionName: r.institution_id ? (names.get(r.institution_id) ?? null) : null,
          };
        });
        return { items, total: Number(total.n), page: f.page, pageSize: f.pageSize };
      });
    },
  };
  return service;
}
export type ScreeningService = ReturnType<typeof createScreeningService>;
