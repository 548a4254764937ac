/**
 * Antenatal and postpartum contact schedules (孕产期保健服务时间表) and the status of each contact for one woman.
 *
 * National default: 国家基本公共卫生服务规范（第三版, 2017）孕产妇健康管理 (REFERENCE §2.1): five antenatal contacts
 * (<13 weeks, 16–20, 21–24, 28–36, 37–40 weeks), a postpartum home visit within 1 week of discharge and the 42-day
 * check. A window "N–M weeks" is read as N+0 to M+6 (completed weeks), so consecutive windows meet without a gap
 * (16+0–20+6, then 21+0–24+6). The clinical schedule of 中华医学会《孕前和孕期保健指南》(2018) [R] is provided as an
 * alternative configuration.
 */
import { z } from 'zod';
import type { MaternalLabel, MaternalRuleSetMeta } from './config';
import { formatDay, parseDay } from './dates';
import type { GestationalAge } from './gestational-age';
import { datingOriginDay, gestationalAgeToDays, maternalIsoDateSchema } from './gestational-age';
import type { MaternalResult } from './result';
import { maternalFailure, maternalOk } from './result';

/** Kinds of maternal contact (glossary: `ancVisit`, `postpartumVisit` kind `home_visit|day42_check`). */
export type MaternalContactKind = 'antenatal' | 'home_visit' | 'day42_check';

/** A window in gestational age, both ends inclusive. */
export interface GestationContactWindow {
  basis: 'gestation';
  from: GestationalAge;
  to: GestationalAge;
}

/**
 * A window in days after delivery or after discharge from the delivery hospital, both ends inclusive
 * (day 0 = the delivery or discharge date). A 'discharge' window falls back to the delivery date when the discharge
 * date is unknown (the window is then marked estimated).
 */
export interface PostpartumContactWindow {
  basis: 'delivery' | 'discharge';
  fromDays: number;
  toDays: number;
}

/** One contact of a schedule. */
export interface MaternalContactDefinition {
  /** Stable id within the schedule (e.g. 'anc1', 'home_visit'). */
  id: string;
  kind: MaternalContactKind;
  /** Order within the schedule, from 1. */
  sequence: number;
  label: MaternalLabel;
  window: GestationContactWindow | PostpartumContactWindow;
  /** True when the window was confirmed in a retrieved source. */
  confirmed: boolean;
  source: string;
}

/** A versioned contact schedule. */
export interface MaternalContactSchedule extends MaternalRuleSetMeta {
  contacts: MaternalContactDefinition[];
}

const ga = (weeks: number, days = 0): GestationalAge => ({ weeks, days });
const BPH = '国家基本公共卫生服务规范（第三版, 2017）孕产妇健康管理服务规范';

/** Postpartum home visit: within 1 week (days 0–7) of discharge. REFERENCE §2.1 [C]. */
export const NATIONAL_HOME_VISIT_CONTACT: MaternalContactDefinition = {
  id: 'home_visit',
  kind: 'home_visit',
  sequence: 6,
  label: { zh: '产后访视', en: 'Postpartum home visit' },
  window: { basis: 'discharge', fromDays: 0, toDays: 7 },
  confirmed: true,
  source: `${BPH}: 出院后1周内`,
};

/**
 * 42-day postpartum check. The national text says "产后42天"; the window end (here day 56) is local practice [L],
 * to confirm and to set per region.
 */
export const NATIONAL_DAY42_CONTACT: MaternalContactDefinition = {
  id: 'day42_check',
  kind: 'day42_check',
  sequence: 7,
  label: { zh: '产后42天健康检查', en: '42-day postpartum check' },
  window: { basis: 'delivery', fromDays: 42, toDays: 56 },
  confirmed: false,
  source: `${BPH}: 产后42天 (window 42–56 days [L])`,
};

/** The national basic public-health schedule: 5 antenatal contacts, home visit, 42-day check (REFERENCE §2.1). */
export const NATIONAL_BASIC_PUBLIC_HEALTH_SCHEDULE: MaternalContactSchedule = {
  id: 'anc-basic-public-health-cn',
  version: '2017.1',
  region: 'CN',
  name: {
    zh: '国家基本公共卫生服务孕产妇健康管理（5次产前+2次产后）',
    en: 'National basic public-health maternal care',
  },
  source: BPH,
  confirmed: false,
  status: 'to_confirm',
  contacts: [
    {
      id: 'anc1',
      kind: 'antenatal',
      sequence: 1,
      label: { zh: '孕早期建册及第1次产前检查', en: 'Registration and 1st antenatal check' },
      window: { basis: 'gestation', from: ga(0), to: ga(12, 6) },
      confirmed: true,
      source: `${BPH}: 孕13周前`,
    },
    {
      id: 'anc2',
      kind: 'antenatal',
      sequence: 2,
      label: { zh: '第2次产前检查', en: '2nd antenatal check' },
      window: { basis: 'gestation', from: ga(16), to: ga(20, 6) },
      confirmed: true,
      source: `${BPH}: 孕16–20周`,
    },
    {
      id: 'anc3',
      kind: 'antenatal',
      sequence: 3,
      label: { zh: '第3次产前检查', en: '3rd antenatal check' },
      window: { basis: 'gestation', from: ga(21), to: ga(24, 6) },
      confirmed: true,
      source: `${BPH}: 孕21–24周`,
    },
    {
      id: 'anc4',
      kind: 'antenatal',
      sequence: 4,
      label: { zh: '第4次产前检查', en: '4th antenatal check' },
      window: { basis: 'gestation', from: ga(28), to: ga(36, 6) },
      confirmed: true,
      source: `${BPH}: 孕28–36周`,
    },
    {
      id: 'anc5',
      kind: 'antenatal',
      sequence: 5,
      label: { zh: '第5次产前检查', en: '5th antenatal check' },
      window: { basis: 'gestation', from: ga(37), to: ga(40, 6) },
      confirmed: true,
      source: `${BPH}: 孕37–40周`,
    },
    NATIONAL_HOME_VISIT_CONTACT,
    NATIONAL_DAY42_CONTACT,
  ],
};

const CMA = '中华医学会妇产科学分会《孕前和孕期保健指南》(2018) [R]';

function clinicalContacts(): MaternalContactDefinition[] {
  const windows: Array<[GestationalAge, GestationalAge]> = [
    [ga(6), ga(13, 6)],
    [ga(14), ga(19, 6)],
    [ga(20), ga(24, 6)],
    [ga(25), ga(28, 6)],
    [ga(29), ga(32, 6)],
    [ga(33), ga(36, 6)],
    [ga(37), ga(37, 6)],
    [ga(38), ga(38, 6)],
    [ga(39), ga(39, 6)],
    [ga(40), ga(40, 6)],
    [ga(41), ga(41, 6)],
  ];
  const antenatal = windows.map(([from, to], i): MaternalContactDefinition => ({
    id: `cma${i + 1}`,
    kind: 'antenatal',
    sequence: i + 1,
    label: {
      zh: `第${i + 1}次产前检查（${from.weeks}–${to.weeks}${to.days ? `+${to.days}` : ''}周）`,
      en: `Antenatal check ${i + 1} (${from.weeks}–${to.weeks}${to.days ? `+${to.days}` : ''} weeks)`,
    },
    window: { basis: 'gestation', from, to },
    confirmed: false,
    source: CMA,
  }));
  return [
    ...antenatal,
    { ...NATIONAL_HOME_VISIT_CONTACT, sequence: antenatal.length + 1 },
    { ...NATIONAL_DAY42_CONTACT, sequence: antenatal.length + 2 },
  ];
}

/**
 * The clinical schedule of 《孕前和孕期保健指南》(2018) [R]: 6–13+6, 14–19+6, 20–24, 25–28, 29–32, 33–36 weeks,
 * then weekly at 37–41 weeks; plus the national postpartum contacts. An alternative configuration.
 */
export const CMA_2018_CLINICAL_SCHEDULE: MaternalContactSchedule = {
  id: 'anc-clinical-cma-2018',
  version: '2018.1',
  region: 'CN',
  name: { zh: '孕前和孕期保健指南(2018)产前检查时间', en: 'CMA 2018 clinical antenatal schedule' },
  source: CMA,
  confirmed: false,
  status: 'to_confirm',
  contacts: clinicalContacts(),
};

/** The built-in contact schedules. */
export const MATERNAL_CONTACT_SCHEDULES: readonly MaternalContactSchedule[] = [
  NATIONAL_BASIC_PUBLIC_HEALTH_SCHEDULE,
  CMA_2018_CLINICAL_SCHEDULE,
];

/** The built-in schedule with this id (undefined for an unknown id). */
export function findContactSchedule(id: string): MaternalContactSchedule | undefined {
  return MATERNAL_CONTACT_SCHEDULES.find((s) => s.id === id);
}

/** The label of a contact of a schedule, looked up by its id in every built-in schedule when no schedule is given. */
export function contactLabel(contactId: string, scheduleId?: string): MaternalLabel | undefined {
  const sets = scheduleId ? [findContactSchedule(scheduleId)] : MATERNAL_CONTACT_SCHEDULES;
  for (const s of sets) {
    const c = s?.contacts.find((x) => x.id === contactId);
    if (c) return c.label;
  }
  return undefined;
}

/** A recorded contact: a date, optionally with its kind (a bare date, or no kind, matches any kind). */
export type MaternalVisitRecord = string | { date: string; kind?: MaternalContactKind };

/** Input of {@link maternalContactStatuses}. */
export interface MaternalScheduleInput {
  lmp?: string;
  /** EDD (possibly corrected); wins over the LMP when both are given. */
  edd?: string;
  /** Visits done so far. */
  visits: MaternalVisitRecord[];
  /** The date the status is computed for. */
  today: string;
  /** Delivery date, once delivered. */
  deliveryDate?: string;
  /** Discharge date from the delivery hospital, once known. */
  dischargeDate?: string;
}

/** zod schema of {@link MaternalScheduleInput}. */
export const maternalScheduleInputSchema = z
  .object({
    lmp: maternalIsoDateSchema.optional(),
    edd: maternalIsoDateSchema.optional(),
    visits: z.array(
      z.union([
        maternalIsoDateSchema,
        z.object({ date: maternalIsoDateSchema, kind: z.enum(['antenatal', 'home_visit', 'day42_check']).optional() }),
      ]),
    ),
    today: maternalIsoDateSchema,
    deliveryDate: maternalIsoDateSchema.optional(),
    dischargeDate: maternalIsoDateSchema.optional(),
  })
  .refine((v) => v.lmp !== undefined || v.edd !== undefined, { message: 'lmp or edd is required', path: ['lmp'] });

/**
 * Status of a contact: done (a visit fell in the window), due (the window is open today), upcoming (it opens
 * later), missed (it closed without a visit, or delivery came first), not_applicable (an antenatal window that
 * would open only after the delivery, e.g. the 37–40 week check after a preterm birth).
 */
export type MaternalContactStatusCode = 'done' | 'due' | 'upcoming' | 'missed' | 'not_applicable';

/** Labels of {@link MaternalContactStatusCode}. */
export const MATERNAL_CONTACT_STATUS_LABELS: Record<MaternalContactStatusCode, MaternalLabel> = {
  done: { zh: '已完成', en: 'done' },
  due: { zh: '应完成（窗口期内）', en: 'due' },
  upcoming: { zh: '未到期', en: 'upcoming' },
  missed: { zh: '已错过', en: 'missed' },
  not_applicable: { zh: '不适用', en: 'not applicable' },
};

/** Status of one contact. */
export interface MaternalContactStatus {
  id: string;
  kind: MaternalContactKind;
  sequence: number;
  label: MaternalLabel;
  status: MaternalContactStatusCode;
  /** First day of the window (YYYY-MM-DD). */
  windowStart: string;
  /** Last day of the window (YYYY-MM-DD), before any cut by the delivery. */
  windowEnd: string;
  /** Last day on which the contact can still be done: for antenatal contacts the earlier of windowEnd and delivery. */
  effectiveEnd: string;
  /** The visit that fulfilled it, if done. */
  visitDate: string | null;
  /** True when the window is estimated (postpartum windows before delivery, from the EDD; or discharge unknown). */
  estimated: boolean;
  confirmed: boolean;
}

/** Result of {@link maternalContactStatuses}. */
export interface MaternalScheduleStatus {
  schedule: { id: string; version: string };
  contacts: MaternalContactStatus[];
  /** Visits that fell in no window (e.g. an extra check at 26 weeks). */
  unmatchedVisits: string[];
  /** The first due contact, else the first upcoming one, else null. */
  next: MaternalContactStatus | null;
}

interface ParsedVisit {
  day: number;
  date: string;
  kind?: MaternalContactKind;
  used: boolean;
}

/**
 * The status of every contact of `schedule` for one woman on `today`. Each visit fulfils at most one contact (the
 * earliest open window of a matching kind that contains it). Fails with `invalid_date` (field names the input) or
 * `lmp_or_edd_required`.
 */
export function maternalContactStatuses(
  input: MaternalScheduleInput,
  schedule: MaternalContactSchedule = NATIONAL_BASIC_PUBLIC_HEALTH_SCHEDULE,
): MaternalResult<MaternalScheduleStatus> {
  const origin = datingOriginDay(input);
  if (!origin.ok) return origin;
  const today = parseDay(input.today);
  if (today === null) return maternalFailure('invalid_date', 'today');
  let delivery: number | null = null;
  if (input.deliveryDate !== undefined) {
    delivery = parseDay(input.deliveryDate);
    if (delivery === null) return maternalFailure('invalid_date', 'deliveryDate');
  }
  let discharge: number | null = null;
  if (input.dischargeDate !== undefined) {
    discharge = parseDay(input.dischargeDate);
    if (discharge === null) return maternalFailure('invalid_date', 'dischargeDate');
  }
  const visits: ParsedVisit[] = [];
  for (const [i, v] of input.visits.entries()) {
    const date = typeof v === 'string' ? v : v.date;
    const day = parseDay(date);
    if (day === null) return maternalFailure('invalid_date', `visits[${i}]`);
    const kind = typeof v === 'string' ? undefined : v.kind;
    visits.push({ day, date, used: false, ...(kind === undefined ? {} : { kind }) });
  }
  visits.sort((a, b) => a.day - b.day);

  const contacts = [...schedule.contacts].sort((a, b) => a.sequence - b.sequence);
  const out: MaternalContactStatus[] = [];
  for (const c of contacts) {
    let start: number;
    let end: number;
    let estimated = false;
    if (c.window.basis === 'gestation') {
      start = origin.value + gestationalAgeToDays(c.window.from);
      end = origin.value + gestationalAgeToDays(c.window.to);
    } else {
      let anchor: number;
      if (delivery === null) {
        anchor = origin.value + 280;
        estimated = true;
      } else if (c.window.basis === 'discharge' && discharge !== null && discharge >= delivery) {
        anchor = discharge;
      } else {
        anchor = delivery;
        estimated = c.window.basis === 'discharge';
      }
      start = anchor + c.window.fromDays;
      end = anchor + c.window.toDays;
    }
    const antenatal = c.kind === 'antenatal';
    const effectiveEnd = antenatal && delivery !== null ? Math.min(end, delivery) : end;
    const base = {
      id: c.id,
      kind: c.kind,
      sequence: c.sequence,
      label: c.label,
      windowStart: formatDay(start),
      windowEnd: formatDay(end),
      effectiveEnd: formatDay(effectiveEnd),
      estimated,
      confirmed: c.confirmed,
    };
    if (antenatal && delivery !== null && start > delivery) {
      out.push({ ...base, status: 'not_applicable', visitDate: null });
      continue;
    }
    if (!antenatal && delivery === null) {
      out.push({ ...base, status: 'upcoming', visitDate: null });
      continue;
    }
    const visit = visits.find(
      (v) => !v.used && (v.kind === undefined || v.kind === c.kind) && v.day >= start && v.day <= effectiveEnd,
    );
    if (visit) {
      visit.used = true;
      out.push({ ...base, status: 'done', visitDate: visit.date });
      continue;
    }
    const closed = today > effectiveEnd || (antenatal && delivery !== null && delivery <= today);
    const status: MaternalContactStatusCode = closed ? 'missed' : today >= start ? 'due' : 'upcoming';
    out.push({ ...base, status, visitDate: null });
  }
  const next = out.find((c) => c.status === 'due') ?? out.find((c) => c.status === 'upcoming') ?? null;
  return maternalOk({
    schedule: { id: schedule.id, version: schedule.version },
    contacts: out,
    unmatchedVisits: visits.filter((v) => !v.used).map((v) => v.date),
    next,
  });
}

/** Number of antenatal contacts done (visits that fell in an antenatal window). */
export function countAntenatalContactsDone(status: MaternalScheduleStatus): number {
  return status.contacts.filter((c) => c.kind === 'antenatal' && c.status === 'done').length;
}
