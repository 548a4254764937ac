import { randomUUID } from 'node:crypto';
import {
  newbornScreeningFlow,
  type NewbornScreeningEvent,
  type NewbornScreeningKind,
  type NewbornScreeningState,
} from '@fuyou/core/child/newborn-screening-flow';
import {
  withScope,
  type ChildScreeningTable,
  type Database,
  type NewbornScreeningTable,
  type Selectable,
  type Transaction,
} from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import type { ModuleDeps } from '../module-deps';
import {
  addDays,
  checkInstitution,
  daysBetween,
  json,
  loadChild,
  num,
  today,
  type ChildProfileRow,
  type PersonRow,
} from './child.common';
import { refreshChildWork } from './worklist.refresh';

type NbsRow = Selectable<NewbornScreeningTable>;
type ScreeningRow = Selectable<ChildScreeningTable>;
const KINDS: NewbornScreeningKind[] = ['metabolic', 'hearing', 'heart'];

/** A newborn screening with its state (core). */
export interface NewbornScreeningDto extends Omit<NewbornScreeningState, 'error'> {
  id: string | null;
  kind: NewbornScreeningKind;
  events: NewbornScreeningEvent[];
  pretermOrSick: boolean;
  version: number;
}

/** A child screening (red reflex, hip, autism, development). */
export interface ChildScreeningDto {
  id: string;
  personId: string;
  kind: string;
  screenedOn: string;
  ageMonths: number;
  tool: string | null;
  score: number | null;
  result: string;
  detail: unknown;
  followUp: string | null;
  followUpDue: string | null;
  followUpDoneOn: string | null;
  followUpResult: string | null;
  overdue: boolean;
  version: number;
}

function birthAt(person: PersonRow) {
  return `${person.birth_date}${person.birth_time ? `T${person.birth_time.slice(0, 5)}` : ''}`;
}

/** The state of a newborn screening of a child from its steps (core). */
export function nbsState(
  kind: NewbornScreeningKind,
  person: PersonRow,
  profile: ChildProfileRow,
  events: readonly NewbornScreeningEvent[],
  pretermOrSick: boolean,
  t = today(),
) {
  return newbornScreeningFlow(kind, {
    birthAt: birthAt(person),
    pretermOrSick: pretermOrSick || (profile.gestational_weeks !== null && profile.gestational_weeks < 37),
    dischargedOn: profile.discharged_on,
    events,
    today: t,
  });
}

function nbsDto(
  kind: NewbornScreeningKind,
  person: PersonRow,
  profile: ChildProfileRow,
  row: NbsRow | undefined,
): NewbornScreeningDto {
  const events = (row?.events ?? []) as NewbornScreeningEvent[];
  const pretermOrSick = !!(row?.data as { pretermOrSick?: boolean } | undefined)?.pretermOrSick;
  const { error: _error, ...s } = nbsState(kind, person, profile, events, pretermOrSick);
  void _error;
  return { id: row?.id ?? null, kind, events, pretermOrSick, version: row?.version ?? 0, ...s };
}

function screeningDto(r: ScreeningRow, t = today()): ChildScreeningDto {
  return {
    id: r.id,
    personId: r.person_id,
    kind: r.kind,
    screenedOn: r.screened_on,
    ageMonths: Number(r.age_months),
    tool: r.tool,
    score: num(r.score),
    result: r.result,
    detail: r.detail,
    followUp: r.follow_up,
    followUpDue: r.follow_up_due,
    followUpDoneOn: r.follow_up_done_on,
    followUpResult: r.follow_up_result,
    overdue: !!r.follow_up_due && !r.follow_up_done_on && r.follow_up_due < t,
    version: r.version,
  };
}

/** Newborn screening (metabolic, hearing, CHD), child screening, and the missed-screening list. */
export function createScreeningService(
  deps: ModuleDeps,
  refer: (
    trx: Transaction<Database>,
    ctx: AuthContext,
    profile: ChildProfileRow,
    sourceId: string,
    date: string,
    r: { reason: string; toInstitutionId?: string | undefined; toInstitutionName?: string | undefined },
  ) => Promise<void>,
) {
  const { db, audit } = deps;

  async function loadAll(trx: Transaction<Database>, profile: ChildProfileRow) {
    const [nbs, child] = await Promise.all([
      trx
        .selectFrom('newborn_screening')
        .selectAll()
        .where('county_code', '=', profile.county_code)
        .where('person_id', '=', profile.person_id)
        .execute(),
      trx
        .selectFrom('child_screening')
        .selectAll()
        .where('county_code', '=', profile.county_code)
        .where('person_id', '=', profile.person_id)
        .orderBy('screened_on', 'desc')
        .execute(),
    ]);
    return { nbs, child };
  }

  /** Newborn and child screenings of a child (used by the child's page too). */
  async function forChildInTx(trx: Transaction<Database>, person: PersonRow, profile: ChildProfileRow) {
    const { nbs, child } = await loadAll(trx, profile);
    return {
      newborn: KINDS.map((k) =>
        nbsDto(
          k,
          person,
          profile,
          nbs.find((r) => r.kind === k),
        ),
      ),
      child: child.map((r) => screeningDto(r)),
    };
  }

  return {
    forChildInTx,

    async list(ctx: AuthContext, personId: string) {
      return withScope(db, ctx, async (trx) => {
        const { person, profile } = await loadChild(trx, personId);
        await audit.write(trx, ctx, {
          action: 'child.screening.read',
          entityType: 'newborn_screening',
          personId,
          countyCode: profile.county_code,
        });
        return forChildInTx(trx, person, profile);
      });
    },

    /** Records the next step of a newborn screening; a step out of order or before birth is refused (400). */
    async addStep(
      ctx: AuthContext,
      personId: string,
      kind: NewbornScreeningKind,
      body: { event: NewbornScreeningEvent; pretermOrSick?: boolean | undefined; version?: number | undefined },
    ): Promise<NewbornScreeningDto> {
      return withScope(db, ctx, async (trx) => {
        const { person, profile } = await loadChild(trx, personId);
        const ev = body.event;
        const when = 'at' in ev ? ev.at.slice(0, 10) : ev.date;
        if (when > today()) throw errors.field('event', '日期不能晚于今天', 'The date is in the future');
        const row = await trx
          .selectFrom('newborn_screening')
          .selectAll()
          .where('county_code', '=', profile.county_code)
          .where('person_id', '=', personId)
          .where('kind', '=', kind)
          .executeTakeFirst();
        if (row && body.version !== row.version) throw errors.staleVersion(row.version);
        const events = [...((row?.events ?? []) as NewbornScreeningEvent[]), ev];
        const pretermOrSick =
          body.pretermOrSick ?? !!(row?.data as { pretermOrSick?: boolean } | undefined)?.pretermOrSick;
        const s = nbsState(kind, person, profile, events, pretermOrSick);
        if (s.error)
          throw new AppError(
            'SCREENING_STEP_REFUSED',
            400,
            `筛查步骤不能记录：${s.error.zh}`,
            `Step refused: ${s.error.en}`,
            [{ field: 'event.step', messageZh: s.error.zh, messageEn: s.error.en }],
            { reason: s.error.code },
          );
        const values = {
          status: s.status,
          data: json({ pretermOrSick }),
          events: json(events),
          next_step: s.nextStep,
          next_due: s.nextDue,
          closed: s.closed,
        };
        let saved: NbsRow;
        if (!row) {
          saved = await trx
            .insertInto('newborn_screening')
            .values({
              county_code: profile.county_code,
              id: randomUUID(),
              person_id: personId,
              kind,
              institution_id: ctx.institutionId,
              ...values,
              created_by: ctx.userId,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
        } else {
          const u = await trx
            .updateTable('newborn_screening')
            .set({ ...values, version: row.version + 1, updated_at: new Date() })
            .where('county_code', '=', row.county_code)
            .where('id', '=', row.id)
            .where('version', '=', row.version)
            .returningAll()
            .executeTakeFirst();
          if (!u) throw errors.staleVersion();
          saved = u;
        }
        await audit.write(trx, ctx, {
          action: 'child.newborn_screening.step',
          entityType: 'newborn_screening',
          entityId: saved.id,
          personId,
          countyCode: profile.county_code,
          details: { kind, step: ev.step },
        });
        await refreshChildWork(trx, deps.crypto, profile.county_code, personId);
        return nbsDto(kind, person, profile, saved);
      });
    },

    /** Records a child screening (red reflex, DDH, autism, development with tool and score). */
    async addChildScreening(
      ctx: AuthContext,
      personId: string,
      input: {
        id?: string | undefined;
        kind: ScreeningRow['kind'];
        screenedOn: string;
        tool?: string | undefined;
        score?: number | undefined;
        result: ScreeningRow['result'];
        detail?: Record<string, unknown> | undefined;
        followUp?: string | undefined;
        followUpDue?: string | undefined;
        referral?:
          { reason: string; toInstitutionId?: string | undefined; toInstitutionName?: string | undefined } | undefined;
      },
    ) {
      return withScope(db, ctx, async (trx) => {
        const { person, profile } = await loadChild(trx, personId);
        if (!person.birth_date || input.screenedOn < person.birth_date || input.screenedOn > today())
          throw errors.field('screenedOn', '筛查日期应在出生与今天之间', 'The date is outside birth…today');
        if (input.kind === 'development' && (!input.tool || input.score === undefined))
          throw errors.field(input.tool ? 'score' : 'tool', '发育筛查请填写工具和得分', 'Give the tool and the score');
        if (input.result !== 'normal' && !input.followUpDue && !input.referral)
          throw errors.field('followUpDue', '筛查异常或可疑时请安排随访或转诊', 'Plan a follow-up or a referral');
        if (input.followUpDue && input.followUpDue < input.screenedOn)
          throw errors.field('followUpDue', '随访日期不能早于筛查日期', 'Follow-up before the screening');
        await checkInstitution(trx, input.referral?.toInstitutionId, 'referral.toInstitutionId');
        const id = input.id ?? randomUUID();
        const row = await trx
          .insertInto('child_screening')
          .values({
            county_code: profile.county_code,
            id,
            person_id: personId,
            kind: input.kind,
            screened_on: input.screenedOn,
            age_months: Math.round((daysBetween(person.birth_date, input.screenedOn) / 30.4375) * 10) / 10,
            institution_id: ctx.institutionId,
            tool: input.tool ?? null,
            score: input.score ?? null,
            result: input.result,
            detail: json(input.detail ?? {}),
            follow_up: input.followUp ?? null,
            follow_up_due: input.followUpDue ?? (input.referral ? addDays(input.screenedOn, 30) : null),
            created_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        if (input.referral) await refer(trx, ctx, profile, id, input.screenedOn, input.referral);
        await audit.write(trx, ctx, {
          action: 'child.screening.create',
          entityType: 'child_screening',
          entityId: id,
          personId,
          countyCode: profile.county_code,
          details: { kind: input.kind, result: input.result },
        });
        await refreshChildWork(trx, deps.crypto, profile.county_code, personId);
        return screeningDto(row);
      });
    },

    async childScreeningFollowUp(
      ctx: AuthContext,
      id: string,
      input: { version: number; doneOn: string; result: string },
    ) {
      return withScope(db, ctx, async (trx) => {
        const r = await trx.selectFrom('child_screening').selectAll().where('id', '=', id).executeTakeFirst();
        if (!r) throw errors.notFound('筛查记录', 'screening');
        if (r.version !== input.version) throw errors.staleVersion(r.version);
        if (input.doneOn < r.screened_on || input.doneOn > today())
          throw errors.field('doneOn', '随访日期应在筛查日期与今天之间', 'The date is outside screening…today');
        const u = await trx
          .updateTable('child_screening')
          .set({
            follow_up_done_on: input.doneOn,
            follow_up_result: input.result,
            version: r.version + 1,
            updated_at: new Date(),
          })
          .where('county_code', '=', r.county_code)
          .where('id', '=', id)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!u) throw errors.staleVersion();
        await audit.write(trx, ctx, {
          action: 'child.screening.follow_up',
          entityType: 'child_screening',
          entityId: id,
          personId: r.person_id,
          countyCode: r.county_code,
        });
        await refreshChildWork(trx, deps.crypto, r.county_code, r.person_id);
        return screeningDto(u);
      });
    },

    /**
     * Missed screenings: children under one year with a newborn screening (metabolic or hearing) not recorded whose
     * time limit has passed, and positives whose next step is overdue.
     */
    async missed(ctx: AuthContext, f: { institutionId?: string | undefined; township?: string | undefined }) {
      return withScope(db, ctx, async (trx) => {
        const t = today();
        const rows = await trx
          .selectFrom('child_profile as c')
          .innerJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 'c.county_code').onRef('p.id', '=', 'c.person_id'),
          )
          .selectAll('c')
          .select(['p.name as child_name'])
          .selectAll('p')
          .where('c.status', '=', 'active')
          .where('p.birth_date', '>=', addDays(t, -366))
          .$if(!!f.institutionId, (q) => q.where('c.managing_institution_id', '=', f.institutionId!))
          .$if(!!f.township, (q) => q.where('p.residence_region_code', 'like', `${f.township}%`))
          .execute();
        const nbs = await trx
          .selectFrom('newborn_screening as s')
          .innerJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 's.county_code').onRef('p.id', '=', 's.person_id'),
          )
          .selectAll('s')
          .where('p.birth_date', '>=', addDays(t, -366))
          .execute();
        const items: {
          personId: string;
          childName: string;
          birthDate: string | null;
          kind: NewbornScreeningKind;
          reason: 'not_screened' | 'next_step_overdue';
          nextStep: string | null;
          nextDue: string | null;
        }[] = [];
        for (const r of rows) {
          for (const kind of KINDS) {
            const row = nbs.find((n) => n.person_id === r.person_id && n.kind === kind);
            const dto = nbsDto(kind, r as never, r as never, row);
            if (!dto.overdue) continue;
            items.push({
              personId: r.person_id,
              childName: r.child_name,
              birthDate: r.birth_date,
              kind,
              reason: row ? 'next_step_overdue' : 'not_screened',
              nextStep: dto.nextStep,
              nextDue: dto.nextDue,
            });
          }
        }
        await audit.write(trx, ctx, {
          action: 'child.screening.missed',
          entityType: 'newborn_screening',
          details: { results: items.length },
        });
        return { items, total: items.length };
      });
    },
  };
}
