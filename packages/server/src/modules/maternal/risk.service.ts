import { randomUUID } from 'node:crypto';
import {
  getRiskCatalogue,
  gradePregnancyRisk,
  lmpFromEdd,
  maternalAgeInFullYears,
  monthsBetweenDates,
  opensHighRiskCase,
  RISK_COLOUR_LABELS,
  type PregnancyRiskExtraInput,
  type PregnancyRiskGrading,
  type PregnancyRiskInput,
} from '@fuyou/core';
import { withScope, type Database, type RiskAssessmentTable, type Selectable, type Transaction } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { ModuleDeps } from '../module-deps';
import type { CaseService } from './case.service';
import { redactReasons } from './case.service';
import {
  clearScreenReferralDue,
  daysBetween,
  gaText,
  institutionNames,
  iso,
  isPrimaryInstitution,
  json,
  loadPregnancy,
  num,
  today,
  unwrap,
  type PersonRow,
  type PregnancyRow,
} from './maternal.common';
import type { AssessmentDecision } from './maternal.schemas';
import { canSeePmtct, latestPmtctResults } from './pmtct.common';

type AssessmentRow = Selectable<RiskAssessmentTable>;

/** An assessment in the pregnancy's sequence as the API returns it. */
export interface AssessmentDto {
  id: string;
  pregnancyId: string;
  seq: number;
  stage: string;
  assessedOn: string;
  gestationalAge: string | null;
  institutionId: string | null;
  institutionName: string | null;
  assessorName: string | null;
  sourceKind: string | null;
  sourceId: string | null;
  facts: Record<string, unknown>;
  matched: Array<{ code: string; colour: string; zh: string; en?: string; via?: string }>;
  tickedItems: string[];
  suggestedColour: string;
  suggestedPurple: boolean;
  colour: string;
  purple: boolean;
  overridden: boolean;
  overrideReason: string | null;
  catalogue: unknown;
  note: string | null;
  createdAt: string | null;
}

/** The result of an assessment save: the assessment and what it did to the case. */
export interface AssessmentOutcome {
  assessment: AssessmentDto;
  case: { caseId: string; opened: boolean; escalated: boolean; reportDueAt: string | null } | null;
}

const PMTCT_FACTS = ['hivPositive', 'syphilisPositive', 'hbsagPositive'];

/** Facts and matched items as this caller may see them (infection results only with the pmtct permission). */
export function assessmentView<
  T extends { facts: Record<string, unknown>; matched: Array<{ colour: string }>; tickedItems: string[] },
>(a: T, ctx: AuthContext): T {
  if (canSeePmtct(ctx)) return a;
  const facts = Object.fromEntries(Object.entries(a.facts).filter(([k]) => !PMTCT_FACTS.includes(k)));
  return {
    ...a,
    facts,
    matched: redactReasons(a.matched, ctx) as T['matched'],
    tickedItems: a.tickedItems.filter((c) => !c.startsWith('purple.')),
  };
}

function toDto(r: AssessmentRow, ctx: AuthContext, names: Map<string, string>): AssessmentDto {
  return assessmentView(
    {
      id: r.id,
      pregnancyId: r.pregnancy_id,
      seq: r.seq,
      stage: r.stage,
      assessedOn: r.assessed_on,
      gestationalAge: gaText(r.ga_days),
      institutionId: r.institution_id,
      institutionName: r.institution_id ? (names.get(r.institution_id) ?? null) : null,
      assessorName: r.assessor_name,
      sourceKind: r.source_kind,
      sourceId: r.source_id,
      facts: r.facts as Record<string, unknown>,
      matched: r.matched as AssessmentDto['matched'],
      tickedItems: r.ticked_items,
      suggestedColour: r.suggested_colour,
      suggestedPurple: r.suggested_purple,
      colour: r.colour,
      purple: r.purple,
      overridden: r.overridden,
      overrideReason: r.override_reason,
      catalogue: r.catalogue,
      note: r.note,
      createdAt: iso(r.created_at),
    },
    ctx,
  );
}

/**
 * Five-colour risk assessment (妊娠风险评估分级): the server gathers the computable facts (age, height, BMI, latest
 * Hb, platelets, blood pressure, SpO2, creatinine, fetuses, caesareans, uterine surgery interval, infection results)
 * and grades them with core's `gradePregnancyRisk` together with the items the clinician ticked; the clinician
 * confirms the suggested colour or overrides it with a reason. Every assessment is kept in sequence; orange, red
 * and purple open a high-risk case in the same transaction.
 */
export function createRiskService(deps: ModuleDeps, cases: CaseService) {
  const { db, audit, crypto } = deps;

  /** The computable facts of a pregnancy on a date (latest measured values up to that date). */
  async function gather(trx: Transaction<Database>, preg: PregnancyRow, person: PersonRow, on: string) {
    if (!person.birth_date) throw errors.field('personId', '出生日期未知，无法评估年龄', 'Unknown birth date');
    const ageYears = unwrap(maternalAgeInFullYears(person.birth_date, on), 'assessedOn');
    const visits = await trx
      .selectFrom('anc_visit')
      .select(['visit_date', 'labs', 'systolic_mmhg', 'diastolic_mmhg'])
      .where('county_code', '=', preg.county_code)
      .where('pregnancy_id', '=', preg.id)
      .where('visit_date', '<=', on)
      .orderBy('visit_date', 'desc')
      .orderBy('created_at', 'desc')
      .execute();
    const latestLab = (k: string): number | undefined => {
      for (const v of visits) {
        const x = (v.labs as Record<string, unknown>)[k];
        if (typeof x === 'number') return x;
      }
      return undefined;
    };
    const bp = visits.find((v) => v.systolic_mmhg !== null && v.diastolic_mmhg !== null);
    const pmtct = await latestPmtctResults(trx, crypto, preg, on);
    const origin = preg.lmp ?? unwrap(lmpFromEdd(preg.edd), 'edd');
    const monthsSince = preg.last_uterine_surgery_on ? monthsBetweenDates(preg.last_uterine_surgery_on, origin) : null;
    const input: PregnancyRiskInput = {
      ageYears,
      ...(num(preg.height_cm) !== null ? { heightCm: num(preg.height_cm)! } : {}),
      ...(num(preg.pre_pregnancy_weight_kg) !== null
        ? { prePregnancyWeightKg: num(preg.pre_pregnancy_weight_kg)! }
        : {}),
      ...(latestLab('hbGL') !== undefined ? { hbGL: latestLab('hbGL')! } : {}),
      ...(latestLab('plateletsE9L') !== undefined ? { plateletsE9L: latestLab('plateletsE9L')! } : {}),
      ...(bp ? { systolicMmHg: bp.systolic_mmhg!, diastolicMmHg: bp.diastolic_mmhg! } : {}),
      fetuses: preg.fetuses,
      ...(pmtct.hivPositive !== undefined ? { hivPositive: pmtct.hivPositive } : {}),
      ...(pmtct.syphilisPositive !== undefined ? { syphilisPositive: pmtct.syphilisPositive } : {}),
      ...(pmtct.hbsagPositive !== undefined ? { hbsagPositive: pmtct.hbsagPositive } : {}),
    };
    const extra: PregnancyRiskExtraInput = {
      previousCaesareans: preg.previous_caesareans,
      previousUterineSurgeries: preg.previous_uterine_surgeries,
      ...(monthsSince?.ok && monthsSince.value >= 0 ? { monthsSinceUterineSurgery: monthsSince.value } : {}),
      ...(latestLab('spo2') !== undefined ? { spo2: latestLab('spo2')! } : {}),
      ...(latestLab('creatinineUmolL') !== undefined ? { creatinine: latestLab('creatinineUmolL')! } : {}),
    };
    return { input, extra };
  }

  function grade(
    preg: PregnancyRow,
    facts: { input: PregnancyRiskInput; extra: PregnancyRiskExtraInput },
    items: string[],
  ): PregnancyRiskGrading {
    const g = gradePregnancyRisk({ ...facts.input, items }, { ...facts.extra, region: preg.county_code });
    if (g.unknownItems.length)
      throw errors.field(
        'items',
        `评估表中没有这些条目：${g.unknownItems.join('、')}`,
        `Unknown assessment items: ${g.unknownItems.join(', ')}`,
      );
    return g;
  }

  function checkDate(preg: PregnancyRow, on: string) {
    if (on > today()) throw errors.field('assessedOn', '评估日期不能晚于今天', 'Assessment date in the future');
    if (on < preg.registered_on)
      throw errors.field('assessedOn', '评估日期不能早于建册日期', 'Assessment before the registration');
  }

  /** Saves an assessment inside the caller's transaction and updates the pregnancy and its case. */
  async function assessInTx(
    trx: Transaction<Database>,
    ctx: AuthContext,
    preg: PregnancyRow,
    person: PersonRow,
    decision: AssessmentDecision & { assessedOn: string; id?: string | undefined },
    source: { kind: 'registration' | 'anc_visit' | 'postpartum_visit' | 'standalone'; id: string | null },
  ): Promise<AssessmentOutcome> {
    if (preg.status === 'closed')
      throw errors.conflict('PREGNANCY_STATE', '保健册已结案，不能评估', 'The pregnancy is closed');
    checkDate(preg, decision.assessedOn);
    const facts = await gather(trx, preg, person, decision.assessedOn);
    const items = [...new Set(decision.items)];
    const g = grade(preg, facts, items);
    const colour = decision.colour ?? g.colour;
    const purple = decision.purple ?? g.purple;
    const overridden = colour !== g.colour || purple !== g.purple;
    if (overridden && !decision.overrideReason)
      throw errors.field(
        'overrideReason',
        `建议颜色为${RISK_COLOUR_LABELS[g.colour].zh}${g.purple ? '+紫色' : ''}，调整时请填写理由`,
        'Give a reason for changing the suggested colour',
      );
    const stage =
      source.kind === 'registration' ? 'registration' : preg.status === 'postpartum' ? 'postpartum' : 'antenatal';
    const seqRow = await trx
      .selectFrom('risk_assessment')
      .select((eb) => eb.fn.max('seq').as('m'))
      .where('county_code', '=', preg.county_code)
      .where('pregnancy_id', '=', preg.id)
      .executeTakeFirst();
    const seq = Number(seqRow?.m ?? 0) + 1;
    const gaDays = stage === 'postpartum' ? null : daysBetween(preg.edd, decision.assessedOn) + 280;
    const id = decision.id ?? randomUUID();
    const row = await trx
      .insertInto('risk_assessment')
      .values({
        county_code: preg.county_code,
        id,
        pregnancy_id: preg.id,
        person_id: preg.person_id,
        seq,
        stage,
        assessed_on: decision.assessedOn,
        ga_days: gaDays !== null && gaDays >= 0 && gaDays <= 315 ? gaDays : null,
        institution_id: ctx.institutionId,
        assessor_id: ctx.userId,
        assessor_name: ctx.displayName,
        source_kind: source.kind,
        source_id: source.id,
        facts: json({ ...facts.input, ...facts.extra, bmi: g.bmi }),
        matched: json(g.matched.map((m) => ({ code: m.code, colour: m.colour, zh: m.zh, en: m.en, via: m.via }))),
        ticked_items: items,
        not_evaluated: g.notEvaluated,
        suggested_colour: g.colour,
        suggested_purple: g.purple,
        colour,
        purple,
        overridden,
        override_reason: overridden ? (decision.overrideReason ?? null) : null,
        catalogue: json(g.catalogue),
        note: decision.note ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const latest = await trx
      .selectFrom('risk_assessment')
      .select(['assessed_on', 'seq'])
      .where('county_code', '=', preg.county_code)
      .where('pregnancy_id', '=', preg.id)
      .orderBy('assessed_on', 'desc')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    const isLatest = latest.seq === seq;
    const updatedPreg = await trx
      .updateTable('pregnancy')
      .set({
        ...(isLatest ? { risk_colour: colour, risk_purple: purple, risk_assessed_on: decision.assessedOn } : {}),
        assessment_count: seq,
        version: preg.version + 1,
        updated_at: new Date(),
      })
      .where('county_code', '=', preg.county_code)
      .where('id', '=', preg.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // assessed at a hospital (二级以上): the screen-positive woman no longer waits to be referred for assessment
    if (updatedPreg.screen_referral_due && !(await isPrimaryInstitution(trx, ctx.institutionId)))
      await clearScreenReferralDue(trx, updatedPreg);
    await audit.write(trx, ctx, {
      action: 'maternal.risk.assess',
      entityType: 'risk_assessment',
      entityId: id,
      personId: preg.person_id,
      countyCode: preg.county_code,
      details: { colour, purple, overridden, seq, stage },
    });
    const c =
      isLatest && opensHighRiskCase(colour, purple) ? await cases.ensureCaseInTx(trx, ctx, updatedPreg, row) : null;
    const names = await institutionNames(trx, [row.institution_id]);
    return { assessment: toDto(row, ctx, names), case: c };
  }

  return {
    assessInTx,

    /** What the assessment would suggest now (computed items + ticks), without saving. */
    async preview(ctx: AuthContext, pregnancyId: string, input: { assessedOn?: string | undefined; items: string[] }) {
      return withScope(db, ctx, async (trx) => {
        const { preg, person } = await loadPregnancy(trx, pregnancyId);
        const on = input.assessedOn ?? today();
        checkDate(preg, on);
        const facts = await gather(trx, preg, person, on);
        const g = grade(preg, facts, [...new Set(input.items)]);
        await audit.write(trx, ctx, {
          action: 'maternal.risk.preview',
          entityType: 'pregnancy',
          entityId: pregnancyId,
          personId: preg.person_id,
          countyCode: preg.county_code,
        });
        const view = assessmentView(
          {
            facts: { ...facts.input, ...facts.extra, bmi: g.bmi } as Record<string, unknown>,
            matched: g.matched,
            tickedItems: [...new Set(input.items)],
          },
          ctx,
        );
        return {
          suggestedColour: g.colour,
          suggestedPurple: g.purple,
          highRiskCase: g.highRiskCase,
          includesUnconfirmed: g.includesUnconfirmed,
          notEvaluated: g.notEvaluated,
          catalogue: g.catalogue,
          ...view,
        };
      });
    },

    /** Saves an assessment of a pregnancy (standalone, at any contact). */
    async create(
      ctx: AuthContext,
      pregnancyId: string,
      input: AssessmentDecision & { assessedOn: string; id?: string | undefined },
    ): Promise<AssessmentOutcome> {
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await trx
            .selectFrom('risk_assessment')
            .selectAll()
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (existing) {
            if (existing.assessor_id !== ctx.userId)
              throw errors.conflict('ID_TAKEN', '编号已被使用', 'This id is taken');
            return {
              assessment: toDto(existing, ctx, await institutionNames(trx, [existing.institution_id])),
              case: null,
            };
          }
        }
        const { preg, person } = await loadPregnancy(trx, pregnancyId);
        return assessInTx(trx, ctx, preg, person, input, { kind: 'standalone', id: null });
      });
    },

    /** The assessments of a pregnancy in sequence. */
    async list(ctx: AuthContext, pregnancyId: string): Promise<AssessmentDto[]> {
      return withScope(db, ctx, async (trx) => {
        const { preg } = await loadPregnancy(trx, pregnancyId);
        const rows = await trx
          .selectFrom('risk_assessment')
          .selectAll()
          .where('county_code', '=', preg.county_code)
          .where('pregnancy_id', '=', preg.id)
          .orderBy('seq')
          .execute();
        const names = await institutionNames(
          trx,
          rows.map((r) => r.institution_id),
        );
        await audit.write(trx, ctx, {
          action: 'maternal.risk.list',
          entityType: 'pregnancy',
          entityId: pregnancyId,
          personId: preg.person_id,
          countyCode: preg.county_code,
        });
        return rows.map((r) => toDto(r, ctx, names));
      });
    },

    /** The assessment catalogue that applies in the caller's county (for the form: items to tick). */
    catalogue(ctx: AuthContext, county?: string) {
      const c = getRiskCatalogue(county ?? ctx.counties[0]);
      const pmtct = canSeePmtct(ctx);
      return {
        id: c.id,
        version: c.version,
        region: c.region,
        name: c.name,
        confirmed: c.confirmed,
        items: c.items
          .filter((i) => pmtct || i.colour !== 'purple')
          .map((i) => ({
            code: i.code,
            colour: i.colour,
            zh: i.zh,
            en: i.en,
            kind: i.kind,
            group: i.group,
            confirmed: i.confirmed,
          })),
      };
    },
  };
}
export type RiskService = ReturnType<typeof createRiskService>;
