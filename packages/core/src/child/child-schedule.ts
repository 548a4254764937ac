/**
 * The national 0–6-year check-up schedule (国家基本公共卫生服务规范（第三版）2017, 0–6岁儿童健康管理; REFERENCE §2.2)
 * and the child's age (chronological, and corrected for preterm children, REFERENCE §5.4):
 * - newborn home visit within 7 days of discharge [C]; when the discharge date is unknown it is taken as birth + 3
 *   days ([L], `defaultDischargeAfterBirthDays`); for an at-risk newborn within 3 days of discharge [R];
 * - extra newborn visit for preterm, low-birth-weight, twin (multiple) or birth-defect newborns [C: "增加访视次数"];
 *   its timing (7–21 days after discharge) is [L];
 * - 满月 at 28–30 days [C]; 3, 6, 8, 12, 18, 24, 30, 36 months [C]; 4, 5, 6 years [C];
 * - windows around the month targets are not in the national text: ±15 days to 12 months, ±1 month from 18 months
 *   ([L], configurable);
 * - Hb at 6–8, 18, 30 months [C] and yearly in preschool [R]; behavioural hearing at 6, 12, 24, 36 months [R]; eye
 *   checks at 13 contacts (2 in the newborn period, 3–36 months, 4–6 years) [C];
 * - corrected age = chronological age − (40 weeks − gestational age at birth) for a child born before 37 weeks, used
 *   until the corrected age reaches 24 months, chronological age after ([R], 早产儿保健工作规范 2017). Month contacts
 *   whose target is at most 24 months are placed on the corrected-age timeline for preterm children; newborn-period
 *   contacts are always counted from birth or discharge.
 *
 * On a given day each contact and each service duty is done, due (its window is open), missed (the window closed
 * without it) or upcoming. This is the one schedule of the child pathway: the child's page, the stored worklist
 * rows, the corrected age stored with a check-up and the indicators all read it.
 */
import type { ChildEvidence, ChildLabel, ChildOffset, ChildResult, ChildRuleSet } from './child-config';
import { childFailure, childNationalMeta, childOk } from './child-config';
import { addMonthsToDay, addOffset, completedMonths, formatDay, parseDay } from './child-dates';

/** One contact of the schedule. */
export interface ChildScheduleContact {
  /** Stable key: 'newborn_visit', 'newborn_extra', 'month1', 'm3' … 'm36', 'y4', 'y5', 'y6'. */
  key: string;
  label: ChildLabel;
  /** What the target is counted from. */
  anchor: 'birth' | 'discharge';
  /** Target age after the anchor. */
  target: ChildOffset;
  /** The window around the target (both ends inclusive). */
  window: { before: ChildOffset; after: ChildOffset };
  /** A narrower window for an at-risk newborn (the newborn visit within 3 days of discharge [R]). */
  atRiskWindow?: { before: ChildOffset; after: ChildOffset };
  /** Only for at-risk newborns (the extra newborn visit). */
  atRiskOnly?: boolean;
  /** Month contact that moves to the corrected-age timeline for a preterm child (target ≤ 24 months). */
  correctable?: boolean;
  evidence: ChildEvidence;
}

/** Services attached to contacts. */
export type ChildScheduleServiceKind = 'hb' | 'hearing' | 'eye';

/** One service duty: done once at any of its contacts (e.g. Hb at 6 or 8 months). */
export interface ChildScheduleService {
  /** Stable code, e.g. 'hb_6_8m', 'hearing_12m', 'eye_newborn'. */
  code: string;
  kind: ChildScheduleServiceKind;
  label: ChildLabel;
  contactKeys: readonly string[];
  evidence: ChildEvidence;
}

/** The schedule as versioned, region-scoped configuration. */
export interface ChildScheduleConfig extends ChildRuleSet {
  /** Discharge date assumed when it is unknown: birth + this many days [L]. */
  defaultDischargeAfterBirthDays: number;
  /** Preterm below this gestational age, weeks (37). */
  pretermBelowWeeks: number;
  /** Corrected age is used until this corrected age, months (24) [R]. */
  correctedUntilMonths: number;
  /** Full term for the correction, days (280 = 40 weeks). */
  termDays: number;
  /** Low birth weight below this weight, g (2500). */
  lowBirthWeightBelowG: number;
  /** Place correctable month contacts on the corrected-age timeline for preterm children. */
  correctedScheduling: boolean;
  contacts: readonly ChildScheduleContact[];
  services: readonly ChildScheduleService[];
}

const SRC_SCHEDULE = '国家基本公共卫生服务规范（第三版）2017 0–6岁儿童健康管理';
const SRC_VISIT = '新生儿访视技术规范（2012）';
const SRC_PRETERM = '早产儿保健工作规范（国卫办妇幼发〔2017〕9号）';

function monthContact(months: number, windowDays: number | null): ChildScheduleContact {
  const years = months >= 48;
  return {
    key: years ? `y${months / 12}` : `m${months}`,
    label: years
      ? { zh: `${months / 12}岁`, en: `${months / 12} years` }
      : { zh: `${months}月龄`, en: `${months} months` },
    anchor: 'birth',
    target: { months },
    window:
      windowDays === null
        ? { before: { months: 1 }, after: { months: 1 } }
        : { before: { days: windowDays }, after: { days: windowDays } },
    correctable: true,
    evidence: 'C',
  };
}

const MONTH_KEYS = ['m3', 'm6', 'm8', 'm12', 'm18', 'm24', 'm30', 'm36', 'y4', 'y5', 'y6'] as const;

function serviceLabel(kind: ChildScheduleServiceKind, age: ChildLabel): ChildLabel {
  const k = { hb: ['血红蛋白检测', 'Hb test'], hearing: ['听力筛查', 'hearing screen'], eye: ['眼保健', 'eye check'] }[
    kind
  ];
  return { zh: `${age.zh}${k[0]}`, en: `${k[1]}, ${age.en}` };
}

/** The national schedule (基本公卫规范第三版). Windows around month targets and the extra-visit timing are [L]. */
export const NATIONAL_CHILD_SCHEDULE: ChildScheduleConfig = {
  meta: childNationalMeta(
    'child-schedule-cn',
    '2017.1',
    { zh: '0–6岁儿童健康管理服务时间表', en: 'Child health check-up schedule, 0–6 years' },
    'L',
    [SRC_SCHEDULE, SRC_VISIT, SRC_PRETERM, '儿童眼保健（2021）13次眼保健'],
    'windows around the month targets (±15 days to 12 months, ±1 month after) [L]; default discharge birth+3 days [L]; ' +
      'at-risk newborn visit within 3 days of discharge [R]; extra newborn visit 7–21 days after discharge [L]; ' +
      'preschool Hb yearly [R]; behavioural hearing at 6, 12, 24, 36 months [R]; corrected age to 24 months [R]',
  ),
  defaultDischargeAfterBirthDays: 3,
  pretermBelowWeeks: 37,
  correctedUntilMonths: 24,
  termDays: 280,
  lowBirthWeightBelowG: 2500,
  correctedScheduling: true,
  contacts: [
    {
      key: 'newborn_visit',
      label: { zh: '新生儿家庭访视', en: 'Newborn home visit' },
      anchor: 'discharge',
      target: { days: 0 },
      window: { before: { days: 0 }, after: { days: 7 } },
      atRiskWindow: { before: { days: 0 }, after: { days: 3 } },
      evidence: 'C',
    },
    {
      key: 'newborn_extra',
      label: { zh: '高危新生儿增加访视', en: 'Extra newborn visit (at-risk newborn)' },
      anchor: 'discharge',
      target: { days: 14 },
      window: { before: { days: 7 }, after: { days: 7 } },
      atRiskOnly: true,
      evidence: 'L',
    },
    {
      key: 'month1',
      label: { zh: '满月（28–30天）', en: 'One month (28–30 days)' },
      anchor: 'birth',
      target: { days: 28 },
      window: { before: { days: 0 }, after: { days: 2 } },
      evidence: 'C',
    },
    monthContact(3, 15),
    monthContact(6, 15),
    monthContact(8, 15),
    monthContact(12, 15),
    monthContact(18, null),
    monthContact(24, null),
    monthContact(30, null),
    monthContact(36, null),
    monthContact(48, null),
    monthContact(60, null),
    monthContact(72, null),
  ],
  services: [
    {
      code: 'hb_6_8m',
      kind: 'hb',
      label: { zh: '6–8月龄血红蛋白检测', en: 'Hb test, 6–8 months' },
      contactKeys: ['m6', 'm8'],
      evidence: 'C',
    },
    {
      code: 'hb_18m',
      kind: 'hb',
      label: serviceLabel('hb', { zh: '18月龄', en: '18 months' }),
      contactKeys: ['m18'],
      evidence: 'C',
    },
    {
      code: 'hb_30m',
      kind: 'hb',
      label: serviceLabel('hb', { zh: '30月龄', en: '30 months' }),
      contactKeys: ['m30'],
      evidence: 'C',
    },
    {
      code: 'hb_4y',
      kind: 'hb',
      label: serviceLabel('hb', { zh: '4岁', en: '4 years' }),
      contactKeys: ['y4'],
      evidence: 'R',
    },
    {
      code: 'hb_5y',
      kind: 'hb',
      label: serviceLabel('hb', { zh: '5岁', en: '5 years' }),
      contactKeys: ['y5'],
      evidence: 'R',
    },
    {
      code: 'hb_6y',
      kind: 'hb',
      label: serviceLabel('hb', { zh: '6岁', en: '6 years' }),
      contactKeys: ['y6'],
      evidence: 'R',
    },
    ...([6, 12, 24, 36] as const).map((m): ChildScheduleService => ({
      code: `hearing_${m}m`,
      kind: 'hearing',
      label: serviceLabel('hearing', { zh: `${m}月龄`, en: `${m} months` }),
      contactKeys: [`m${m}`],
      evidence: 'R',
    })),
    {
      code: 'eye_newborn',
      kind: 'eye',
      label: { zh: '新生儿访视眼保健', en: 'Eye check, newborn visit' },
      contactKeys: ['newborn_visit'],
      evidence: 'C',
    },
    {
      code: 'eye_month1',
      kind: 'eye',
      label: { zh: '满月眼保健', en: 'Eye check, one month' },
      contactKeys: ['month1'],
      evidence: 'C',
    },
    ...MONTH_KEYS.map((key): ChildScheduleService => {
      const m = key.startsWith('y') ? Number(key.slice(1)) * 12 : Number(key.slice(1));
      const age = m >= 48 ? { zh: `${m / 12}岁`, en: `${m / 12} years` } : { zh: `${m}月龄`, en: `${m} months` };
      return {
        code: `eye_${key.slice(1)}${key[0]}`,
        kind: 'eye',
        label: serviceLabel('eye', age),
        contactKeys: [key],
        evidence: 'C',
      };
    }),
  ],
};

/** A child's age on a date. */
export interface ChildAge {
  /** Days since birth (0 on the birth date). */
  chronologicalDays: number;
  /** Completed calendar months since birth. */
  chronologicalMonths: number;
  /** Completed years since birth. */
  chronologicalYears: number;
  /** Born before `pretermBelowWeeks` (37 weeks); false when the gestation is unknown. */
  preterm: boolean;
  /** Days missing to 40 weeks at birth (0 unless preterm). */
  prematurityDays: number;
  /** The date the child reached 40 weeks (preterm only). */
  termEquivalentDate: string | null;
  /** Corrected age in days (negative before term-equivalent), while it applies; else null. */
  correctedDays: number | null;
  /** Completed months of corrected age (negative before term-equivalent), while it applies; else null. */
  correctedMonths: number | null;
  /** The age to assess with: corrected for a preterm child under 24 months corrected, else chronological. */
  basis: 'corrected' | 'chronological';
  /** The assessment age in days and completed months (by `basis`). */
  ageDays: number;
  ageMonths: number;
}

function gestationDays(weeks: number | null | undefined, days: number | null | undefined): number | null | 'invalid' {
  if (weeks === null || weeks === undefined) return null;
  const d = days ?? 0;
  if (!Number.isInteger(weeks) || weeks < 20 || weeks > 45 || !Number.isInteger(d) || d < 0 || d > 6) return 'invalid';
  return weeks * 7 + d;
}

function ageOnDays(birth: number, at: number, ga: number | null, config: ChildScheduleConfig): ChildAge {
  const chronologicalDays = at - birth;
  const chronologicalMonths = completedMonths(birth, at);
  const preterm = ga !== null && ga < config.pretermBelowWeeks * 7;
  const prematurityDays = preterm && ga !== null ? Math.max(0, config.termDays - ga) : 0;
  const term = birth + prematurityDays;
  const correctedApplies = preterm && at < addMonthsToDay(term, config.correctedUntilMonths);
  const correctedDays = correctedApplies ? at - term : null;
  const correctedMonths = !correctedApplies
    ? null
    : at >= term
      ? completedMonths(term, at)
      : 0 - completedMonths(at, term);
  return {
    chronologicalDays,
    chronologicalMonths,
    chronologicalYears: Math.floor(chronologicalMonths / 12),
    preterm,
    prematurityDays,
    termEquivalentDate: preterm ? formatDay(term) : null,
    correctedDays,
    correctedMonths,
    basis: correctedApplies ? 'corrected' : 'chronological',
    ageDays: correctedDays ?? chronologicalDays,
    ageMonths: correctedMonths ?? chronologicalMonths,
  };
}

/**
 * The child's age on `atDate`: chronological, and corrected for a child born before 37 weeks until the corrected
 * age reaches 24 months (chronological after). A null gestational age means unknown (no correction). Fails with
 * `invalid_date`, `invalid_gestational_age` or `date_before_birth`.
 * @example correctedAge('2024-01-01', 32, 0, '2024-05-01') // 8 weeks early: corrected 65 days, 2 months
 */
export function correctedAge(
  birthDate: string,
  gestationalWeeks: number | null | undefined,
  gestationalDays: number | null | undefined,
  atDate: string,
  config: ChildScheduleConfig = NATIONAL_CHILD_SCHEDULE,
): ChildResult<ChildAge> {
  const birth = parseDay(birthDate);
  if (birth === null) return childFailure('invalid_date', 'birthDate');
  const at = parseDay(atDate);
  if (at === null) return childFailure('invalid_date', 'atDate');
  if (at < birth) return childFailure('date_before_birth', 'atDate');
  const ga = gestationDays(gestationalWeeks, gestationalDays);
  if (ga === 'invalid') return childFailure('invalid_gestational_age', 'gestationalWeeks');
  return childOk(ageOnDays(birth, at, ga, config));
}

/** Chronological age on a date: days, completed months and completed years. */
export function childAgeAt(
  birthDate: string,
  atDate: string,
): ChildResult<{ days: number; months: number; years: number }> {
  const r = correctedAge(birthDate, null, null, atDate);
  if (!r.ok) return r;
  return childOk({
    days: r.value.chronologicalDays,
    months: r.value.chronologicalMonths,
    years: r.value.chronologicalYears,
  });
}

/** Why a newborn gets the extra visits. */
export type ChildAtRiskReason = 'preterm' | 'low_birth_weight' | 'multiple_birth' | 'birth_defect' | 'high_risk';

/** zh/en labels of {@link ChildAtRiskReason}. */
export const CHILD_AT_RISK_REASON_LABELS: Record<ChildAtRiskReason, ChildLabel> = {
  preterm: { zh: '早产', en: 'preterm' },
  low_birth_weight: { zh: '低出生体重', en: 'low birth weight' },
  multiple_birth: { zh: '双（多）胎', en: 'twins or more' },
  birth_defect: { zh: '出生缺陷', en: 'birth defect' },
  high_risk: { zh: '其他高危因素', en: 'other high-risk factor' },
};

/** A check-up that happened. */
export interface ChildScheduleVisit {
  date: string;
  /** The contact it was recorded for; when absent the visit is matched by its date. */
  contactKey?: string | null;
  /** Services done at the visit. */
  services?: readonly ChildScheduleServiceKind[];
}

/** Input of {@link childSchedule}. */
export interface ChildScheduleInput {
  birthDate: string;
  gestationalWeeks?: number | null;
  gestationalDays?: number | null;
  birthWeightG?: number | null;
  /** Unknown: birth + `defaultDischargeAfterBirthDays`. */
  dischargeDate?: string | null;
  flags?: {
    lowBirthWeight?: boolean;
    /** Twins or higher-order multiple birth. */
    twins?: boolean;
    birthDefect?: boolean;
    /** Any other high-risk newborn factor (high-risk-infant criteria). */
    highRisk?: boolean;
  };
  visits: readonly ChildScheduleVisit[];
  today: string;
}

/** Status of a contact or service on `today`. */
export type ChildScheduleStatus = 'done' | 'due' | 'missed' | 'upcoming';

/** One contact with its window and status. */
export interface ChildScheduleContactState {
  key: string;
  label: ChildLabel;
  targetDate: string;
  windowStart: string;
  windowEnd: string;
  /** What the target was counted on: birth (chronological), the corrected-age timeline, or discharge. */
  basis: 'chronological' | 'corrected' | 'discharge';
  status: ChildScheduleStatus;
  doneOn: string | null;
  /** For a done contact: whether the visit fell inside the window. */
  inWindow: boolean | null;
  atRiskOnly: boolean;
  /** The services attached to this contact (Hb, hearing, eye), from the schedule's service duties. */
  services: ChildScheduleServiceKind[];
  evidence: ChildEvidence;
}

/** One service duty with its status. */
export interface ChildScheduleServiceState {
  code: string;
  kind: ChildScheduleServiceKind;
  label: ChildLabel;
  contactKeys: readonly string[];
  windowStart: string;
  windowEnd: string;
  status: ChildScheduleStatus;
  doneOn: string | null;
  evidence: ChildEvidence;
}

/** Result of {@link childSchedule}. */
export interface ChildSchedule {
  age: ChildAge;
  dischargeDate: string;
  /** True when the discharge date was assumed (birth + default days). */
  dischargeAssumed: boolean;
  atRisk: boolean;
  atRiskReasons: ChildAtRiskReason[];
  contacts: ChildScheduleContactState[];
  services: ChildScheduleServiceState[];
  /** Visits that matched no contact (outside every open window). */
  unmatchedVisits: string[];
  config: { id: string; version: string };
}

function statusOf(start: number, end: number, today: number): Exclude<ChildScheduleStatus, 'done'> {
  if (end < today) return 'missed';
  if (start <= today) return 'due';
  return 'upcoming';
}

/**
 * The check-up schedule of one child on `today`: every contact with its window and status (done, due, missed,
 * upcoming), and every service duty (Hb, hearing, eye) with its status. A visit counts for the contact it names;
 * otherwise for the open contact whose window holds its date and whose target is nearest. A service is done when a
 * visit inside the span of its contacts' windows recorded it. Fails on an invalid date or gestational age.
 */
export function childSchedule(
  input: ChildScheduleInput,
  config: ChildScheduleConfig = NATIONAL_CHILD_SCHEDULE,
): ChildResult<ChildSchedule> {
  const birth = parseDay(input.birthDate);
  if (birth === null) return childFailure('invalid_date', 'birthDate');
  const today = parseDay(input.today);
  if (today === null) return childFailure('invalid_date', 'today');
  const ga = gestationDays(input.gestationalWeeks, input.gestationalDays);
  if (ga === 'invalid') return childFailure('invalid_gestational_age', 'gestationalWeeks');
  let discharge = birth + config.defaultDischargeAfterBirthDays;
  const dischargeAssumed = input.dischargeDate === null || input.dischargeDate === undefined;
  if (!dischargeAssumed) {
    const d = parseDay(input.dischargeDate as string);
    if (d === null) return childFailure('invalid_date', 'dischargeDate');
    if (d < birth) return childFailure('date_before_birth', 'dischargeDate');
    discharge = d;
  }
  const visits: { day: number; v: ChildScheduleVisit }[] = [];
  for (const [i, v] of input.visits.entries()) {
    const day = parseDay(v.date);
    if (day === null) return childFailure('invalid_date', `visits[${i}].date`);
    if (day < birth) return childFailure('date_before_birth', `visits[${i}].date`);
    visits.push({ day, v });
  }
  visits.sort((a, b) => a.day - b.day);

  const age = ageOnDays(birth, Math.max(today, birth), ga, config);
  const reasons: ChildAtRiskReason[] = [];
  const f = input.flags ?? {};
  if (ga !== null && ga < config.pretermBelowWeeks * 7) reasons.push('preterm');
  if (f.lowBirthWeight || (input.birthWeightG != null && input.birthWeightG < config.lowBirthWeightBelowG))
    reasons.push('low_birth_weight');
  if (f.twins) reasons.push('multiple_birth');
  if (f.birthDefect) reasons.push('birth_defect');
  if (f.highRisk) reasons.push('high_risk');
  const atRisk = reasons.length > 0;

  const term = birth + age.prematurityDays;
  const slots = config.contacts
    .filter((c) => !c.atRiskOnly || atRisk)
    .map((c) => {
      let basis: ChildScheduleContactState['basis'] = c.anchor === 'discharge' ? 'discharge' : 'chronological';
      let anchor = c.anchor === 'discharge' ? discharge : birth;
      if (
        c.anchor === 'birth' &&
        c.correctable &&
        config.correctedScheduling &&
        age.prematurityDays > 0 &&
        'months' in c.target &&
        c.target.months <= config.correctedUntilMonths
      ) {
        anchor = term;
        basis = 'corrected';
      }
      const target = addOffset(anchor, c.target);
      const w = atRisk && c.atRiskWindow ? c.atRiskWindow : c.window;
      return {
        c,
        basis,
        target,
        start: addOffset(target, w.before, -1),
        end: addOffset(target, w.after),
        doneOn: null as number | null,
        visit: null as ChildScheduleVisit | null,
      };
    });

  const unmatched: string[] = [];
  for (const { day, v } of visits) {
    let slot = v.contactKey ? slots.find((s) => s.c.key === v.contactKey && s.doneOn === null) : undefined;
    if (!slot) {
      const open = slots.filter((s) => s.doneOn === null && day >= s.start && day <= s.end);
      open.sort((a, b) => Math.abs(a.target - day) - Math.abs(b.target - day) || a.target - b.target);
      slot = open[0];
    }
    if (slot) {
      slot.doneOn = day;
      slot.visit = v;
    } else unmatched.push(v.date);
  }

  const contacts = slots.map((s): ChildScheduleContactState => ({
    key: s.c.key,
    label: s.c.label,
    targetDate: formatDay(s.target),
    windowStart: formatDay(s.start),
    windowEnd: formatDay(s.end),
    basis: s.basis,
    status: s.doneOn !== null ? 'done' : statusOf(s.start, s.end, today),
    doneOn: s.doneOn === null ? null : formatDay(s.doneOn),
    inWindow: s.doneOn === null ? null : s.doneOn >= s.start && s.doneOn <= s.end,
    atRiskOnly: !!s.c.atRiskOnly,
    services: [...new Set(config.services.filter((svc) => svc.contactKeys.includes(s.c.key)).map((svc) => svc.kind))],
    evidence: s.c.evidence,
  }));

  const services: ChildScheduleServiceState[] = [];
  for (const svc of config.services) {
    const own = slots.filter((s) => svc.contactKeys.includes(s.c.key));
    if (own.length === 0) continue;
    const start = Math.min(...own.map((s) => s.start));
    const end = Math.max(...own.map((s) => s.end));
    const doneVisit =
      own.find((s) => s.visit?.services?.includes(svc.kind))?.doneOn ??
      visits.find(({ day, v }) => day >= start && day <= end && v.services?.includes(svc.kind))?.day ??
      null;
    let status: ChildScheduleStatus;
    if (doneVisit !== null) status = 'done';
    else if (own.every((s) => s.doneOn !== null || s.end < today)) status = 'missed';
    else if (own.some((s) => s.doneOn === null && s.start <= today && s.end >= today)) status = 'due';
    else status = statusOf(start, end, today) === 'missed' ? 'missed' : 'upcoming';
    services.push({
      code: svc.code,
      kind: svc.kind,
      label: svc.label,
      contactKeys: svc.contactKeys,
      windowStart: formatDay(start),
      windowEnd: formatDay(end),
      status,
      doneOn: doneVisit === null ? null : formatDay(doneVisit),
      evidence: svc.evidence,
    });
  }

  return childOk({
    age,
    dischargeDate: formatDay(discharge),
    dischargeAssumed,
    atRisk,
    atRiskReasons: reasons,
    contacts,
    services,
    unmatchedVisits: unmatched,
    config: { id: config.meta.id, version: config.meta.version },
  });
}
