/**
 * Duties that follow a risk screening or assessment (国卫办妇幼发〔2017〕35号, REFERENCE §1.1–§1.2): report deadlines
 * by colour, referral of screen-positive women, which colours open 高危专案管理, and the management of each colour.
 * The deadlines are [R] and live in a versioned configuration.
 */
import type { MaternalLabel, MaternalParameter, MaternalRuleSetMeta } from './config';
import { maternalParameter } from './config';
import type { WallClock } from './dates';
import type { GestationalAge, PregnancyDating } from './gestational-age';
import { dateAtGestationalAge } from './gestational-age';
import { formatDay, formatWallClock, parseDay, parseWallClock } from './dates';
import type { MaternalResult } from './result';
import { maternalFailure, maternalOk } from './result';
import type { RiskColour, RiskGradeColour } from './risk-catalogue';

/** A report deadline for one colour. */
export interface RiskReportDeadlineRule {
  colour: RiskColour;
  amount: number;
  unit: 'hours' | 'days';
  confirmed: boolean;
  source: string;
}

/** Management of one colour. */
export interface RiskColourManagement {
  colour: RiskColour;
  /** Management summary (REFERENCE §1.2 [C]). */
  management: MaternalLabel;
  /** Who follows the woman locally (REFERENCE §1.2 local practice [L]). */
  followedBy: MaternalLabel;
  /** Minimum level of the antenatal care and delivery institution. */
  deliveryLevel: MaternalLabel;
}

/** The versioned duties configuration. */
export interface HighRiskDutiesConfig extends MaternalRuleSetMeta {
  reportDeadlines: RiskReportDeadlineRule[];
  /** Colours that open 高危专案管理 ("五个一"). */
  caseColours: RiskColour[];
  /** Screen-positive women are referred for assessment within this many days [R]. */
  screenPositiveReferralDays: MaternalParameter;
  /** The primary unit checks the outcome of an antenatal referral within this many days (基本公卫规范 [C]). */
  referralOutcomeCheckDays: MaternalParameter;
  management: RiskColourManagement[];
  /** Contacts at which the woman is re-assessed after delivery [R]. */
  postpartumReassessmentContacts: Array<'home_visit' | 'day42_check'>;
  /** Gestational ages between which the delivery hospital of a case is fixed (REFERENCE §1.2 local practice [L]). */
  deliveryHospitalWindow: { from: GestationalAge; to: GestationalAge; confirmed: boolean; source: string };
}

const DOC = '国卫办妇幼发〔2017〕35号 孕产妇妊娠风险评估与管理工作规范';

/** National 2017 duties (orange within 3 days, red within 24 h [R]; referral within 2 weeks [R]). */
export const NATIONAL_HIGH_RISK_DUTIES_2017: HighRiskDutiesConfig = {
  id: 'high-risk-duties-cn-2017',
  version: '2017.1',
  region: 'CN',
  name: { zh: '妊娠风险报告与专案管理要求（国家2017）', en: 'Risk reporting and case management (national, 2017)' },
  source: DOC,
  confirmed: false,
  status: 'to_confirm',
  reportDeadlines: [
    { colour: 'orange', amount: 3, unit: 'days', confirmed: false, source: `${DOC}: 橙色3日内报送 [R]` },
    { colour: 'red', amount: 24, unit: 'hours', confirmed: false, source: `${DOC}: 红色24小时内报送 [R]` },
  ],
  caseColours: ['orange', 'red', 'purple'],
  screenPositiveReferralDays: maternalParameter(14, 'days', false, `${DOC}: 筛查阳性2周内转诊评估 [R]`),
  referralOutcomeCheckDays: maternalParameter(
    14,
    'days',
    true,
    '国家基本公共卫生服务规范（第三版）孕产妇健康管理: 2周内随访转诊结果',
  ),
  management: [
    {
      colour: 'green',
      management: { zh: '按照孕产期保健工作规范进行常规保健', en: 'Routine care under the maternal care rules' },
      followedBy: { zh: '村医及乡镇卫生院', en: 'Village doctor and township health centre' },
      deliveryLevel: { zh: '助产机构', en: 'A midwifery institution' },
    },
    {
      colour: 'yellow',
      management: {
        zh: '在二级以上医疗机构接受孕产期保健和住院分娩；如有异常尽快转诊到三级医疗机构',
        en: 'Care and delivery at a level-2+ hospital; refer to level 3 promptly if abnormal',
      },
      followedBy: { zh: '乡镇卫生院协同上级医院', en: 'Township health centre with the higher-level hospital' },
      deliveryLevel: { zh: '二级以上医疗机构', en: 'Level-2 hospital or above' },
    },
    {
      colour: 'orange',
      management: {
        zh: '纳入高危专案管理，报送县级妇幼保健机构；会同上级危重孕产妇救治中心制订管理、诊疗和应急预案；在县级及以上救治中心保健，尽量三级医院分娩',
        en: 'High-risk case management, reported to the county MCH institute; plans with the higher critical-care centre; care at a county-or-higher centre; deliver at a level-3 hospital where possible',
      },
      followedBy: { zh: '县妇幼保健院专案管理', en: 'County MCH hospital case management' },
      deliveryLevel: { zh: '三级医院（尽可能）', en: 'Level-3 hospital where possible' },
    },
    {
      colour: 'red',
      management: {
        zh: '纳入高危专案管理；尽快到三级医院评估是否适宜继续妊娠；继续妊娠者在县级及以上救治中心保健、三级医院分娩',
        en: 'High-risk case management; assess at a level-3 hospital as soon as possible whether to continue; if continuing, care at a county-or-higher centre and delivery at a level-3 hospital',
      },
      followedBy: { zh: '县妇幼保健院专案管理', en: 'County MCH hospital case management' },
      deliveryLevel: { zh: '三级医院', en: 'Level-3 hospital' },
    },
    {
      colour: 'purple',
      management: {
        zh: '按照传染病防治要求管理，落实预防艾滋病、梅毒和乙肝母婴传播综合干预措施',
        en: 'Managed under the communicable-disease rules plus the PMTCT package',
      },
      followedBy: { zh: '县妇幼保健院专案管理', en: 'County MCH hospital case management' },
      deliveryLevel: { zh: '具备传染病诊治条件的助产机构', en: 'A midwifery institution able to manage the infection' },
    },
  ],
  postpartumReassessmentContacts: ['home_visit', 'day42_check'],
  deliveryHospitalWindow: {
    from: { weeks: 28, days: 0 },
    to: { weeks: 36, days: 6 },
    confirmed: false,
    source: '各地高危孕产妇专案管理要求: 孕28–36周确定分娩医院 [L]',
  },
};

/** True when the grade opens 高危专案管理: orange or red, or purple (alone or with any colour). */
export function opensHighRiskCase(
  colour: RiskColour,
  purple = false,
  config: HighRiskDutiesConfig = NATIONAL_HIGH_RISK_DUTIES_2017,
): boolean {
  return config.caseColours.includes(colour) || (purple && config.caseColours.includes('purple'));
}

/** A computed report deadline. */
export interface RiskReportDeadline {
  colour: RiskColour;
  amount: number;
  unit: 'hours' | 'days';
  /**
   * For day rules the last calendar day ('YYYY-MM-DD': the assessment date + N days). For hour rules the deadline
   * date-time ('YYYY-MM-DDTHH:mm' + the input's offset); a bare date is read as 00:00 (the earliest deadline).
   */
  dueAt: string;
  /** False when an hour rule was applied to a bare date. */
  assessedTimeKnown: boolean;
  confirmed: boolean;
  source: string;
}

/**
 * The deadline for sending the 妊娠风险评估分级报告单 to the county MCH institute: orange within 3 days, red within
 * 24 hours [R]; null for colours without a report rule (green, yellow, purple). `assessedAt` is 'YYYY-MM-DD' or a
 * date-time. Fails with `invalid_datetime`.
 */
export function reportDeadline(
  colour: RiskColour | RiskGradeColour,
  assessedAt: string,
  config: HighRiskDutiesConfig = NATIONAL_HIGH_RISK_DUTIES_2017,
): MaternalResult<RiskReportDeadline | null> {
  const at = parseWallClock(assessedAt);
  if (at === null) return maternalFailure('invalid_datetime', 'assessedAt');
  const rule = config.reportDeadlines.find((r) => r.colour === colour);
  if (!rule) return maternalOk(null);
  const dueAt =
    rule.unit === 'days'
      ? formatDay(Math.floor(at.minutes / 1440) + rule.amount)
      : formatWallClock({ ...at, minutes: at.minutes + rule.amount * 60 });
  return maternalOk({
    colour,
    amount: rule.amount,
    unit: rule.unit,
    dueAt,
    assessedTimeKnown: at.hasTime,
    confirmed: rule.confirmed,
    source: rule.source,
  });
}

function offsetMinutes(w: WallClock): number | null {
  if (w.suffix === '') return null;
  if (w.suffix === 'Z') return 0;
  const sign = w.suffix.startsWith('-') ? -1 : 1;
  const [h, m] = w.suffix.slice(1).split(':').map(Number);
  return sign * ((h ?? 0) * 60 + (m ?? 0));
}

/**
 * True when `now` (date or date-time) is past the deadline. Day deadlines are overdue from the next calendar day.
 * Hour deadlines compare instants when both carry an offset, else wall clocks (same zone assumed). Fails with
 * `invalid_datetime`.
 */
export function isReportOverdue(deadline: RiskReportDeadline, now: string): MaternalResult<boolean> {
  const n = parseWallClock(now);
  if (n === null) return maternalFailure('invalid_datetime', 'now');
  if (deadline.unit === 'days') {
    const due = parseDay(deadline.dueAt);
    if (due === null) return maternalFailure('invalid_date', 'dueAt');
    return maternalOk(Math.floor(n.minutes / 1440) > due);
  }
  const d = parseWallClock(deadline.dueAt);
  if (d === null) return maternalFailure('invalid_datetime', 'dueAt');
  const on = offsetMinutes(n);
  const od = offsetMinutes(d);
  if (on !== null && od !== null) return maternalOk(n.minutes - on > d.minutes - od);
  return maternalOk(n.minutes > d.minutes);
}

/**
 * Last day to refer a screen-positive woman for assessment at a level-2+ midwifery hospital: screening date + 14
 * days [R]. Fails with `invalid_date`.
 */
export function screenPositiveReferralDeadline(
  screenedOn: string,
  config: HighRiskDutiesConfig = NATIONAL_HIGH_RISK_DUTIES_2017,
): MaternalResult<string> {
  const d = parseDay(screenedOn);
  if (d === null) return maternalFailure('invalid_date', 'screenedOn');
  return maternalOk(formatDay(d + config.screenPositiveReferralDays.value));
}

/** Last day for the primary unit to check the outcome of an antenatal referral: referral date + 14 days [C]. */
export function referralOutcomeCheckDeadline(
  referredOn: string,
  config: HighRiskDutiesConfig = NATIONAL_HIGH_RISK_DUTIES_2017,
): MaternalResult<string> {
  const d = parseDay(referredOn);
  if (d === null) return maternalFailure('invalid_date', 'referredOn');
  return maternalOk(formatDay(d + config.referralOutcomeCheckDays.value));
}

/** The management summary of a colour. */
export function riskColourManagement(
  colour: RiskColour,
  config: HighRiskDutiesConfig = NATIONAL_HIGH_RISK_DUTIES_2017,
): RiskColourManagement | undefined {
  return config.management.find((m) => m.colour === colour);
}

/** State of the duty to fix a case's delivery hospital. */
export type DeliveryHospitalDutyStatus = 'done' | 'not_yet' | 'due' | 'overdue';

/** The delivery-hospital duty of a high-risk case on a date. */
export interface DeliveryHospitalDuty {
  status: DeliveryHospitalDutyStatus;
  /** First day of the window (28+0 by default). */
  windowStart: string;
  /** Last day of the window (36+6 by default): the hospital is to be fixed by then. */
  windowEnd: string;
  confirmed: boolean;
  source: string;
}

/**
 * Whether a high-risk woman's delivery hospital is due: `done` once chosen; otherwise `not_yet` before 28+0 weeks,
 * `due` from 28+0 to 36+6, `overdue` after (REFERENCE §1.2 [L], configurable). Fails with `invalid_date`.
 */
export function deliveryHospitalDuty(
  dating: PregnancyDating,
  today: string,
  chosen: boolean,
  config: HighRiskDutiesConfig = NATIONAL_HIGH_RISK_DUTIES_2017,
): MaternalResult<DeliveryHospitalDuty> {
  const w = config.deliveryHospitalWindow;
  const start = dateAtGestationalAge(dating, w.from);
  if (!start.ok) return start;
  const end = dateAtGestationalAge(dating, w.to);
  if (!end.ok) return end;
  const t = parseDay(today);
  if (t === null) return maternalFailure('invalid_date', 'today');
  const status: DeliveryHospitalDutyStatus = chosen
    ? 'done'
    : t > (parseDay(end.value) ?? t)
      ? 'overdue'
      : t >= (parseDay(start.value) ?? t)
        ? 'due'
        : 'not_yet';
  return maternalOk({
    status,
    windowStart: start.value,
    windowEnd: end.value,
    confirmed: w.confirmed,
    source: w.source,
  });
}
