/**
 * The stored rows of the child-health worklist (table child_work, migration 0022): every pending duty of one child,
 * with the days it is on the list and the instant it becomes overdue, computed from the child's records with the
 * same functions the child's page uses (core's check-up schedule through {@link childSchedule}, its Hb services,
 * core's PMTCT infant plan through {@link exposureDuties}). Pure: the services call it at every write, the bench
 * generator for the rows it bulk-loads, and the worklist only reads the rows with index range scans.
 *
 * A check-up contact is on the list from its window's start until the next contact's window starts (the page's
 * "current" contact), due inside its window and overdue after it, unless a later visit was made; while the
 * appointment set at the last check-up is within the horizon it replaces the schedule. An Hb test (6–8, 18, 30
 * months, 4–6 years) is listed once the child was seen in its window without an Hb, or once its window closed
 * without one, until the next Hb window opens.
 */
import type { ChildWorkTable, Insertable } from '@fuyou/db';
import type { ChildProfileRow, PersonRow } from './child.common';
import { CHILD_SCHEDULE, childSchedule } from './child.rules';
import { exposureDuties, type ExposureRow } from './exposure.service';

/** A row of child_work. */
export type ChildWorkRow = Insertable<ChildWorkTable>;

/** The records of one child the rows are computed from (row-shaped: the services' rows or the generator's). */
export interface ChildWorkInput {
  person: Pick<PersonRow, 'county_code' | 'id' | 'birth_date' | 'birth_time' | 'deceased_on' | 'residence_region_code'>;
  profile: Pick<
    ChildProfileRow,
    | 'status'
    | 'managing_institution_id'
    | 'gestational_weeks'
    | 'gestational_days'
    | 'birth_weight_g'
    | 'multiple_birth'
    | 'birth_defects'
    | 'discharged_on'
  >;
  checkups: readonly {
    visit_date: string;
    contact_key: string | null;
    kind: string;
    hb_gl: number | null;
    next_appointment: string | null;
    created_at: Date | string;
  }[];
  cases: readonly {
    id: string;
    kind: string;
    status: string;
    next_follow_up_due: string | null;
    proposed_on: string;
  }[];
  referrals: readonly { id: string; status: string; referred_on: string; reason: string }[];
  newbornScreenings: readonly {
    id: string;
    kind: string;
    closed: boolean;
    next_step: string | null;
    next_due: string | null;
  }[];
  childScreenings: readonly {
    id: string;
    kind: string;
    follow_up: string | null;
    follow_up_due: string | null;
    follow_up_done_on: string | null;
  }[];
  exposure: ExposureRow | null;
  /** The day of the write: duties whose days on the list ended before it are left out. */
  today: string;
}

const CASE_ZH: Record<string, [string, string]> = {
  anaemia: ['贫血', 'anaemia'],
  undernutrition: ['营养不良', 'undernutrition'],
  overweight_obesity: ['超重/肥胖', 'overweight/obesity'],
  rickets: ['佝偻病', 'rickets'],
  high_risk_infant: ['高危儿', 'high-risk infant'],
  preterm: ['早产儿', 'preterm'],
};
const SCREEN_ZH: Record<string, [string, string]> = {
  metabolic: ['遗传代谢病筛查', 'metabolic screening'],
  hearing: ['听力筛查', 'hearing screening'],
  heart: ['先心病筛查', 'CHD screening'],
  red_reflex: ['红光反射筛查', 'red-reflex screening'],
  ddh: ['髋关节发育筛查', 'hip (DDH) screening'],
  autism: ['孤独症筛查', 'autism screening'],
  development: ['发育筛查', 'developmental screening'],
};
const HB_SERVICES = CHILD_SCHEDULE.services.filter((s) => s.kind === 'hb');

const DAY_MS = 86_400_000;
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
/** The wall-clock instant a duty ending on `date` is overdue: the next day at 00:00. */
const overdueAfterDay = (date: string) => `${addDays(date, 1)} 00:00`;
/** The wall-clock instant a duty due by `dueBy` ('YYYY-MM-DDTHH:MM') is overdue: one minute later. */
const overdueAfterMinute = (dueBy: string) =>
  new Date(Date.parse(`${dueBy.slice(0, 16)}:00Z`) + 60_000).toISOString().slice(0, 16).replace('T', ' ');
const time = (v: Date | string) => (v instanceof Date ? v.getTime() : Date.parse(v));

/** Every pending duty of the child as child_work rows; none for a closed record or a child who died. */
export function childWorkRows(a: ChildWorkInput): ChildWorkRow[] {
  const { person, profile } = a;
  if (profile.status !== 'active' || person.deceased_on) return [];
  const out: ChildWorkRow[] = [];
  const base = {
    county_code: person.county_code,
    person_id: person.id,
    institution_id: profile.managing_institution_id,
    township: person.residence_region_code ? person.residence_region_code.slice(0, 9) : null,
  };
  const push = (r: Omit<ChildWorkRow, 'county_code' | 'person_id' | 'institution_id' | 'township'>) => {
    if (r.list_until && r.list_until < a.today) return;
    out.push({ ...base, ...r });
  };

  // ------------------------------------------------------------ check-ups: the appointment, else the schedule
  const latest = [...a.checkups].sort(
    (x, y) => y.visit_date.localeCompare(x.visit_date) || time(y.created_at) - time(x.created_at),
  )[0];
  const appointment = latest?.next_appointment ?? null;
  if (appointment)
    push({
      kind: 'checkup_due',
      item: 'appointment',
      ref_id: null,
      list_from: appointment,
      list_until: null,
      due_on: appointment,
      overdue_at: overdueAfterDay(appointment),
      appointment_on: null,
      what_zh: '预约健康检查',
      what_en: 'Check-up appointment',
    });
  const schedule =
    childSchedule({
      person: person as PersonRow,
      profile: profile as ChildProfileRow,
      visits: a.checkups,
      today: a.today,
    }) ?? [];
  const lastVisit = a.checkups.reduce((m, v) => (v.visit_date > m ? v.visit_date : m), '');
  schedule.forEach((c, i) => {
    if (c.doneOn || !c.windowStart || !c.windowEnd) return;
    // the page's current contact is the last one (in the plan's order) whose window has opened
    const nextStart = schedule
      .slice(i + 1)
      .map((x) => x.windowStart)
      .filter((x): x is string => !!x)
      .sort()[0];
    let until = nextStart ? addDays(nextStart, -1) : null;
    if (until !== null && until < c.windowStart) return;
    // missed, but the child came after the window: not overdue
    if (lastVisit && lastVisit >= c.windowEnd && (until === null || until > c.windowEnd)) until = c.windowEnd;
    push({
      kind: 'checkup_due',
      item: c.key,
      ref_id: null,
      list_from: c.windowStart,
      list_until: until,
      due_on: c.windowEnd,
      overdue_at: overdueAfterDay(c.windowEnd),
      appointment_on: appointment,
      what_zh: `健康检查：${c.zh}`,
      what_en: `Check-up: ${c.en}`,
    });
  });

  // ------------------------------------------------------------ Hb at 6–8, 18, 30 months and preschool (core's services)
  const windows = HB_SERVICES.map((s) => {
    const contacts = schedule.filter((c) => s.contactKeys.includes(c.key) && c.windowStart && c.windowEnd);
    if (!contacts.length) return null;
    return {
      service: s,
      from: contacts.map((c) => c.windowStart!).sort()[0]!,
      to: contacts
        .map((c) => c.windowEnd!)
        .sort()
        .at(-1)!,
    };
  });
  windows.forEach((w, i) => {
    if (!w) return;
    const inGroup = (v: ChildWorkInput['checkups'][number]) =>
      (!!v.contact_key && w.service.contactKeys.includes(v.contact_key)) ||
      (v.visit_date >= w.from && v.visit_date <= w.to);
    const visits = a.checkups.filter(inGroup);
    if (visits.some((v) => v.hb_gl !== null && v.hb_gl !== undefined)) return;
    const seen = visits.map((v) => v.visit_date).sort()[0];
    const listFrom = seen ?? addDays(w.to, 1);
    const next = windows.slice(i + 1).find((x) => x !== null);
    const until = next ? addDays(next.from, -1) : null;
    if (until !== null && until < listFrom) return;
    push({
      kind: 'hb_due',
      item: w.service.code,
      ref_id: null,
      list_from: listFrom,
      list_until: until,
      due_on: w.to,
      overdue_at: overdueAfterDay(w.to),
      appointment_on: null,
      what_zh: w.service.label.zh,
      what_en: w.service.label.en,
    });
  });

  // ------------------------------------------------------------ cases and referrals
  for (const c of a.cases) {
    const [zh, en] = CASE_ZH[c.kind] ?? [c.kind, c.kind];
    if (c.status === 'proposed')
      push({
        kind: 'case_proposed',
        item: c.id,
        ref_id: c.id,
        list_from: c.proposed_on,
        list_until: null,
        due_on: c.proposed_on,
        overdue_at: null,
        appointment_on: null,
        what_zh: `待确认专案：${zh}`,
        what_en: `Case to confirm: ${en}`,
      });
    else if (c.status === 'open' && c.next_follow_up_due)
      push({
        kind: 'case_followup',
        item: c.id,
        ref_id: c.id,
        list_from: c.next_follow_up_due,
        list_until: null,
        due_on: c.next_follow_up_due,
        overdue_at: overdueAfterDay(c.next_follow_up_due),
        appointment_on: null,
        what_zh: `专案随访：${zh}`,
        what_en: `Case follow-up: ${en}`,
      });
  }
  for (const r of a.referrals)
    if (r.status === 'sent')
      push({
        kind: 'referral_receipt',
        item: r.id,
        ref_id: r.id,
        list_from: r.referred_on,
        list_until: null,
        due_on: addDays(r.referred_on, 14),
        overdue_at: overdueAfterDay(addDays(r.referred_on, 14)),
        appointment_on: null,
        what_zh: `转诊待回执：${r.reason}`,
        what_en: `Referral awaiting receipt: ${r.reason}`,
      });

  // ------------------------------------------------------------ screening steps
  for (const s of a.newbornScreenings) {
    if (s.closed || !s.next_due) continue;
    const [zh, en] = SCREEN_ZH[s.kind] ?? [s.kind, s.kind];
    push({
      kind: 'screening_step',
      item: s.id,
      ref_id: s.id,
      list_from: s.next_due,
      list_until: null,
      due_on: s.next_due,
      overdue_at: overdueAfterDay(s.next_due),
      appointment_on: null,
      what_zh: `${zh}：${s.next_step ?? ''}`,
      what_en: `${en}: ${s.next_step ?? ''}`,
    });
  }
  for (const s of a.childScreenings) {
    if (!s.follow_up_due || s.follow_up_done_on) continue;
    const [zh, en] = SCREEN_ZH[s.kind] ?? [s.kind, s.kind];
    push({
      kind: 'screening_step',
      item: s.id,
      ref_id: s.id,
      list_from: s.follow_up_due,
      list_until: null,
      due_on: s.follow_up_due,
      overdue_at: overdueAfterDay(s.follow_up_due),
      appointment_on: null,
      what_zh: `${zh}随访：${s.follow_up ?? ''}`,
      what_en: `${en} follow-up: ${s.follow_up ?? ''}`,
    });
  }

  // ------------------------------------------------------------ exposed-infant duties (listed to pmtct users only)
  if (a.exposure && !a.exposure.closed && person.birth_date) {
    let duties: ReturnType<typeof exposureDuties>['duties'] = [];
    try {
      duties = exposureDuties(person as PersonRow, a.exposure).duties;
    } catch {
      duties = []; // an invalid birth date: the page says so, nothing can be scheduled
    }
    for (const { duty: d, record } of duties) {
      if (record) continue;
      // as the page's states: an hour deadline first, then a due date with its window
      const overdueAt = d.dueBy
        ? overdueAfterMinute(d.dueBy)
        : d.dueDate
          ? overdueAfterDay(d.windowEnd ?? d.dueDate)
          : null;
      push({
        kind: 'exposure_duty',
        item: d.code,
        ref_id: null,
        list_from: !d.dueBy && d.dueDate ? d.dueDate : person.birth_date,
        list_until: null,
        due_on: d.dueDate ?? d.dueBy?.slice(0, 10) ?? null,
        overdue_at: overdueAt,
        appointment_on: null,
        what_zh: d.zh,
        what_en: d.en,
      });
    }
  }
  return out;
}
