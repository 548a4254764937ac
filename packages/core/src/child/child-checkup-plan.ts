/**
 * The 0–6-year check-up plan of the national basic public-health service (国家基本公共卫生服务规范（第三版）2017,
 * 0–6岁儿童健康管理; REFERENCE §2.2): the newborn home visit within a week of discharge, the one-month check at
 * 28–30 days, 3, 6, 8, 12, 18, 24, 30 and 36 months, then yearly at 4, 5 and 6 years ("4-2-2-1"); extra visits for
 * preterm, low-birth-weight, twin and birth-defect newborns; corrected age for preterm infants until 24 months
 * (《早产儿保健工作规范》2017). Hb at 6–8, 18 and 30 months and preschool [C]; behavioural hearing at 6, 12, 24 and
 * 36 months [R]; eye checks at 13 contacts (2021) [C].
 *
 * Each contact is done, due, missed or upcoming on a given day. The windows around the month targets are not in the
 * national text: they are configuration ([L], to confirm) so that a province can set its own.
 */

/** A zh-CN / en-US label pair. */
export interface ChildPlanLabel {
  zh: string;
  en: string;
}

/** One contact of the plan. */
export interface ChildContactDefinition {
  /** Stable key, e.g. 'newborn_visit', 'month1', 'm3', 'y4'. */
  key: string;
  label: ChildPlanLabel;
  /** Target age: days after birth (newborn contacts) or months / years. */
  target: { days: number } | { months: number };
  /** Window around the target, days before and after (inclusive). */
  windowDays: { before: number; after: number };
  /** When true the window is counted from discharge (newborn home visit: within 7 days of discharge). */
  fromDischarge?: boolean;
  /** Only for newborns at risk (preterm, LBW, twins, birth defects): the extra home visit. */
  extra?: boolean;
  /** Haemoglobin is measured at this contact. */
  hb?: boolean;
  /** Behavioural hearing screening at this contact [R]. */
  hearing?: boolean;
  /** Eye check at this contact (13 contacts, 2021). */
  eye?: boolean;
}

/** A versioned, region-scoped plan. */
export interface ChildCheckupPlan {
  id: string;
  version: string;
  /** 'CN' or a GB/T 2260 prefix. */
  region: string;
  source: string;
  /** True only when every value was confirmed; the month windows are [L]. */
  confirmed: boolean;
  status: 'confirmed' | 'to_confirm';
  toConfirm: string;
  /** Corrected age applies below this gestational age (weeks) … */
  pretermBelowWeeks: number;
  /** … until this corrected age in months. */
  correctedUntilMonths: number;
  /** Low birth weight below this weight (g). */
  lowBirthWeightBelowG: number;
  contacts: readonly ChildContactDefinition[];
}

const months = (m: number, before: number, after: number, extra: Partial<ChildContactDefinition> = {}) => ({
  key: m < 48 ? `m${m}` : `y${m / 12}`,
  label: m < 48 ? { zh: `${m}月龄`, en: `${m} months` } : { zh: `${m / 12}岁`, en: `${m / 12} years` },
  target: { months: m },
  windowDays: { before, after },
  eye: true,
  ...extra,
});

/** The national plan (基本公卫规范第三版). Month windows: ±15 days to 12 months, ±30 to 36 months, ±60 after [L]. */
export const NATIONAL_CHILD_CHECKUP_PLAN: ChildCheckupPlan = {
  id: 'child-checkup-cn-2017',
  version: '2017.1',
  region: 'CN',
  source: '国家基本公共卫生服务规范（第三版）0–6岁儿童健康管理；早产儿保健工作规范（2017）',
  confirmed: false,
  status: 'to_confirm',
  toConfirm:
    'windows around the month targets [L]; behavioural hearing ages [R]; extra newborn visit timing (within 28 days) [L]',
  pretermBelowWeeks: 37,
  correctedUntilMonths: 24,
  lowBirthWeightBelowG: 2500,
  contacts: [
    {
      key: 'newborn_visit',
      label: { zh: '新生儿家庭访视', en: 'Newborn home visit' },
      target: { days: 0 },
      windowDays: { before: 0, after: 7 },
      fromDischarge: true,
      eye: true,
    },
    {
      key: 'newborn_extra',
      label: { zh: '高危新生儿增加访视', en: 'Extra newborn visit (at-risk newborn)' },
      target: { days: 14 },
      windowDays: { before: 6, after: 13 },
      extra: true,
    },
    {
      key: 'month1',
      label: { zh: '满月（28–30天）', en: 'One month (28–30 days)' },
      target: { days: 28 },
      windowDays: { before: 0, after: 2 },
      eye: true,
    },
    months(3, 15, 15),
    months(6, 15, 15, { hb: true, hearing: true }),
    months(8, 15, 15, { hb: true }),
    months(12, 15, 15, { hearing: true }),
    months(18, 30, 30, { hb: true }),
    months(24, 30, 30, { hearing: true }),
    months(30, 30, 30, { hb: true }),
    months(36, 30, 30, { hearing: true }),
    months(48, 60, 60, { hb: true }),
    months(60, 60, 60, { hb: true }),
    months(72, 60, 60, { hb: true }),
  ],
};

/** Day number of a 'YYYY-MM-DD' date (UTC), or NaN. */
function dayOf(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return Number.NaN;
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date ? Number.NaN : Math.round(t / 86_400_000);
}
function dateOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
/** Same day of the month `m` months later, clamped to the month's end (calendar months). */
function addMonths(date: string, m: number): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const total = mo - 1 + m;
  const ty = y + Math.floor(total / 12);
  const tm = ((total % 12) + 12) % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return dateOf(Math.round(Date.UTC(ty, tm, Math.min(d, last)) / 86_400_000));
}

/** Birth facts the plan needs. */
export interface ChildPlanBirth {
  birthDate: string;
  gestationalWeeks?: number | null;
  gestationalDays?: number | null;
  birthWeightG?: number | null;
  multipleBirth?: number | null;
  hasBirthDefect?: boolean;
  dischargedOn?: string | null;
}

/**
 * Days to subtract from the actual age to get the corrected age: (40 weeks − gestational age) for a child born
 * before `pretermBelowWeeks`, else 0.
 */
export function prematurityDays(birth: ChildPlanBirth, plan: ChildCheckupPlan = NATIONAL_CHILD_CHECKUP_PLAN): number {
  const w = birth.gestationalWeeks;
  if (w === null || w === undefined || !Number.isFinite(w) || w >= plan.pretermBelowWeeks) return 0;
  const ga = w * 7 + (birth.gestationalDays ?? 0);
  return Math.max(0, 280 - ga);
}

/**
 * Corrected age in days on `date` for a preterm child while the corrected age is below `correctedUntilMonths`
 * (24 months); null for a term child, after 24 months corrected, or for a bad date.
 */
export function correctedAgeDays(
  birth: ChildPlanBirth,
  date: string,
  plan: ChildCheckupPlan = NATIONAL_CHILD_CHECKUP_PLAN,
): number | null {
  const b = dayOf(birth.birthDate);
  const d = dayOf(date);
  const pre = prematurityDays(birth, plan);
  if (Number.isNaN(b) || Number.isNaN(d) || pre === 0) return null;
  const corrected = d - b - pre;
  const limit = dayOf(addMonths(dateOf(b + pre), plan.correctedUntilMonths)) - (b + pre);
  return corrected < limit ? corrected : null;
}

/** True for a newborn who gets the extra home visit: preterm, low birth weight, twins (or more), birth defect. */
export function needsExtraNewbornVisit(
  birth: ChildPlanBirth,
  plan: ChildCheckupPlan = NATIONAL_CHILD_CHECKUP_PLAN,
): boolean {
  return (
    prematurityDays(birth, plan) > 0 ||
    (birth.birthWeightG != null && birth.birthWeightG < plan.lowBirthWeightBelowG) ||
    (birth.multipleBirth ?? 1) > 1 ||
    birth.hasBirthDefect === true
  );
}

/** A check-up that happened. */
export interface ChildVisit {
  date: string;
  /** The contact it was recorded for, when known. */
  contactKey?: string | null;
}

/** Status of a contact on a day. */
export type ChildContactStatus = 'done' | 'due' | 'missed' | 'upcoming';

/** One contact with its window and status. */
export interface ChildContactState {
  key: string;
  label: ChildPlanLabel;
  windowStart: string;
  windowEnd: string;
  /** True when the window was moved by the corrected age. */
  corrected: boolean;
  status: ChildContactStatus;
  doneOn: string | null;
  hb: boolean;
  hearing: boolean;
  eye: boolean;
}

/**
 * The plan of one child on `today`: each contact's window (corrected age for preterm contacts up to 24 months
 * corrected; the newborn visit from discharge) and status. A visit counts for the contact it names, else for the
 * first open contact whose window holds its date. Fails (returns null) for an invalid birth date or today.
 */
export function childContactStates(
  birth: ChildPlanBirth,
  visits: readonly ChildVisit[],
  today: string,
  plan: ChildCheckupPlan = NATIONAL_CHILD_CHECKUP_PLAN,
): ChildContactState[] | null {
  const b = dayOf(birth.birthDate);
  const t = dayOf(today);
  if (Number.isNaN(b) || Number.isNaN(t)) return null;
  const pre = prematurityDays(birth, plan);
  const correctedEnd = pre ? dayOf(addMonths(dateOf(b + pre), plan.correctedUntilMonths)) : b;
  const discharge = birth.dischargedOn && !Number.isNaN(dayOf(birth.dischargedOn)) ? dayOf(birth.dischargedOn) : b;
  const extra = needsExtraNewbornVisit(birth, plan);
  const states: ChildContactState[] = [];
  for (const c of plan.contacts) {
    if (c.extra && !extra) continue;
    let target: number;
    let corrected = false;
    if ('days' in c.target) target = (c.fromDischarge ? discharge : b) + c.target.days;
    else {
      const actual = dayOf(addMonths(birth.birthDate, c.target.months));
      const shifted = pre ? dayOf(addMonths(dateOf(b + pre), c.target.months)) : actual;
      corrected = pre > 0 && shifted <= correctedEnd;
      target = corrected ? shifted : actual;
    }
    states.push({
      key: c.key,
      label: c.label,
      windowStart: dateOf(target - c.windowDays.before),
      windowEnd: dateOf(target + c.windowDays.after),
      corrected,
      status: 'upcoming',
      doneOn: null,
      hb: !!c.hb,
      hearing: !!c.hearing,
      eye: !!c.eye,
    });
  }
  const sorted = [...visits].filter((v) => !Number.isNaN(dayOf(v.date))).sort((x, y) => x.date.localeCompare(y.date));
  for (const v of sorted) {
    const named = v.contactKey ? states.find((s) => s.key === v.contactKey && !s.doneOn) : undefined;
    const slot = named ?? states.find((s) => !s.doneOn && v.date >= s.windowStart && v.date <= s.windowEnd);
    if (slot) slot.doneOn = v.date;
  }
  for (const s of states) {
    if (s.doneOn) s.status = 'done';
    else if (dayOf(s.windowEnd) < t) s.status = 'missed';
    else if (dayOf(s.windowStart) <= t) s.status = 'due';
    else s.status = 'upcoming';
  }
  return states;
}
