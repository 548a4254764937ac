import { randomUUID } from 'node:crypto';
import {
  PREMARITAL_OPINIONS_NATIONAL,
  premaritalExamItemsFor,
  premaritalFollowUp,
  premaritalOpinionLabel,
  suggestPremaritalOpinion,
  type PremaritalFinding,
  type PremaritalOpinion,
} from '@fuyou/core';
import {
  sql,
  withScope,
  type Database,
  type PremaritalExamTable,
  type Selectable,
  type Transaction,
  type Updateable,
} from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { ModuleDeps } from '../module-deps';
import type {
  MarriagePutInput,
  PartnerInput,
  PremaritalCreateInput,
  PremaritalListFilter,
  PremaritalUpdateInput,
} from './premarital.schemas';
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

type ExamRow = Selectable<PremaritalExamTable>;
type Sex = 'female' | 'male';

/** One partner as the API returns it; infectious results only with permission 'pmtct'. */
export interface PartnerDto {
  personId: string;
  name: string;
  birthDate: string | null;
  idNumberMasked: string | null;
  history: Record<string, unknown>;
  exam: Record<string, unknown>;
  tests: Record<string, unknown>;
  diseases: string[];
  infectious: Record<string, string> | 'restricted' | null;
}

/** A premarital examination as the API returns it. */
export interface PremaritalDto {
  id: string;
  examDate: string;
  institutionId: string | null;
  institutionName: string | null;
  examiner: string | null;
  funded: boolean;
  registrationOffice: string | null;
  registrationDate: string | null;
  female: PartnerDto | null;
  male: PartnerDto | null;
  infectiousPositive: boolean | 'restricted';
  findings: string[];
  opinion: string;
  suggestedOpinion: string;
  opinionNote: string | null;
  counsellingGiven: boolean;
  counsellingTopics: string[];
  certificateNo: string | null;
  followUpDue: string | null;
  followUpDoneOn: string | null;
  followUpOutcome: string | null;
  followUpOverdue: boolean;
  note: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A list row (identifiers masked, no results). */
export interface PremaritalListItem {
  id: string;
  examDate: string;
  femaleName: string | null;
  femaleIdMasked: string | null;
  maleName: string | null;
  maleIdMasked: string | null;
  opinion: string;
  certificateNo: string | null;
  funded: boolean;
  counsellingGiven: boolean;
  followUpDue: string | null;
  followUpDoneOn: string | null;
  followUpOverdue: boolean;
  institutionName: string | null;
}

/** Premarital examination rate of a county and year. */
export interface PremaritalRateRow {
  countyCode: string;
  countyName: string | null;
  year: number;
  couplesRegistered: number | null;
  monthsEntered: number;
  femalesExamined: number;
  malesExamined: number;
  femaleRate: number | null;
  maleRate: number | null;
  rate: number | null;
  fundedExamined: number;
}

const rate = (n: number, d: number | null | undefined): number | null => (d ? n / d : null);

/** Premarital examinations of couples, and the marriage registrations that make the examination rate. */
export function createPremaritalService(deps: ModuleDeps) {
  const { db, audit, crypto, regions } = deps;

  function decryptInfectious(enc: string | null): Record<string, string> | null {
    return enc ? (JSON.parse(crypto.decrypt(enc)) as Record<string, string>) : null;
  }

  async function partnerDto(
    trx: Transaction<Database>,
    ctx: AuthContext,
    r: ExamRow,
    sex: Sex,
  ): Promise<PartnerDto | null> {
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
      history: sex === 'female' ? r.female_history : r.male_history,
      exam: sex === 'female' ? r.female_exam : r.male_exam,
      tests: sex === 'female' ? r.female_tests : r.male_tests,
      diseases: sex === 'female' ? r.female_diseases : r.male_diseases,
      infectious: ctx.permissions.has('pmtct') ? decryptInfectious(enc) : enc ? 'restricted' : null,
    };
  }

  async function toDto(trx: Transaction<Database>, ctx: AuthContext, r: ExamRow): Promise<PremaritalDto> {
    const names = await institutionNames(trx, [r.institution_id]);
    const pmtct = ctx.permissions.has('pmtct');
    if (pmtct && (r.female_infectious_enc || r.male_infectious_enc)) {
      await audit.write(trx, ctx, {
        action: 'women.premarital.infectious.read',
        entityType: 'premarital_exam',
        entityId: r.id,
        personId: r.female_person_id ?? r.male_person_id,
        countyCode: r.county_code,
      });
    }
    return {
      id: r.id,
      examDate: r.exam_date,
      institutionId: r.institution_id,
      institutionName: r.institution_id ? (names.get(r.institution_id) ?? null) : null,
      examiner: r.examiner,
      funded: r.funded,
      registrationOffice: r.registration_office,
      registrationDate: r.registration_date,
      female: await partnerDto(trx, ctx, r, 'female'),
      male: await partnerDto(trx, ctx, r, 'male'),
      infectiousPositive: pmtct ? r.infectious_positive : 'restricted',
      findings: r.findings,
      opinion: r.opinion,
      suggestedOpinion: r.suggested_opinion,
      opinionNote: r.opinion_note,
      counsellingGiven: r.counselling_given,
      counsellingTopics: r.counselling_topics,
      certificateNo: r.certificate_no,
      followUpDue: r.follow_up_due,
      followUpDoneOn: r.follow_up_done_on,
      followUpOutcome: r.follow_up_outcome,
      followUpOverdue: !r.follow_up_done_on && !!r.follow_up_due && r.follow_up_due < today(),
      note: r.note,
      version: r.version,
      createdAt: isoOf(r.created_at),
      updatedAt: isoOf(r.updated_at),
    };
  }

  /** Validates a partner against the person and the national item list; returns the columns. */
  async function partnerColumns(
    trx: Transaction<Database>,
    sex: Sex,
    p: PartnerInput,
    previousEnc: string | null,
  ): Promise<{ person: WomanRow; cols: Partial<ExamRow>; positive: boolean }> {
    const person = await loadPerson(trx, p.personId, {
      sex,
      field: `${sex}.personId`,
      what: [sex === 'female' ? '女方' : '男方', sex === 'female' ? 'bride' : 'groom'],
    });
    const allowed = new Set(premaritalExamItemsFor(sex).map((i) => i.code));
    for (const item of Object.keys(p.tests)) {
      if (!allowed.has(item)) {
        throw errors.field(
          `${sex}.tests.${item}`,
          `${sex === 'female' ? '女方' : '男方'}不做此项检查`,
          'This item does not apply to this partner',
        );
      }
    }
    const infectious = p.infectious;
    const enc = infectious ? crypto.encrypt(JSON.stringify(infectious)) : previousEnc;
    const values =
      infectious ?? (previousEnc ? (JSON.parse(crypto.decrypt(previousEnc)) as Record<string, string>) : {});
    const positive = Object.values(values).includes('positive');
    const prefix = sex === 'female' ? 'female' : 'male';
    const cols = {
      [`${prefix}_person_id`]: person.id,
      [`${prefix}_history`]: json(p.history),
      [`${prefix}_exam`]: json(p.exam),
      [`${prefix}_tests`]: json(p.tests),
      [`${prefix}_diseases`]: p.diseases,
      [`${prefix}_infectious_enc`]: enc,
    } as Partial<ExamRow>;
    return { person, cols, positive };
  }

  function checkOpinion(findings: readonly string[], opinion: string, note: string | null | undefined) {
    const suggestion = suggestPremaritalOpinion(findings as PremaritalFinding[]);
    if (opinion !== suggestion.primary && !note) {
      const s = premaritalOpinionLabel(suggestion.primary);
      throw errors.field(
        'opinionNote',
        `所选医学意见与检查发现不一致（按规范应为“${s?.zh ?? suggestion.primary}”），请说明理由`,
        `The opinion differs from the one the findings call for (${s?.en ?? suggestion.primary}); give a reason`,
        'OPINION_MISMATCH',
      );
    }
    return suggestion.primary;
  }

  async function checkCertificate(
    trx: Transaction<Database>,
    county: string,
    no: string | null | undefined,
    id: string,
  ) {
    if (!no) return;
    const dup = await trx
      .selectFrom('premarital_exam')
      .select('id')
      .where('county_code', '=', county)
      .where('certificate_no', '=', no)
      .where('id', '!=', id)
      .executeTakeFirst();
    if (dup) {
      throw errors.conflict(
        'DUPLICATE_CERTIFICATE',
        '该婚前医学检查证明编号已被使用',
        'The certificate number is taken',
        {
          examId: dup.id,
        },
      );
    }
  }

  async function loadExam(trx: Transaction<Database>, id: string) {
    const row = await trx.selectFrom('premarital_exam').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw errors.notFound('婚前医学检查记录', 'premarital examination');
    return row;
  }

  const service = {
    async create(ctx: AuthContext, input: PremaritalCreateInput): Promise<{ exam: PremaritalDto; created: boolean }> {
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await trx
            .selectFrom('premarital_exam')
            .selectAll()
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (existing) {
            if (existing.created_by !== ctx.userId)
              throw errors.conflict('ID_TAKEN', '编号已被使用', 'This id is taken');
            return { exam: await toDto(trx, ctx, existing), created: false };
          }
        }
        if (!input.female && !input.male) {
          throw errors.field('female', '请至少填写一方的检查', 'Enter at least one partner');
        }
        if (input.female && input.male && input.female.personId === input.male.personId) {
          throw errors.field('male.personId', '男女双方不能是同一人', 'The partners must be two people');
        }
        notFuture(input.examDate, 'examDate', '检查日期');
        const f = input.female ? await partnerColumns(trx, 'female', input.female, null) : null;
        const m = input.male ? await partnerColumns(trx, 'male', input.male, null) : null;
        const county = (f ?? m)!.person.county_code;
        if (f && m && f.person.county_code !== m.person.county_code) {
          throw errors.field('male.personId', '男女双方应在同一县区建档', 'Both partners must be in the same county');
        }
        for (const p of [f, m]) {
          if (p?.person.birth_date && input.examDate < p.person.birth_date) {
            throw errors.field('examDate', '检查日期早于出生日期', 'The exam date is before the birth date');
          }
        }
        const suggested = checkOpinion(input.findings, input.opinion, input.opinionNote);
        const institutionId = input.institutionId ?? ctx.institutionId ?? null;
        await checkInstitution(trx, institutionId, 'institutionId');
        const id = input.id ?? randomUUID();
        await checkCertificate(trx, county, input.certificateNo, id);
        const positive = !!f?.positive || !!m?.positive;
        const fu = premaritalFollowUp({
          examDate: input.examDate,
          opinion: input.opinion as PremaritalOpinion,
          infectiousPositive: positive,
        });
        const row = await trx
          .insertInto('premarital_exam')
          .values({
            county_code: county,
            id,
            exam_date: input.examDate,
            institution_id: institutionId,
            examiner: input.examiner ?? null,
            funded: input.funded,
            registration_office: input.registrationOffice ?? null,
            registration_date: input.registrationDate ?? null,
            ...(f?.cols ?? {}),
            ...(m?.cols ?? {}),
            infectious_positive: positive,
            findings: input.findings,
            opinion: input.opinion,
            suggested_opinion: suggested,
            opinion_note: input.opinionNote ?? null,
            counselling_given: input.counsellingGiven,
            counselling_topics: input.counsellingGiven ? input.counsellingTopics : [],
            certificate_no: input.certificateNo ?? null,
            follow_up_due: fu.dueDate,
            note: input.note ?? null,
            created_by: ctx.userId,
          } as never)
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'women.premarital.create',
          entityType: 'premarital_exam',
          entityId: id,
          personId: f?.person.id ?? m?.person.id ?? null,
          countyCode: county,
          details: { opinion: input.opinion, partner: m?.person.id ?? null },
        });
        return { exam: await toDto(trx, ctx, row), created: true };
      });
    },

    async update(ctx: AuthContext, id: string, input: PremaritalUpdateInput): Promise<PremaritalDto> {
      return withScope(db, ctx, async (trx) => {
        const row = await loadExam(trx, id);
        if (row.version !== input.version) throw errors.staleVersion(row.version);
        const patch: Updateable<PremaritalExamTable> = {};
        const examDate = input.examDate ?? row.exam_date;
        notFuture(examDate, 'examDate', '检查日期');
        let fPositive: boolean | null = null;
        let mPositive: boolean | null = null;
        const previousPositive = (enc: string | null) =>
          enc ? Object.values(JSON.parse(crypto.decrypt(enc)) as Record<string, string>).includes('positive') : false;
        if (input.female) {
          const f = await partnerColumns(trx, 'female', input.female, row.female_infectious_enc);
          if (f.person.county_code !== row.county_code)
            throw errors.field('female.personId', '女方应在本县区建档', 'Wrong county');
          Object.assign(patch, f.cols);
          fPositive = f.positive;
        }
        if (input.male) {
          const m = await partnerColumns(trx, 'male', input.male, row.male_infectious_enc);
          if (m.person.county_code !== row.county_code)
            throw errors.field('male.personId', '男方应在本县区建档', 'Wrong county');
          Object.assign(patch, m.cols);
          mPositive = m.positive;
        }
        const positive =
          (fPositive ?? previousPositive(row.female_infectious_enc)) ||
          (mPositive ?? previousPositive(row.male_infectious_enc));
        const findings = input.findings ?? row.findings;
        const opinion = input.opinion ?? row.opinion;
        const note = input.opinionNote !== undefined ? input.opinionNote : row.opinion_note;
        const suggested = checkOpinion(findings, opinion, note);
        if (input.institutionId) await checkInstitution(trx, input.institutionId, 'institutionId');
        if (input.certificateNo) await checkCertificate(trx, row.county_code, input.certificateNo, id);
        const fu = premaritalFollowUp({
          examDate,
          opinion: opinion as PremaritalOpinion,
          infectiousPositive: positive,
        });
        Object.assign(patch, {
          exam_date: examDate,
          findings,
          opinion,
          suggested_opinion: suggested,
          opinion_note: note ?? null,
          infectious_positive: positive,
          follow_up_due: row.follow_up_done_on ? row.follow_up_due : fu.dueDate,
          version: row.version + 1,
          updated_at: new Date(),
        });
        if (input.institutionId !== undefined) patch.institution_id = input.institutionId;
        if (input.examiner !== undefined) patch.examiner = input.examiner;
        if (input.registrationOffice !== undefined) patch.registration_office = input.registrationOffice;
        if (input.registrationDate !== undefined) patch.registration_date = input.registrationDate;
        if (input.counsellingGiven !== undefined) patch.counselling_given = input.counsellingGiven;
        if (input.counsellingTopics !== undefined) patch.counselling_topics = input.counsellingTopics;
        if (input.certificateNo !== undefined) patch.certificate_no = input.certificateNo;
        if (input.note !== undefined) patch.note = input.note;
        const updated = await trx
          .updateTable('premarital_exam')
          .set(patch)
          .where('county_code', '=', row.county_code)
          .where('id', '=', id)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        await audit.write(trx, ctx, {
          action: 'women.premarital.update',
          entityType: 'premarital_exam',
          entityId: id,
          personId: row.female_person_id ?? row.male_person_id,
          countyCode: row.county_code,
        });
        return toDto(trx, ctx, updated);
      });
    },

    async get(ctx: AuthContext, id: string): Promise<PremaritalDto> {
      return withScope(db, ctx, async (trx) => {
        const row = await loadExam(trx, id);
        await audit.write(trx, ctx, {
          action: 'women.premarital.read',
          entityType: 'premarital_exam',
          entityId: id,
          personId: row.female_person_id ?? row.male_person_id,
          countyCode: row.county_code,
        });
        return toDto(trx, ctx, row);
      });
    },

    /** Records the follow-up of an examination that needs one (refused when none is due). */
    async followUp(ctx: AuthContext, id: string, input: { version: number; date: string; outcome: string }) {
      return withScope(db, ctx, async (trx) => {
        const row = await loadExam(trx, id);
        if (row.version !== input.version) throw errors.staleVersion(row.version);
        if (!row.follow_up_due) {
          throw invalidTransition('该检查无需随访', 'This examination needs no follow-up', { state: 'not_needed' });
        }
        if (row.follow_up_done_on) {
          throw invalidTransition('该检查已完成随访', 'The follow-up is already recorded', { state: 'done' });
        }
        notFuture(input.date, 'date', '随访日期');
        if (input.date < row.exam_date) throw errors.field('date', '随访日期早于检查日期', 'Before the exam date');
        const updated = await trx
          .updateTable('premarital_exam')
          .set({
            follow_up_done_on: input.date,
            follow_up_outcome: input.outcome,
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
          action: 'women.premarital.follow_up',
          entityType: 'premarital_exam',
          entityId: id,
          personId: row.female_person_id ?? row.male_person_id,
          countyCode: row.county_code,
        });
        return toDto(trx, ctx, updated);
      });
    },

    async list(ctx: AuthContext, f: PremaritalListFilter, opts: { all?: boolean } = {}) {
      return withScope(db, ctx, async (trx) => {
        const t = today();
        let q = trx
          .selectFrom('premarital_exam as e')
          .leftJoin('person as pf', (j) =>
            j.onRef('pf.county_code', '=', 'e.county_code').onRef('pf.id', '=', 'e.female_person_id'),
          )
          .leftJoin('person as pm', (j) =>
            j.onRef('pm.county_code', '=', 'e.county_code').onRef('pm.id', '=', 'e.male_person_id'),
          );
        if (f.institutionId) q = q.where('e.institution_id', '=', f.institutionId);
        if (f.from) q = q.where('e.exam_date', '>=', f.from);
        if (f.to) q = q.where('e.exam_date', '<=', f.to);
        if (f.opinion) q = q.where('e.opinion', '=', f.opinion);
        if (f.followUp === 'due')
          q = q.where('e.follow_up_due', 'is not', null).where('e.follow_up_done_on', 'is', null);
        if (f.followUp === 'overdue') q = q.where('e.follow_up_done_on', 'is', null).where('e.follow_up_due', '<', t);
        if (f.followUp === 'done') q = q.where('e.follow_up_done_on', 'is not', null);
        if (f.q) {
          const like = `%${f.q}%`;
          q = q.where((eb) => eb.or([eb('pf.name', 'like', like), eb('pm.name', 'like', like)]));
        }
        let rowsQ = q
          .selectAll('e')
          .select([
            'pf.name as f_name',
            'pf.id_number_masked as f_id',
            'pm.name as m_name',
            'pm.id_number_masked as m_id',
          ])
          .orderBy('e.exam_date', 'desc')
          .orderBy('e.id');
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
          action: opts.all ? 'women.premarital.export' : 'women.premarital.list',
          entityType: 'premarital_exam',
          details: { filter: { ...f, page: undefined, pageSize: undefined }, results: Number(total.n) },
        });
        const items: PremaritalListItem[] = rows.map((r) => ({
          id: r.id,
          examDate: r.exam_date,
          femaleName: r.f_name,
          femaleIdMasked: r.f_id,
          maleName: r.m_name,
          maleIdMasked: r.m_id,
          opinion: r.opinion,
          certificateNo: r.certificate_no,
          funded: r.funded,
          counsellingGiven: r.counselling_given,
          followUpDue: r.follow_up_due,
          followUpDoneOn: r.follow_up_done_on,
          followUpOverdue: !r.follow_up_done_on && !!r.follow_up_due && r.follow_up_due < t,
          institutionName: r.institution_id ? (names.get(r.institution_id) ?? null) : null,
        }));
        return { items, total: Number(total.n), page: f.page, pageSize: f.pageSize };
      });
    },

    /** A person's premarital examinations (as either partner). */
    async forPerson(ctx: AuthContext, personId: string): Promise<PremaritalDto[]> {
      return withScope(db, ctx, async (trx) => {
        const person = await loadPerson(trx, personId);
        const rows = await trx
          .selectFrom('premarital_exam')
          .selectAll()
          .where('county_code', '=', person.county_code)
          .where((eb) => eb.or([eb('female_person_id', '=', personId), eb('male_person_id', '=', personId)]))
          .orderBy('exam_date', 'desc')
          .execute();
        await audit.write(trx, ctx, {
          action: 'women.premarital.history',
          entityType: 'person',
          entityId: personId,
          personId,
          countyCode: person.county_code,
        });
        const out: PremaritalDto[] = [];
        for (const r of rows) out.push(await toDto(trx, ctx, r));
        return out;
      });
    },

    /** Premarital examination rate per county in scope: people examined ÷ people registering their marriage. */
    async rate(ctx: AuthContext, year: number): Promise<PremaritalRateRow[]> {
      return withScope(db, ctx, async (trx) => {
        const from = `${year}-01-01`;
        const to = `${year}-12-31`;
        const exams = await sql<{ county_code: string; females: number; males: number; funded: number }>`
          select county_code, count(female_person_id)::int as females, count(male_person_id)::int as males,
            (count(female_person_id) filter (where funded) + count(male_person_id) filter (where funded))::int as funded
          from premarital_exam where exam_date between ${from} and ${to} group by county_code`.execute(trx);
        const regs = await sql<{ county_code: string; couples: number; months: number }>`
          select county_code, sum(couples)::int as couples, count(*)::int as months
          from marriage_registration_count where year = ${year} group by county_code`.execute(trx);
        await audit.write(trx, ctx, {
          action: 'women.premarital.rate',
          entityType: 'premarital_exam',
          details: { year },
        });
        const counties = [
          ...new Set([
            ...ctx.counties,
            ...exams.rows.map((r) => r.county_code),
            ...regs.rows.map((r) => r.county_code),
          ]),
        ].sort();
        return counties.map((county) => {
          const e = exams.rows.find((r) => r.county_code === county);
          const g = regs.rows.find((r) => r.county_code === county);
          const couples = g ? Number(g.couples) : null;
          const females = Number(e?.females ?? 0);
          const males = Number(e?.males ?? 0);
          return {
            countyCode: county,
            countyName: regions.get(county)?.name ?? null,
            year,
            couplesRegistered: couples,
            monthsEntered: Number(g?.months ?? 0),
            femalesExamined: females,
            malesExamined: males,
            femaleRate: rate(females, couples),
            maleRate: rate(males, couples),
            rate: rate(females + males, couples === null ? null : couples * 2),
            fundedExamined: Number(e?.funded ?? 0),
          };
        });
      });
    },

    async registrations(ctx: AuthContext, year: number) {
      return withScope(db, ctx, (trx) => regRows(trx, year));
    },

    /** Enters or corrects one county-month (version required to correct). */
    async putRegistration(ctx: AuthContext, input: MarriagePutInput) {
      return withScope(db, ctx, async (trx) => {
        await putOne(trx, ctx, input, 'countyCode');
        await audit.write(trx, ctx, {
          action: 'women.marriage_registration.put',
          entityType: 'marriage_registration_count',
          entityId: `${input.countyCode}:${input.year}-${input.month}`,
          countyCode: input.countyCode,
          details: { couples: input.couples },
        });
        return (await regRows(trx, input.year)).find(
          (r) => r.countyCode === input.countyCode && r.month === input.month,
        )!;
      });
    },

    /**
     * Imports `county_code,year,month,couples` lines (a header line is skipped); all or nothing; existing months are
     * replaced (an import is the civil-affairs bureau's figure).
     */
    async importRegistrations(ctx: AuthContext, input: { csv: string; source: string }) {
      const lines = input.csv
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l.length > 0);
      const rows: MarriagePutInput[] = [];
      lines.forEach((line, i) => {
        const cells = line.split(/[,\t，]/).map((c) => c.trim());
        if (i === 0 && !/^\d/.test(cells[0] ?? '')) return;
        const [county, y, m, n] = cells;
        const field = `csv.line${i + 1}`;
        if (!county || !/^\d{6}$/.test(county))
          throw errors.field(field, `第${i + 1}行：县区代码应为6位数字`, `Line ${i + 1}: bad county code`);
        const year = Number(y);
        const month = Number(m);
        const couples = Number(n);
        if (!Number.isInteger(year) || year < 2000 || year > 2100)
          throw errors.field(field, `第${i + 1}行：年份无效`, `Line ${i + 1}: bad year`);
        if (!Number.isInteger(month) || month < 1 || month > 12)
          throw errors.field(field, `第${i + 1}行：月份应为1–12`, `Line ${i + 1}: bad month`);
        if (!Number.isInteger(couples) || couples < 0)
          throw errors.field(field, `第${i + 1}行：登记对数应为非负整数`, `Line ${i + 1}: bad count`);
        rows.push({ countyCode: county, year, month, couples, source: input.source });
      });
      if (rows.length === 0) throw errors.field('csv', '没有可导入的数据行', 'No data lines');
      return withScope(db, ctx, async (trx) => {
        let created = 0;
        let updated = 0;
        for (const [i, r] of rows.entries()) {
          const existed = await putOne(trx, ctx, r, `csv.line${i + 1}`, { replace: true });
          if (existed) updated++;
          else created++;
        }
        await audit.write(trx, ctx, {
          action: 'women.marriage_registration.import',
          entityType: 'marriage_registration_count',
          details: { created, updated, source: input.source },
        });
        return { created, updated };
      });
    },
  };

  async function regRows(trx: Transaction<Database>, year: number) {
    const rows = await trx
      .selectFrom('marriage_registration_count')
      .selectAll()
      .where('year', '=', year)
      .orderBy('county_code')
      .orderBy('month')
      .execute();
    return rows.map((r) => ({
      countyCode: r.county_code,
      countyName: regions.get(r.county_code)?.name ?? null,
      year: r.year,
      month: r.month,
      couples: r.couples,
      source: r.source,
      note: r.note,
      version: r.version,
      updatedAt: isoOf(r.updated_at),
    }));
  }

  async function putOne(
    trx: Transaction<Database>,
    ctx: AuthContext,
    input: MarriagePutInput,
    field: string,
    opts: { replace?: boolean } = {},
  ): Promise<boolean> {
    if (!ctx.counties.includes(input.countyCode)) {
      throw errors.field(field, `县区${input.countyCode}不在您的管辖范围内`, 'The county is outside your jurisdiction');
    }
    const existing = await trx
      .selectFrom('marriage_registration_count')
      .selectAll()
      .where('county_code', '=', input.countyCode)
      .where('year', '=', input.year)
      .where('month', '=', input.month)
      .executeTakeFirst();
    if (existing) {
      if (!opts.replace && input.version !== existing.version) throw errors.staleVersion(existing.version);
      await trx
        .updateTable('marriage_registration_count')
        .set({
          couples: input.couples,
          source: input.source,
          note: input.note ?? null,
          version: existing.version + 1,
          updated_at: new Date(),
          updated_by: ctx.userId,
        })
        .where('county_code', '=', input.countyCode)
        .where('year', '=', input.year)
        .where('month', '=', input.month)
        .execute();
      return true;
    }
    await trx
      .insertInto('marriage_registration_count')
      .values({
        county_code: input.countyCode,
        year: input.year,
        month: input.month,
        couples: input.couples,
        source: input.source,
        note: input.note ?? null,
        updated_by: ctx.userId,
      })
      .execute();
    return false;
  }

  return service;
}
export type PremaritalService = ReturnType<typeof createPremaritalService>;

/** Opinion label (zh) for exports. */
export function opinionZh(code: string): string {
  return PREMARITAL_OPINIONS_NATIONAL.opinions.find((o) => o.code === code)?.zh ?? code;
}
