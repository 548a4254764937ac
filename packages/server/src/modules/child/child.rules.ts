/**
 * The one place where the check-up meets the rules of @fuyou/core: nutrition classification (growth), corrected
 * age, the warning signs of the age, and the case criteria (nutrition, high-risk infant, preterm). No rule is
 * written here: this file only gathers the inputs core asks for and maps core's answers to what is stored.
 */
import {
  adjustHbForAltitude,
  assessGrowth,
  classifyNutrition,
  type GrowthAssessment,
  type NutritionFinding,
  type NutritionStandard,
} from '@fuyou/core';
import { DAYS_PER_MONTH } from '@fuyou/core';
import {
  childSchedule as coreChildSchedule,
  correctedAge,
  NATIONAL_CHILD_SCHEDULE,
  type ChildScheduleInput,
} from '@fuyou/core';
import {
  assessWarningSigns,
  caseClosureCriteria,
  caseNextFollowUp,
  highRiskInfantFactors,
  pretermRisk,
  warningSignsForAge,
} from '@fuyou/core/child/child-case-rules';
import { nutritionRulesFor } from '@fuyou/core';
import { classifyChildDeath } from '@fuyou/core/child/child-death-class';
import { errors } from '../../platform/errors';
import type { ChildProfileRow, PersonRow } from './child.common';
import type { CheckupInput } from './child.schemas';

/** Kinds of case (体弱儿/高危儿专案). */
export type CaseKind = 'anaemia' | 'undernutrition' | 'overweight_obesity' | 'rickets' | 'high_risk_infant' | 'preterm';

/** A case proposed by a check-up; the clinician confirms or dismisses it. */
export interface CaseProposal {
  kind: CaseKind;
  severity: string | null;
  subtypes: string[];
  /** Why: the findings behind the proposal, with zh/en labels. */
  criteria: { code: string; zh: string; en: string; value?: number }[];
  /** The case opened (status proposed) or already open for the child. */
  caseId?: string;
  /** True when a case of this kind was already open or proposed. */
  existing?: boolean;
}

/** Inputs of {@link childRules}. */
export interface ChildRuleInput {
  person: PersonRow;
  profile: ChildProfileRow;
  ageDays: number;
  visitDate: string;
  input: CheckupInput;
  growth: GrowthAssessment | null;
  /** Altitude of residence, m (regional configuration); null: no adjustment. */
  altitudeM: number | null;
}

/** The altitude adjustment core applies to an Hb (null when none: no Hb, no altitude, or below the first band). */
export function hbAltitude(
  hbGL: number | undefined | null,
  altitudeM: number | null,
  standard?: NutritionStandard,
): { altitudeM: number; adjustmentGL: number } | null {
  if (hbGL === undefined || hbGL === null || altitudeM === null) return null;
  const adj = adjustHbForAltitude(hbGL, altitudeM, nutritionRulesFor(standard).anaemia.altitude);
  return adj.adjusted ? { altitudeM, adjustmentGL: adj.adjustmentGL } : null;
}

const SEVERITY_ORDER = ['mild', 'moderate', 'severe'];

function worst(a: string | null, b: string | undefined): string | null {
  if (!b) return a;
  if (!a) return b;
  return SEVERITY_ORDER.indexOf(b) > SEVERITY_ORDER.indexOf(a) ? b : a;
}

/** Nutrition findings → case proposals (undernutrition, overweight/obesity, anaemia). */
export function nutritionProposals(findings: readonly NutritionFinding[]): CaseProposal[] {
  const out = new Map<CaseKind, CaseProposal>();
  for (const f of findings) {
    if (f.remeasure) continue;
    const kind: CaseKind =
      f.condition === 'anaemia'
        ? 'anaemia'
        : f.condition === 'overweight' || f.condition === 'obesity'
          ? 'overweight_obesity'
          : 'undernutrition';
    const p = out.get(kind) ?? { kind, severity: null, subtypes: [], criteria: [] };
    if (kind === 'overweight_obesity') p.severity = f.condition;
    else p.severity = worst(p.severity, f.severity);
    if (kind === 'undernutrition') p.subtypes.push(f.condition);
    p.criteria.push({
      code: `${f.condition}${f.severity ? `_${f.severity}` : ''}`,
      zh: f.zh,
      en: f.en,
      value: f.value,
    });
    out.set(kind, p);
  }
  return [...out.values()];
}

/** The high-risk infant and preterm proposals of a child (from the birth data), while they still apply. */
export function birthProposals(
  person: PersonRow,
  profile: ChildProfileRow,
  ageDays: number,
  date: string,
): CaseProposal[] {
  const out: CaseProposal[] = [];
  const birth = planBirth(person, profile);
  const risk = pretermRisk({ gestationalWeeks: profile.gestational_weeks, birthWeightG: profile.birth_weight_g });
  if (risk && correctedAgeDays(birth, date) !== null)
    out.push({
      kind: 'preterm',
      severity: risk,
      subtypes: [],
      criteria: [
        {
          code: `preterm_${risk}`,
          zh: `早产${profile.gestational_weeks}周${profile.birth_weight_g ? `，出生体重${profile.birth_weight_g}克` : ''}（${risk === 'high' ? '高危' : '低危'}）`,
          en: `preterm ${profile.gestational_weeks} weeks (${risk} risk)`,
        },
      ],
    });
  const factors = highRiskInfantFactors({
    gestationalWeeks: profile.gestational_weeks,
    birthWeightG: profile.birth_weight_g,
    apgar1: profile.apgar_1,
    apgar5: profile.apgar_5,
    conditions: profile.neonatal_conditions,
    hasBirthDefect: profile.birth_defects.length > 0,
  });
  if (factors.length && ageDays < 366)
    out.push({
      kind: 'high_risk_infant',
      severity: null,
      subtypes: factors.map((f) => f.code),
      criteria: factors.map((f) => ({ code: f.code, zh: f.label.zh, en: f.label.en })),
    });
  return out;
}

/** Everything the rules say about one check-up. */
export function childRules(r: ChildRuleInput) {
  const ageMonths = r.ageDays / DAYS_PER_MONTH;
  const g = r.growth;
  const nutrition = classifyNutrition(
    { ...(g ?? {}), flags: g?.flags ?? [] },
    {
      ageMonths,
      ...(r.input.hbGL !== undefined ? { hbGL: r.input.hbGL } : {}),
      ...(r.input.standard ? { standard: r.input.standard } : {}),
      ...(r.altitudeM !== null ? { altitudeM: r.altitudeM } : {}),
    },
  );
  const corrected = correctedAgeDays(planBirth(r.person, r.profile), r.visitDate);
  // development is judged by the corrected age of a preterm child
  const devMonths = (corrected ?? r.ageDays) / DAYS_PER_MONTH;
  const ws = r.input.warningSigns
    ? assessWarningSigns(devMonths, r.input.warningSigns.checked, r.input.warningSigns.regression)
    : null;
  if (ws?.unknown.length)
    throw errors.field(
      'warningSigns.checked',
      `不是该月龄的预警征象：${ws.unknown.join(', ')}`,
      `Not a warning sign of this age: ${ws.unknown.join(', ')}`,
    );
  const proposals = [...nutritionProposals(nutrition), ...birthProposals(r.person, r.profile, r.ageDays, r.visitDate)];
  if (r.input.ricketsSigns?.length)
    proposals.push({
      kind: 'rickets',
      severity: null,
      subtypes: [],
      criteria: r.input.ricketsSigns.map((x) => ({ code: 'rickets_sign', zh: x, en: x })),
    });
  return {
    correctedAgeDays: corrected,
    nutrition,
    hbAltitude: hbAltitude(r.input.hbGL, r.altitudeM, r.input.standard),
    warningSigns: ws ?? {},
    proposals,
  };
}

/** The warning-sign checklist for a child on a date (corrected age for preterm). */
export function warningChecklist(person: PersonRow, profile: ChildProfileRow, date: string) {
  if (!person.birth_date) return null;
  const corrected = correctedAgeDays(planBirth(person, profile), date);
  const days =
    corrected ??
    Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${person.birth_date}T00:00:00Z`)) / 86_400_000);
  const list = warningSignsForAge(days / DAYS_PER_MONTH);
  return list
    ? { ageMonths: list.ageMonths, signs: list.signs.map((x) => ({ code: x.code, zh: x.label.zh, en: x.label.en })) }
    : null;
}

/** Growth and Hb re-assessed at a case follow-up (z-scores from core, findings from core's classification). */
export function followupAssessment(a: {
  kind: CaseKind;
  person: PersonRow;
  date: string;
  input: { weightKg?: number | undefined; lengthCm?: number | undefined; hbGL?: number | undefined };
  /** Altitude of residence, m; null or absent: no adjustment. */
  altitudeM?: number | null;
}): { zscores: Record<string, number>; findings: NutritionFinding[]; severity: string | null } {
  const birth = a.person.birth_date;
  const sex = a.person.sex === 'male' || a.person.sex === 'female' ? a.person.sex : null;
  if (!birth || !sex) return { zscores: {}, findings: [], severity: null };
  const ageDays = Math.round((Date.parse(`${a.date}T00:00:00Z`) - Date.parse(`${birth}T00:00:00Z`)) / 86_400_000);
  const lying = ageDays < 731;
  const g =
    a.input.weightKg !== undefined || a.input.lengthCm !== undefined
      ? assessGrowth({
          sex,
          ageDays,
          ...(a.input.weightKg !== undefined ? { weightKg: a.input.weightKg } : {}),
          ...(a.input.lengthCm !== undefined
            ? lying
              ? { lengthCm: a.input.lengthCm, measuredLying: true }
              : { heightCm: a.input.lengthCm, measuredLying: false }
            : {}),
        })
      : null;
  const zscores: Record<string, number> = {};
  for (const k of ['waz', 'lhaz', 'wlhz', 'bmiz', 'hcz'] as const) if (g?.[k] !== undefined) zscores[k] = g[k];
  const findings = classifyNutrition(
    { ...(g ?? {}), flags: g?.flags ?? [] },
    {
      ageMonths: ageDays / DAYS_PER_MONTH,
      ...(a.input.hbGL !== undefined ? { hbGL: a.input.hbGL } : {}),
      ...(a.altitudeM != null ? { altitudeM: a.altitudeM } : {}),
    },
  );
  const mine = nutritionProposals(findings).find((p) => p.kind === a.kind);
  return { zscores, findings, severity: mine?.severity ?? null };
}

/** Inputs of {@link caseNextDue}. */
export interface CaseDueInput {
  kind: CaseKind;
  severity: string | null;
  /** Date of the opening or of the last follow-up. */
  from: string;
  person: PersonRow;
  profile: ChildProfileRow;
}

/** The next follow-up date of a case after `from`, by core's follow-up schedule for the kind; null when none. */
export function caseNextDue(c: CaseDueInput): string | null {
  if (!c.person.birth_date) return null;
  const ageDays = Math.round(
    (Date.parse(`${c.from}T00:00:00Z`) - Date.parse(`${c.person.birth_date}T00:00:00Z`)) / 86_400_000,
  );
  return caseNextFollowUp({
    kind: c.kind,
    severity: c.severity,
    from: c.from,
    ageDays,
    correctedAgeDays: correctedAgeDays(planBirth(c.person, c.profile), c.from),
  });
}

/** Whether a case meets core's closure criteria, with the reasons when not. */
export interface CaseClosureCheck {
  met: boolean;
  decidedByClinician: boolean;
  reasonsZh: string[];
  reasonsEn: string[];
}

/** Closure criteria of a case from its latest follow-up measurements (core). */
export function caseClosure(c: {
  kind: CaseKind;
  person: PersonRow;
  profile: ChildProfileRow;
  followups: readonly { followup_date: string; weight_kg: unknown; length_cm: unknown; hb_gl: number | null }[];
  date: string;
  /** Altitude of residence, m: raises the Hb cut-off by core's altitude adjustment. */
  altitudeM?: number | null;
}): CaseClosureCheck {
  const birth = c.person.birth_date;
  const ageDays = birth
    ? Math.round((Date.parse(`${c.date}T00:00:00Z`) - Date.parse(`${birth}T00:00:00Z`)) / 86_400_000)
    : 0;
  const lastGrowth = [...c.followups].reverse().find((f) => f.weight_kg !== null);
  const lastHb = [...c.followups].reverse().find((f) => f.hb_gl !== null);
  const g = lastGrowth
    ? followupAssessment({
        kind: c.kind,
        person: c.person,
        date: lastGrowth.followup_date,
        input: {
          weightKg: Number(lastGrowth.weight_kg),
          ...(lastGrowth.length_cm !== null ? { lengthCm: Number(lastGrowth.length_cm) } : {}),
        },
      })
    : null;
  const band = nutritionRulesFor('cn2012').anaemia.bands.find(
    (b) => ageDays / DAYS_PER_MONTH >= b.ageMonths.from && ageDays / DAYS_PER_MONTH < b.ageMonths.to,
  );
  const r = caseClosureCriteria({
    kind: c.kind,
    ...(g ? { zscores: g.zscores } : {}),
    ...(lastHb?.hb_gl != null ? { hbGL: lastHb.hb_gl } : {}),
    ...(band
      ? { hbCutoffGL: band.cutoffGL + (hbAltitude(lastHb?.hb_gl, c.altitudeM ?? null)?.adjustmentGL ?? 0) }
      : {}),
    correctedAgeDays: correctedAgeDays(planBirth(c.person, c.profile), c.date),
    ageDays,
  });
  return {
    met: r.met,
    decidedByClinician: r.decidedByClinician,
    reasonsZh: r.reasons.map((x) => x.zh),
    reasonsEn: r.reasons.map((x) => x.en),
  };
}

/** One contact of the child's schedule as the page shows it. */
export interface ScheduleItemDto {
  key: string;
  zh: string;
  en: string;
  status: string;
  windowStart: string | null;
  windowEnd: string | null;
  doneOn: string | null;
  corrected: boolean;
  hb: boolean;
}

/**
 * The schedule the server uses: core's national 0–6-year check-up schedule (基本公卫规范第三版; windows [L]). The
 * page, the stored worklist rows and the corrected age of a check-up all read this one.
 */
export const CHILD_SCHEDULE = NATIONAL_CHILD_SCHEDULE;

/** The birth facts core's schedule needs, from the person and the profile. */
export function planBirth(
  person: Pick<PersonRow, 'birth_date'>,
  profile: Pick<
    ChildProfileRow,
    'gestational_weeks' | 'gestational_days' | 'birth_weight_g' | 'multiple_birth' | 'birth_defects' | 'discharged_on'
  >,
): Omit<ChildScheduleInput, 'visits' | 'today'> {
  return {
    birthDate: person.birth_date ?? '',
    gestationalWeeks: profile.gestational_weeks,
    gestationalDays: profile.gestational_days,
    birthWeightG: profile.birth_weight_g,
    dischargeDate: profile.discharged_on,
    flags: { twins: (profile.multiple_birth ?? 1) > 1, birthDefect: profile.birth_defects.length > 0 },
  };
}

/** Core's corrected age in days on `date` (preterm, until 24 months corrected); null otherwise or on bad input. */
function correctedAgeDays(birth: Omit<ChildScheduleInput, 'visits' | 'today'>, date: string): number | null {
  const r = correctedAge(birth.birthDate, birth.gestationalWeeks, birth.gestationalDays, date, CHILD_SCHEDULE);
  return r.ok ? r.value.correctedDays : null;
}

/** The national check-up schedule of the child (done/due/missed) from core, with corrected age for preterm. */
export function childSchedule(a: {
  person: PersonRow;
  profile: ChildProfileRow;
  visits: readonly { visit_date: string; contact_key: string | null; kind: string }[];
  today: string;
}): ScheduleItemDto[] | null {
  const birthDate = a.person.birth_date;
  if (!birthDate) return null;
  const birth = planBirth(a.person, a.profile);
  // records dated before a birth date corrected since (core refuses them): no contact, no discharge
  if (birth.dischargeDate && birth.dischargeDate < birthDate) birth.dischargeDate = null;
  const r = coreChildSchedule(
    {
      ...birth,
      visits: a.visits
        .filter((v) => v.visit_date >= birthDate)
        .map((v) => ({
          date: v.visit_date,
          contactKey: v.contact_key ?? (v.kind === 'newborn_visit' || v.kind === 'month1' ? v.kind : null),
        })),
      today: a.today,
    },
    CHILD_SCHEDULE,
  );
  if (!r.ok) return null;
  return r.value.contacts.map((c) => ({
    key: c.key,
    zh: c.label.zh,
    en: c.label.en,
    status: c.status,
    windowStart: c.windowStart,
    windowEnd: c.windowEnd,
    doneOn: c.doneOn,
    corrected: c.basis === 'corrected',
    hb: c.services.includes('hb'),
  }));
}

/** Age group and cause category of an under-5 death (core's child death classification). */
export function childDeathClass(a: { birthDate: string; deathDate: string; icd10: string }): {
  under5: boolean;
  ageGroup: string;
  causeCategory: string | null;
} {
  const c = classifyChildDeath(a);
  return { under5: !!c?.under5, ageGroup: c?.ageGroup ?? 'unknown', causeCategory: c?.causeCategory ?? null };
}
