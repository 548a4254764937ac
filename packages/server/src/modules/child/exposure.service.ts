import {
  congenitalSyphilisStatus,
  DAYS_PER_MONTH,
  pmtctInfantPlan,
  type ChildLabel,
  type PmtctScheduledDuty,
  type SyphilisExposedInfantFindings,
  type SyphilisTestResult,
} from '@fuyou/core';
import { withScope, type Database, type Transaction } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import type { ModuleDeps } from '../module-deps';
import { daysBetween, loadChild, today, type ChildProfileRow, type PersonRow } from './child.common';
import {
  encryptPlainExposures,
  EXPOSURE_ENCRYPT_JOB,
  openExposure,
  sealExposure,
  type ExposureContents,
  type ExposureRow,
} from './exposure.facts';
import { refreshChildWork } from './worklist.refresh';

export type { ExposureRow } from './exposure.facts';

interface DoseOrTest {
  code: string;
  at: string;
  result?: string;
  titre?: string;
  note?: string;
}

/** One duty of the exposed infant with what was done and its state. */
export interface ExposureDutyDto extends PmtctScheduledDuty {
  state: 'done' | 'late' | 'due' | 'overdue' | 'upcoming';
  record: DoseOrTest | null;
}

/** Findings of a syphilis-exposed infant that are not duty tests, given with the final status. */
export interface SyphilisEvidence {
  /** The mother's non-treponemal titre at delivery, '1:8'. */
  motherTitre?: string | undefined;
  darkfieldOrPcr?: SyphilisTestResult | undefined;
  treponemalIgm?: SyphilisTestResult | undefined;
}

/** The final status core's criteria give (the status to record), with why, or what is still needed. */
export interface FinalStatusSuggestion {
  status: 'infected' | 'not_infected' | 'undetermined';
  reasons: ChildLabel[];
  needed: ChildLabel[];
  config: { id: string; version: string };
}

/** The exposed infant's record as the API returns it (permission pmtct only). */
export interface ExposureDto {
  personId: string;
  infections: string[];
  highExposure: boolean;
  birthTimeKnown: boolean;
  duties: ExposureDutyDto[];
  finalStatus: Record<string, { status: string; decidedOn: string; evidence?: SyphilisEvidence }>;
  /** Syphilis: the final status by the national criteria (congenital syphilis / not infected / undetermined). */
  suggestedFinal: { syphilis?: FinalStatusSuggestion };
  nextDue: string | null;
  overdue: number;
  closed: boolean;
  version: number;
}

const wall = (s: string) => (s.length === 10 ? `${s}T00:00` : s.slice(0, 16));
/** Now as a wall-clock 'YYYY-MM-DDTHH:MM' in China. */
const nowWall = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16);

/** Core's plan of the infant (PMTCT 2020 duties with due times), each duty with what was recorded for it. */
export function exposureDuties(
  person: Pick<PersonRow, 'birth_date' | 'birth_time'>,
  row: Pick<ExposureRow, 'infections' | 'high_exposure' | 'doses' | 'tests'>,
) {
  const birthAt = `${person.birth_date}${person.birth_time ? `T${person.birth_time.slice(0, 5)}` : ''}`;
  const plan = pmtctInfantPlan({
    birthAt,
    hivPositive: row.infections.includes('hiv'),
    syphilisPositive: row.infections.includes('syphilis'),
    hbsagPositive: row.infections.includes('hbv'),
    hivExposure: row.high_exposure ? 'high' : 'standard',
  });
  if (!plan.ok) throw errors.field('birthDate', '出生日期无效，无法安排暴露儿童随访', 'Invalid birth date');
  const records = [...(row.doses as DoseOrTest[]), ...(row.tests as DoseOrTest[])];
  return {
    birthTimeKnown: plan.value.birthTimeKnown,
    duties: plan.value.duties.map((duty) => ({ duty, record: records.find((r) => r.code === duty.code) ?? null })),
  };
}

const titreOf = (t: string | undefined): number | null => {
  const m = t ? /^1:(\d+)$/.exec(t) : null;
  return m ? Number(m[1]) : null;
};
const resultOf = (r: string | undefined): SyphilisTestResult =>
  r === 'positive' || r === 'negative' ? r : 'indeterminate';

/** The syphilis tests recorded for the infant (birth titre, non-treponemal follow-ups, treponemal) with the evidence. */
export function syphilisFindings(
  person: Pick<PersonRow, 'birth_date'>,
  tests: readonly DoseOrTest[],
  evidence: SyphilisEvidence = {},
): SyphilisExposedInfantFindings {
  const age = (at: string) =>
    (person.birth_date ? daysBetween(person.birth_date, at.slice(0, 10)) : 0) / DAYS_PER_MONTH;
  const nonTreponemal = tests
    .filter((t) => t.code === 'syphilis.infant_birth_titre' || /^syphilis\.infant_nontreponemal_\d+m$/.test(t.code))
    .map((t) => ({
      ageMonths: age(t.at),
      result: resultOf(t.result),
      titre: titreOf(t.titre),
      atBirth: t.code === 'syphilis.infant_birth_titre',
    }));
  const treponemal = tests
    .filter((t) => t.code === 'syphilis.infant_treponemal_18m')
    .map((t) => ({ ageMonths: age(t.at), result: resultOf(t.result) }));
  return {
    nonTreponemal,
    treponemal,
    motherTitreAtDelivery: titreOf(evidence.motherTitre),
    ...(evidence.darkfieldOrPcr ? { darkfieldOrPcr: evidence.darkfieldOrPcr } : {}),
    ...(evidence.treponemalIgm ? { treponemalIgm: evidence.treponemalIgm } : {}),
  };
}

/** Core's congenital-syphilis criteria on what was recorded (the status to record, 'pending' as 'undetermined'). */
export function syphilisSuggestion(
  person: Pick<PersonRow, 'birth_date'>,
  tests: readonly DoseOrTest[],
  evidence?: SyphilisEvidence,
): FinalStatusSuggestion {
  const a = congenitalSyphilisStatus(syphilisFindings(person, tests, evidence));
  return {
    status: a.status === 'pending' ? 'undetermined' : a.status,
    reasons: a.reasons.map((r) => r.label),
    needed: a.needed,
    config: a.config,
  };
}

const FINAL_LABELS: Record<FinalStatusSuggestion['status'], [string, string]> = {
  infected: ['先天梅毒', 'congenital syphilis'],
  not_infected: ['未感染', 'not infected'],
  undetermined: ['待定', 'undetermined'],
};

/** The plan from core (PMTCT 2020 infant duties with due times), each duty with its state. */
export function exposurePlan(person: PersonRow, row: ExposureRow): ExposureDto {
  const plan = exposureDuties(person, row);
  const t = today();
  const now = nowWall();
  const duties = plan.duties.map(({ duty: d, record }): ExposureDutyDto => {
    let state: ExposureDutyDto['state'];
    if (record) state = d.dueBy && wall(record.at) > d.dueBy.slice(0, 16) ? 'late' : 'done';
    else if (d.dueBy) state = now > d.dueBy.slice(0, 16) ? 'overdue' : 'due';
    else if (d.dueDate) state = t > (d.windowEnd ?? d.dueDate) ? 'overdue' : t >= d.dueDate ? 'due' : 'upcoming';
    else state = 'due';
    return { ...d, state, record };
  });
  const open = duties.filter((d) => d.state !== 'done' && d.state !== 'late' && (d.dueDate || d.dueBy));
  const nextDue = open.map((d) => d.dueDate ?? d.dueBy!.slice(0, 10)).sort()[0] ?? null;
  const finalStatus = row.final_status as ExposureDto['finalStatus'];
  return {
    personId: row.person_id,
    infections: row.infections,
    highExposure: row.high_exposure,
    birthTimeKnown: plan.birthTimeKnown,
    duties,
    finalStatus,
    suggestedFinal: row.infections.includes('syphilis')
      ? { syphilis: syphilisSuggestion(person, row.tests as DoseOrTest[], finalStatus.syphilis?.evidence) }
      : {},
    nextDue,
    overdue: duties.filter((d) => d.state === 'overdue').length,
    closed: row.infections.every((i) => finalStatus[i] && finalStatus[i].status !== 'undetermined'),
    version: row.version,
  };
}

function requirePmtct(ctx: AuthContext) {
  if (!ctx.permissions.has('pmtct'))
    throw new AppError('FORBIDDEN', 403, '查看暴露儿童信息需要母婴阻断权限', 'The PMTCT permission is needed');
}

/** Exposed infants (HIV, syphilis, HBV): birth-dose duties, follow-up tests, final status. Permission pmtct only. */
export function createExposureService(deps: ModuleDeps) {
  const { db, audit, crypto, jobs } = deps;

  // the job of migration 0048: the records stored in plain before it are encrypted
  jobs.register(EXPOSURE_ENCRYPT_JOB, async () => ({ encrypted: await encryptPlainExposures(db, crypto) }));

  async function load(trx: Transaction<Database>, personId: string) {
    const { person, profile } = await loadChild(trx, personId);
    const stored = await trx
      .selectFrom('exposed_infant')
      .selectAll()
      .where('county_code', '=', profile.county_code)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return { person, profile, row: stored ? openExposure(crypto, stored) : undefined };
  }

  /** Inserts a new record (encrypted) and sets its next due date from the plan; returns the plan. */
  async function insert(
    trx: Transaction<Database>,
    ctx: AuthContext,
    person: PersonRow,
    key: { county_code: string; person_id: string },
    contents: ExposureContents,
  ) {
    const created = await trx
      .insertInto('exposed_infant')
      .values({
        county_code: key.county_code,
        person_id: key.person_id,
        ...sealExposure(crypto, key, person, contents),
        created_by: ctx.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const dto = exposurePlan(person, openExposure(crypto, created));
    await trx
      .updateTable('exposed_infant')
      .set({ next_due: dto.nextDue })
      .where('county_code', '=', key.county_code)
      .where('person_id', '=', key.person_id)
      .execute();
    return dto;
  }

  async function save(
    trx: Transaction<Database>,
    ctx: AuthContext,
    profile: ChildProfileRow,
    row: ExposureRow,
    set: Partial<ExposureContents>,
    version: number,
    person: PersonRow,
    action: string,
  ) {
    if (row.version !== version) throw errors.staleVersion(row.version);
    const merged: ExposureRow = { ...row, ...set };
    const dto = exposurePlan(person, merged);
    const updated = await trx
      .updateTable('exposed_infant')
      .set({
        ...sealExposure(crypto, profile, person, merged),
        next_due: dto.nextDue,
        closed: dto.closed,
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where('county_code', '=', profile.county_code)
      .where('person_id', '=', profile.person_id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw errors.staleVersion();
    await audit.write(trx, ctx, {
      action,
      entityType: 'exposed_infant',
      entityId: profile.person_id,
      personId: profile.person_id,
      countyCode: profile.county_code,
    });
    await refreshChildWork(trx, crypto, profile.county_code, profile.person_id);
    return exposurePlan(person, openExposure(crypto, updated));
  }

  return {
    /**
     * For the maternal module: opens the exposed-infant record of a child just born to a mother with a positive
     * HIV, syphilis or HBsAg result, inside the delivery's transaction, so the birth-dose duties are due from the
     * birth. Not gated by the pmtct permission: the hand-over is the system's, whoever records the delivery; the
     * record is only shown to PMTCT users.
     */
    async openFromBirthInTx(
      trx: Transaction<Database>,
      ctx: AuthContext,
      child: { id: string; countyCode: string },
      input: { infections: string[]; highExposure: boolean },
    ): Promise<void> {
      const infections = [...new Set(input.infections)];
      if (!infections.length) return;
      const person = await trx
        .selectFrom('person')
        .selectAll()
        .where('county_code', '=', child.countyCode)
        .where('id', '=', child.id)
        .executeTakeFirstOrThrow();
      await insert(
        trx,
        ctx,
        person,
        { county_code: child.countyCode, person_id: child.id },
        {
          infections,
          high_exposure: input.highExposure && infections.includes('hiv'),
          doses: [],
          tests: [],
          final_status: {},
        },
      );
      await audit.write(trx, ctx, {
        action: 'child.exposure.create',
        entityType: 'exposed_infant',
        entityId: child.id,
        personId: child.id,
        countyCode: child.countyCode,
        details: { source: 'delivery' },
      });
      await refreshChildWork(trx, crypto, child.countyCode, child.id);
    },

    /** Opens (or changes) the exposure of a child: the mother's infections and the HIV exposure level. */
    async put(
      ctx: AuthContext,
      personId: string,
      input: { infections: string[]; highExposure: boolean; version?: number | undefined },
    ) {
      requirePmtct(ctx);
      return withScope(db, ctx, async (trx) => {
        const { person, profile, row } = await load(trx, personId);
        const infections = [...new Set(input.infections)];
        if (input.highExposure && !infections.includes('hiv'))
          throw errors.field('highExposure', '高暴露风险仅适用于HIV暴露儿童', 'High exposure applies to HIV only');
        if (!row) {
          const dto = await insert(trx, ctx, person, profile, {
            infections,
            high_exposure: input.highExposure,
            doses: [],
            tests: [],
            final_status: {},
          });
          await audit.write(trx, ctx, {
            action: 'child.exposure.create',
            entityType: 'exposed_infant',
            entityId: personId,
            personId,
            countyCode: profile.county_code,
          });
          await refreshChildWork(trx, crypto, profile.county_code, personId);
          return { exposure: dto, created: true };
        }
        if (input.version === undefined) throw errors.field('version', '修改时请提供版本号', 'Give the version');
        const dto = await save(
          trx,
          ctx,
          profile,
          row,
          { infections, high_exposure: input.highExposure },
          input.version,
          person,
          'child.exposure.update',
        );
        return { exposure: dto, created: false };
      });
    },

    async get(ctx: AuthContext, personId: string): Promise<ExposureDto> {
      requirePmtct(ctx);
      return withScope(db, ctx, async (trx) => {
        const { person, profile, row } = await load(trx, personId);
        if (!row) throw errors.notFound('暴露儿童记录', 'exposure record');
        await audit.write(trx, ctx, {
          action: 'child.exposure.read',
          entityType: 'exposed_infant',
          entityId: personId,
          personId,
          countyCode: profile.county_code,
        });
        return exposurePlan(person, row);
      });
    },

    /** Records a birth dose (date-time) or a follow-up test (date, result) against a duty code of the plan. */
    async record(
      ctx: AuthContext,
      personId: string,
      input: {
        code: string;
        at: string;
        result?: string | undefined;
        titre?: string | undefined;
        note?: string | undefined;
        version: number;
      },
    ) {
      requirePmtct(ctx);
      return withScope(db, ctx, async (trx) => {
        const { person, profile, row } = await load(trx, personId);
        if (!row) throw errors.notFound('暴露儿童记录', 'exposure record');
        const plan = exposurePlan(person, row);
        const duty = plan.duties.find((d) => d.code === input.code);
        if (!duty) throw errors.field('code', '该项不在此儿童的随访计划中', 'Not a duty of this child');
        if (input.at.slice(0, 10) < (person.birth_date ?? '') || input.at.slice(0, 10) > today())
          throw errors.field('at', '时间应在出生与今天之间', 'The time is outside birth…today');
        const isTest = duty.category === 'test';
        if (isTest && !input.result) throw errors.field('result', '请填写检测结果', 'Enter the result');
        if (duty.dueBy && input.at.length === 10)
          throw errors.field('at', '出生后时限内的处置请填写日期和时间', 'Give the date and time for a birth dose');
        const rec: DoseOrTest = {
          code: input.code,
          at: input.at,
          ...(input.result ? { result: input.result } : {}),
          ...(input.titre ? { titre: input.titre } : {}),
          ...(input.note ? { note: input.note } : {}),
        };
        const list = ((isTest ? row.tests : row.doses) as DoseOrTest[]).filter((r) => r.code !== input.code);
        list.push(rec);
        return save(
          trx,
          ctx,
          profile,
          row,
          isTest ? { tests: list } : { doses: list },
          input.version,
          person,
          'child.exposure.record',
        );
      });
    },

    /**
     * Sets the final status of one infection (infected / not infected). Syphilis: the status must be the one of the
     * national criteria on the recorded tests and the evidence given (core's congenitalSyphilisStatus); another is
     * refused on `status`, naming the status the criteria give and why.
     */
    async final(
      ctx: AuthContext,
      personId: string,
      input: {
        infection: string;
        status: string;
        decidedOn: string;
        version: number;
        syphilisEvidence?: SyphilisEvidence | undefined;
      },
    ) {
      requirePmtct(ctx);
      return withScope(db, ctx, async (trx) => {
        const { person, profile, row } = await load(trx, personId);
        if (!row) throw errors.notFound('暴露儿童记录', 'exposure record');
        if (!row.infections.includes(input.infection))
          throw errors.field('infection', '该儿童不是此病的暴露儿童', 'Not exposed to this infection');
        if (input.decidedOn > today()) throw errors.field('decidedOn', '判定日期不能晚于今天', 'Date in the future');
        if (input.syphilisEvidence && input.infection !== 'syphilis')
          throw errors.field('syphilisEvidence', '梅毒诊断依据仅用于梅毒暴露儿童', 'Syphilis evidence is for syphilis');
        let entry: Record<string, unknown> = { status: input.status, decidedOn: input.decidedOn };
        if (input.infection === 'syphilis') {
          const evidence =
            input.syphilisEvidence ?? (row.final_status as ExposureDto['finalStatus']).syphilis?.evidence ?? {};
          const s = syphilisSuggestion(person, row.tests as DoseOrTest[], evidence);
          if (s.status !== input.status) {
            const [zh, en] = FINAL_LABELS[s.status];
            const why = s.status === 'undetermined' ? s.needed : s.reasons;
            throw errors.field(
              'status',
              `最终状态与先天梅毒判定标准不符，按已记录的检测应为“${zh}”（${why.map((x) => x.zh).join('；') || '无'}）`,
              `The final status contradicts the congenital syphilis criteria: the records give "${en}" (${why.map((x) => x.en).join('; ') || 'none'})`,
            );
          }
          entry = { ...entry, evidence, criteria: { ...s.config, reasons: s.reasons.map((x) => x.zh) } };
        }
        const fs = { ...(row.final_status as Record<string, unknown>), [input.infection]: entry };
        return save(trx, ctx, profile, row, { final_status: fs }, input.version, person, 'child.exposure.final');
      });
    },
  };
}
