/**
 * Follow-up of infants exposed to HIV, syphilis or hepatitis B (预防艾滋病、梅毒和乙肝母婴传播工作规范 2020;
 * REFERENCE §8), evaluated against what was recorded. Independent of the maternal PMTCT module on purpose.
 *
 * Duties and their limits:
 * - HBsAg-positive mother: HBIG 100 IU and HepB dose 1 within 12 h of birth [C]; HBsAg/anti-HBs at 7–12 months [R].
 * - HIV-positive mother: ARV prophylaxis within 6 h [R]; nucleic-acid test (NAT) within 48 h for high exposure [R],
 *   at 6 weeks and 3 months [R]; antibody at 12 and 18 months [R].
 * - Syphilis-positive mother: non-treponemal titre at birth (compared with the mother's) [R]; one dose of benzathine
 *   penicillin [R]; non-treponemal tests at 3, 6, 9, 12, 15, 18 months until negative [R]; treponemal test at 18
 *   months [R].
 * Windows are [L]: tests at an age are on time from 7 days before to 14 days (6 weeks) or 30 days (months) after the
 * target; the syphilis birth titre and prophylaxis are due within 72 h (before discharge) [L].
 *
 * Each duty is done on time, done late, done early, due, overdue, upcoming or not required. A dose or test recorded
 * with a date only is read as 23:59 of that day for hour limits (it cannot be shown to be on time) and flagged
 * `timeUnknown`. A birth recorded without a time is read as 00:00, so hour deadlines are the earliest possible. With
 * an offset ('+08:00') times are compared in UTC and deadlines are returned in UTC ('Z').
 *
 * Final status (simple documented rules [R]):
 * - HIV: infected after two positive NATs on separate samples, or a positive antibody at 18 months; not infected
 *   after a negative antibody at 18 months (the age is configuration; some texts use 12 months); else undetermined.
 * - Syphilis: the national criteria of {@link congenitalSyphilisStatus} (the one rule of the project, also used by
 *   the server): the birth and follow-up non-treponemal tests, the treponemal test at 18 months, the mother's titre
 *   at delivery and the evidence that is not a duty test (darkfield/PCR, treponemal IgM); its 'pending' is
 *   'undetermined' here.
 * - HBV: infected when HBsAg is positive at 7–12 months, not infected when negative; protected when anti-HBs ≥10
 *   mIU/mL (else re-vaccination is advised).
 * Once a final status is reached, undone later tests of that infection are not required.
 */
import type { ChildEvidence, ChildLabel, ChildOffset, ChildResult, ChildRuleSet } from './child-config';
import { childFailure, childNationalMeta, childOk } from './child-config';
import { addOffset, formatDay, formatMinutes, parseInstant } from './child-dates';
import { DAYS_PER_MONTH } from '../growth/growth-types';
import type { CongenitalSyphilisRules, SyphilisTestResult } from './congenital-syphilis';
import { congenitalSyphilisStatus, NATIONAL_CONGENITAL_SYPHILIS_RULES } from './congenital-syphilis';

/** The three infections. */
export type ExposedInfantInfection = 'hiv' | 'syphilis' | 'hbv';

/** Stable codes of the infant duties. */
export type ExposedInfantDutyCode =
  | 'hbv_hbig'
  | 'hbv_hepb1'
  | 'hbv_serology_7_12m'
  | 'hiv_arv'
  | 'hiv_nat_48h'
  | 'hiv_nat_6w'
  | 'hiv_nat_3m'
  | 'hiv_ab_12m'
  | 'hiv_ab_18m'
  | 'syphilis_nt_birth'
  | 'syphilis_prophylaxis'
  | 'syphilis_nt_3m'
  | 'syphilis_nt_6m'
  | 'syphilis_nt_9m'
  | 'syphilis_nt_12m'
  | 'syphilis_nt_15m'
  | 'syphilis_nt_18m'
  | 'syphilis_tp_18m';

/** When a duty is due: within hours of birth, or at an age with a window. */
export type ExposedInfantTiming =
  | { withinHours: number }
  | { at: ChildOffset; earlyDays: number; lateDays: number }
  | { from: ChildOffset; to: ChildOffset };

/** One duty definition. */
export interface ExposedInfantDutyDefinition {
  code: ExposedInfantDutyCode;
  infection: ExposedInfantInfection;
  label: ChildLabel;
  timing: ExposedInfantTiming;
  /** Only for high HIV exposure. */
  highExposureOnly?: boolean;
  evidence: ChildEvidence;
}

/** The exposed-infant rules as versioned configuration. */
export interface ExposedInfantConfig extends ChildRuleSet {
  duties: readonly ExposedInfantDutyDefinition[];
  /** A negative HIV antibody at or after this age (months) excludes infection [R]. */
  hivAntibodyExcludesFromMonths: number;
  /** NAT positives needed for an HIV diagnosis. */
  hivPositiveNatsForDiagnosis: number;
  /** The congenital-syphilis criteria that give the syphilis final status ({@link congenitalSyphilisStatus}) [R]. */
  congenitalSyphilis: CongenitalSyphilisRules;
  /** anti-HBs at or above this is protective, mIU/mL [R]. */
  antiHbsProtectiveMIUmL: number;
}

const atMonths = (m: number): ExposedInfantTiming => ({ at: { months: m }, earlyDays: 7, lateDays: 30 });
const nt = (m: number): ExposedInfantDutyDefinition => ({
  code: `syphilis_nt_${m}m` as ExposedInfantDutyCode,
  infection: 'syphilis',
  label: { zh: `${m}月龄非梅毒螺旋体抗原血清学试验`, en: `non-treponemal test at ${m} months` },
  timing: atMonths(m),
  evidence: 'R',
});

/** The national rules (PMTCT 2020); see the file header for the evidence of each value. */
export const NATIONAL_EXPOSED_INFANT_RULES: ExposedInfantConfig = {
  meta: childNationalMeta(
    'exposed-infant-cn',
    '2020.1',
    { zh: '暴露儿童随访规则', en: 'Exposed-infant follow-up rules' },
    'L',
    ['预防艾滋病、梅毒和乙肝母婴传播工作规范（2020年版）'],
    'HIV ARV 6 h, NAT and antibody ages, syphilis follow-up ages, HBV serology 7–12 months and final-status rules ' +
      '[R]; test windows and 72 h for the syphilis birth duties [L]',
  ),
  duties: [
    {
      code: 'hbv_hbig',
      infection: 'hbv',
      label: { zh: '乙肝免疫球蛋白（100 IU）', en: 'HBIG (100 IU)' },
      timing: { withinHours: 12 },
      evidence: 'C',
    },
    {
      code: 'hbv_hepb1',
      infection: 'hbv',
      label: { zh: '首针乙肝疫苗', en: 'hepatitis B vaccine dose 1' },
      timing: { withinHours: 12 },
      evidence: 'C',
    },
    {
      code: 'hbv_serology_7_12m',
      infection: 'hbv',
      label: { zh: '7–12月龄乙肝表面抗原和表面抗体检测', en: 'HBsAg and anti-HBs at 7–12 months' },
      timing: { from: { months: 7 }, to: { months: 12 } },
      evidence: 'R',
    },
    {
      code: 'hiv_arv',
      infection: 'hiv',
      label: { zh: '抗病毒药物预防', en: 'ARV prophylaxis' },
      timing: { withinHours: 6 },
      evidence: 'R',
    },
    {
      code: 'hiv_nat_48h',
      infection: 'hiv',
      label: { zh: '48小时内艾滋病病毒核酸检测（高暴露）', en: 'HIV NAT within 48 h (high exposure)' },
      timing: { withinHours: 48 },
      highExposureOnly: true,
      evidence: 'R',
    },
    {
      code: 'hiv_nat_6w',
      infection: 'hiv',
      label: { zh: '6周龄艾滋病病毒核酸检测', en: 'HIV NAT at 6 weeks' },
      timing: { at: { days: 42 }, earlyDays: 7, lateDays: 14 },
      evidence: 'R',
    },
    {
      code: 'hiv_nat_3m',
      infection: 'hiv',
      label: { zh: '3月龄艾滋病病毒核酸检测', en: 'HIV NAT at 3 months' },
      timing: atMonths(3),
      evidence: 'R',
    },
    {
      code: 'hiv_ab_12m',
      infection: 'hiv',
      label: { zh: '12月龄艾滋病抗体检测', en: 'HIV antibody at 12 months' },
      timing: atMonths(12),
      evidence: 'R',
    },
    {
      code: 'hiv_ab_18m',
      infection: 'hiv',
      label: { zh: '18月龄艾滋病抗体检测', en: 'HIV antibody at 18 months' },
      timing: atMonths(18),
      evidence: 'R',
    },
    {
      code: 'syphilis_nt_birth',
      infection: 'syphilis',
      label: {
        zh: '出生时非梅毒螺旋体抗原血清学试验（与母亲比较）',
        en: "non-treponemal titre at birth (vs the mother's)",
      },
      timing: { withinHours: 72 },
      evidence: 'R',
    },
    {
      code: 'syphilis_prophylaxis',
      infection: 'syphilis',
      label: {
        zh: '苄星青霉素预防性治疗（5万U/kg，1次）',
        en: 'benzathine penicillin prophylaxis (50,000 U/kg, once)',
      },
      timing: { withinHours: 72 },
      evidence: 'R',
    },
    nt(3),
    nt(6),
    nt(9),
    nt(12),
    nt(15),
    nt(18),
    {
      code: 'syphilis_tp_18m',
      infection: 'syphilis',
      label: { zh: '18月龄梅毒螺旋体抗原血清学试验', en: 'treponemal test at 18 months' },
      timing: atMonths(18),
      evidence: 'R',
    },
  ],
  hivAntibodyExcludesFromMonths: 18,
  hivPositiveNatsForDiagnosis: 2,
  congenitalSyphilis: NATIONAL_CONGENITAL_SYPHILIS_RULES,
  antiHbsProtectiveMIUmL: 10,
};

/** A recorded dose or test. */
export interface ExposedInfantRecord {
  code: ExposedInfantDutyCode;
  /** 'YYYY-MM-DDTHH:mm' (optionally with an offset) or a bare date. */
  at: string;
  /** Test result (HBsAg for the HBV serology). */
  result?: 'positive' | 'negative' | null;
  /** Non-treponemal titre as its denominator (1:8 → 8). */
  titre?: number | null;
  /** anti-HBs, mIU/mL (HBV serology). */
  antiHbsMIUmL?: number | null;
}

/** Input of {@link exposedInfantPlan}. */
export interface ExposedInfantInput {
  /** The mother's positive results. */
  mother: { hiv?: boolean; syphilis?: boolean; hbsag?: boolean; syphilisTitre?: number | null };
  hivExposure?: 'standard' | 'high';
  /** False when local policy does not give prophylaxis (e.g. mother adequately treated); default true. */
  syphilisProphylaxisRequired?: boolean;
  /**
   * Syphilis findings that are not duty tests (darkfield microscopy or PCR of lesions or body fluids, treponemal
   * IgM), criteria of {@link congenitalSyphilisStatus}. The mother's titre at delivery is `mother.syphilisTitre`.
   */
  syphilisEvidence?: { darkfieldOrPcr?: SyphilisTestResult | null; treponemalIgm?: SyphilisTestResult | null };
  birthAt: string;
  records: readonly ExposedInfantRecord[];
  /** Date or date-time of the evaluation. */
  now: string;
}

/** Status of one duty. */
export type ExposedInfantDutyStatus =
  'done_on_time' | 'done_late' | 'done_early' | 'due' | 'overdue' | 'upcoming' | 'not_required';

/** One duty with its status. */
export interface ExposedInfantDutyState {
  code: ExposedInfantDutyCode;
  infection: ExposedInfantInfection;
  label: ChildLabel;
  /** Start of the window ('YYYY-MM-DD', or the birth date-time for hour limits). */
  dueFrom: string;
  /** Deadline: a date-time for hour limits, else the last day of the window. */
  dueBy: string;
  status: ExposedInfantDutyStatus;
  doneAt: string | null;
  result: 'positive' | 'negative' | null;
  /** The dose or test was recorded without a time. */
  timeUnknown: boolean;
  evidence: ChildEvidence;
}

/** Final status of one infection. */
export interface ExposedInfantFinalStatus {
  status: 'infected' | 'not_infected' | 'undetermined';
  reasons: ChildLabel[];
  /** Syphilis only: what would still let the status be decided (undetermined). */
  needed?: ChildLabel[];
  /** HBV only: anti-HBs protective (null when not measured). */
  protected?: boolean | null;
}

/** Result of {@link exposedInfantPlan}. */
export interface ExposedInfantPlan {
  infections: ExposedInfantInfection[];
  birthTimeKnown: boolean;
  duties: ExposedInfantDutyState[];
  final: Partial<Record<ExposedInfantInfection, ExposedInfantFinalStatus>>;
  config: { id: string; version: string };
}

interface Parsed {
  rec: ExposedInfantRecord;
  minutes: number;
  day: number;
  hasTime: boolean;
}

function hivFinal(recs: Parsed[], config: ExposedInfantConfig, birthDay: number): ExposedInfantFinalStatus {
  const nats = recs.filter((r) => r.rec.code.startsWith('hiv_nat') && r.rec.result);
  const positiveNats = nats.filter((r) => r.rec.result === 'positive');
  const ab18 = recs.find((r) => r.rec.code === 'hiv_ab_18m' && r.rec.result);
  if (positiveNats.length >= config.hivPositiveNatsForDiagnosis)
    return {
      status: 'infected',
      reasons: [{ zh: `${positiveNats.length}次核酸检测阳性`, en: `${positiveNats.length} positive NAT results` }],
    };
  if (ab18?.rec.result === 'positive')
    return { status: 'infected', reasons: [{ zh: '18月龄抗体阳性', en: 'positive antibody at 18 months' }] };
  const excludeFrom = addOffset(birthDay, { months: config.hivAntibodyExcludesFromMonths });
  const negAb = recs.find(
    (r) => r.rec.code.startsWith('hiv_ab') && r.rec.result === 'negative' && r.day >= excludeFrom,
  );
  if (negAb)
    return {
      status: 'not_infected',
      reasons: [
        {
          zh: `${config.hivAntibodyExcludesFromMonths}月龄及以后抗体阴性`,
          en: `negative antibody at ${config.hivAntibodyExcludesFromMonths} months or later`,
        },
      ],
    };
  const reasons: ChildLabel[] =
    positiveNats.length === 1
      ? [{ zh: '1次核酸检测阳性，需尽快复检', en: 'one positive NAT: repeat on a new sample' }]
      : [];
  return { status: 'undetermined', reasons };
}

/** The syphilis final status by {@link congenitalSyphilisStatus} on the recorded tests (ages from the birth day). */
function syphilisFinal(
  recs: Parsed[],
  input: ExposedInfantInput,
  config: ExposedInfantConfig,
  birthDay: number,
): ExposedInfantFinalStatus {
  const age = (r: Parsed) => (r.day - birthDay) / DAYS_PER_MONTH;
  const result = (r: Parsed): SyphilisTestResult => r.rec.result ?? 'indeterminate';
  const nonTreponemal = recs
    .filter((r) => r.rec.code === 'syphilis_nt_birth' || /^syphilis_nt_\d+m$/.test(r.rec.code))
    .map((r) => ({
      ageMonths: age(r),
      result: result(r),
      titre: r.rec.titre ?? null,
      atBirth: r.rec.code === 'syphilis_nt_birth',
    }));
  const treponemal = recs
    .filter((r) => r.rec.code === 'syphilis_tp_18m')
    .map((r) => ({ ageMonths: age(r), result: result(r) }));
  const a = congenitalSyphilisStatus(
    {
      nonTreponemal,
      treponemal,
      motherTitreAtDelivery: input.mother.syphilisTitre ?? null,
      darkfieldOrPcr: input.syphilisEvidence?.darkfieldOrPcr ?? null,
      treponemalIgm: input.syphilisEvidence?.treponemalIgm ?? null,
    },
    config.congenitalSyphilis,
  );
  return {
    status: a.status === 'pending' ? 'undetermined' : a.status,
    reasons: a.reasons.map((r) => r.label),
    needed: a.needed,
  };
}

function hbvFinal(recs: Parsed[], config: ExposedInfantConfig): ExposedInfantFinalStatus {
  const s = recs.find((r) => r.rec.code === 'hbv_serology_7_12m' && r.rec.result);
  if (!s) return { status: 'undetermined', reasons: [], protected: null };
  const anti = s.rec.antiHbsMIUmL;
  const prot = anti == null ? null : anti >= config.antiHbsProtectiveMIUmL;
  if (s.rec.result === 'positive')
    return { status: 'infected', reasons: [{ zh: '乙肝表面抗原阳性', en: 'HBsAg positive' }], protected: prot };
  const reasons: ChildLabel[] = [{ zh: '乙肝表面抗原阴性', en: 'HBsAg negative' }];
  if (prot === false)
    reasons.push({
      zh: `表面抗体<${config.antiHbsProtectiveMIUmL} mIU/mL，建议复种`,
      en: `anti-HBs below ${config.antiHbsProtectiveMIUmL} mIU/mL: re-vaccinate`,
    });
  return { status: 'not_infected', reasons, protected: prot };
}

/**
 * Evaluates the exposed infant's duties against the records on `now`, and the final status of each infection.
 * The earliest record of a duty counts. Fails with `invalid_datetime` (birthAt, now, records[i].at),
 * `date_before_birth` or `unknown_code` (records[i].code).
 */
export function exposedInfantPlan(
  input: ExposedInfantInput,
  config: ExposedInfantConfig = NATIONAL_EXPOSED_INFANT_RULES,
): ChildResult<ExposedInfantPlan> {
  const birth = parseInstant(input.birthAt);
  if (birth === null) return childFailure('invalid_datetime', 'birthAt');
  const now = parseInstant(input.now);
  if (now === null) return childFailure('invalid_datetime', 'now');
  const known = new Set<string>(config.duties.map((d) => d.code));
  const parsed: Parsed[] = [];
  for (const [i, rec] of input.records.entries()) {
    if (!known.has(rec.code)) return childFailure('unknown_code', `records[${i}].code`);
    const p = parseInstant(rec.at);
    if (p === null) return childFailure('invalid_datetime', `records[${i}].at`);
    if (p.day < birth.day) return childFailure('date_before_birth', `records[${i}].at`);
    parsed.push({ rec, minutes: p.hasTime ? p.minutes : p.minutes + 1439, day: p.day, hasTime: p.hasTime });
  }
  parsed.sort((a, b) => a.minutes - b.minutes);
  const infections: ExposedInfantInfection[] = [];
  if (input.mother.hiv) infections.push('hiv');
  if (input.mother.syphilis) infections.push('syphilis');
  if (input.mother.hbsag) infections.push('hbv');

  const final: ExposedInfantPlan['final'] = {};
  const of = (inf: ExposedInfantInfection) =>
    parsed.filter((p) => config.duties.find((d) => d.code === p.rec.code)?.infection === inf);
  if (input.mother.hiv) final.hiv = hivFinal(of('hiv'), config, birth.day);
  if (input.mother.syphilis) final.syphilis = syphilisFinal(of('syphilis'), input, config, birth.day);
  if (input.mother.hbsag) final.hbv = hbvFinal(of('hbv'), config);

  const birthMinutes = birth.minutes;
  const nowDay = now.day;
  let ntNegativeDay: number | null = null;
  const duties: ExposedInfantDutyState[] = [];
  for (const d of config.duties) {
    if (!infections.includes(d.infection)) continue;
    if (d.highExposureOnly && input.hivExposure !== 'high') continue;
    const rec = parsed.find((p) => p.rec.code === d.code) ?? null;
    let dueFrom: string;
    let dueBy: string;
    let status: ExposedInfantDutyStatus;
    if ('withinHours' in d.timing) {
      const deadline = birthMinutes + d.timing.withinHours * 60;
      const z = birth.utc ? 'Z' : '';
      dueFrom = birth.hasTime ? `${formatMinutes(birthMinutes)}${z}` : formatDay(birth.day);
      dueBy = `${formatMinutes(deadline)}${z}`;
      const deadlineDay = Math.floor(deadline / 1440);
      if (rec) status = rec.minutes <= deadline ? 'done_on_time' : 'done_late';
      else if (now.hasTime) status = now.minutes <= deadline ? 'due' : 'overdue';
      else status = nowDay <= deadlineDay ? 'due' : 'overdue';
    } else {
      let from: number;
      let by: number;
      if ('at' in d.timing) {
        const target = addOffset(birth.day, d.timing.at);
        from = target - d.timing.earlyDays;
        by = target + d.timing.lateDays;
      } else {
        from = addOffset(birth.day, d.timing.from);
        by = addOffset(birth.day, d.timing.to);
      }
      dueFrom = formatDay(from);
      dueBy = formatDay(by);
      if (rec) status = rec.day < from ? 'done_early' : rec.day <= by ? 'done_on_time' : 'done_late';
      else status = nowDay < from ? 'upcoming' : nowDay <= by ? 'due' : 'overdue';
    }
    const isNt = /^syphilis_nt_\d+m$/.test(d.code);
    const decided = final[d.infection] && final[d.infection]?.status !== 'undetermined';
    if (!rec) {
      if (d.code === 'syphilis_prophylaxis' && input.syphilisProphylaxisRequired === false) status = 'not_required';
      else if (isNt && ntNegativeDay !== null) status = 'not_required';
      else if (decided && status !== 'overdue') status = 'not_required';
    }
    if (isNt && rec?.rec.result === 'negative' && ntNegativeDay === null) ntNegativeDay = rec.day;
    duties.push({
      code: d.code,
      infection: d.infection,
      label: d.label,
      dueFrom,
      dueBy,
      status,
      doneAt: rec ? rec.rec.at : null,
      result: rec?.rec.result ?? null,
      timeUnknown: rec ? !rec.hasTime : false,
      evidence: d.evidence,
    });
  }
  return childOk({
    infections,
    birthTimeKnown: birth.hasTime,
    duties,
    final,
    config: { id: config.meta.id, version: config.meta.version },
  });
}
