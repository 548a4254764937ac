/**
 * Prevention of mother-to-child transmission of HIV, syphilis and hepatitis B (预防艾滋病、梅毒和乙肝母婴传播工作规范
 * 2020; REFERENCE §8): which positive results open which maternal treatment and infant duties, and the due dates of
 * the exposed infant's prophylaxis, vaccination, tests and follow-up, as versioned configuration. Only the HBIG +
 * HepB1 within 12 h duty (and the later HepB doses) is [C]; everything else is [R] and flagged to confirm.
 */
import { z } from 'zod';
import type { MaternalLabel, MaternalRuleSetMeta } from './config';
import { addMonthsToDay, formatDay, formatWallClock, parseWallClock } from './dates';
import type { MaternalResult } from './result';
import { maternalFailure, maternalOk } from './result';

/** The three infections of PMTCT (glossary `pmtct`). */
export type PmtctInfection = 'hiv' | 'syphilis' | 'hbv';

/** Who a duty is for. */
export type PmtctSubject = 'mother' | 'infant';

/** What kind of duty. */
export type PmtctDutyCategory = 'treatment' | 'prophylaxis' | 'vaccination' | 'feeding' | 'test' | 'follow_up';

/** When a duty falls due, counted from birth (absent: as soon as the result is known, no fixed deadline). */
export type PmtctTiming =
  { withinHoursOfBirth: number } | { atWeeks: number } | { atMonths: number; untilMonths?: number };

/** HIV exposure level of the infant (decides the prophylaxis regimen and the 48-hour test). */
export type HivExposureLevel = 'standard' | 'high';

/** One PMTCT duty. */
export interface PmtctDuty {
  code: string;
  infection: PmtctInfection;
  subject: PmtctSubject;
  category: PmtctDutyCategory;
  zh: string;
  en: string;
  timing?: PmtctTiming;
  /** Applies only at this HIV exposure level. */
  exposure?: HivExposureLevel;
  confirmed: boolean;
  source: string;
}

/** A versioned PMTCT configuration. */
export interface PmtctConfig extends MaternalRuleSetMeta {
  duties: PmtctDuty[];
  /** Maternal HBV antiviral prophylaxis: HBV DNA threshold (IU/mL), HBeAg, and the gestational weeks to start. */
  hbvAntiviral: {
    hbvDnaIuPerMl: number;
    hbeagPositive: boolean;
    startFromWeeks: number;
    startToWeeks: number;
    confirmed: boolean;
    source: string;
  };
}

const SRC = '预防艾滋病、梅毒和乙肝母婴传播工作规范（2020年版）';
const R = `${SRC} [R]`;

type DutySpec = [
  code: string,
  subject: PmtctSubject,
  category: PmtctDutyCategory,
  zh: string,
  en: string,
  timing: PmtctTiming | undefined,
  confirmed: boolean,
  exposure?: HivExposureLevel,
];

function duties(infection: PmtctInfection, specs: DutySpec[]): PmtctDuty[] {
  return specs.map(([code, subject, category, zh, en, timing, confirmed, exposure]) => ({
    code,
    infection,
    subject,
    category,
    zh,
    en,
    ...(timing ? { timing } : {}),
    ...(exposure ? { exposure } : {}),
    confirmed,
    source: confirmed ? SRC : R,
  }));
}

const months = (m: number): PmtctTiming => ({ atMonths: m });

/** The national 2020 PMTCT configuration (REFERENCE §8). */
export const NATIONAL_PMTCT_2020: PmtctConfig = {
  id: 'pmtct-cn-2020',
  version: '2020.1',
  region: 'CN',
  name: { zh: '预防艾滋病、梅毒和乙肝母婴传播（2020年版）', en: 'PMTCT of HIV, syphilis and hepatitis B (2020)' },
  source: SRC,
  confirmed: false,
  status: 'to_confirm',
  duties: [
    ...duties('hiv', [
      [
        'hiv.mother_art',
        'mother',
        'treatment',
        '确诊后尽早开始终身抗病毒治疗（不论CD4水平，首选含TDF的三联方案）',
        'Lifelong antiretroviral therapy as soon as diagnosed, whatever the CD4 (TDF-based triple therapy preferred)',
        undefined,
        false,
      ],
      [
        'hiv.replacement_feeding',
        'mother',
        'feeding',
        '提倡人工喂养，避免母乳与人工混合喂养',
        'Replacement feeding; avoid mixed feeding',
        undefined,
        false,
      ],
      [
        'hiv.infant_arv_standard',
        'infant',
        'prophylaxis',
        '出生后6小时内尽早开始预防用药（普通暴露：NVP或AZT，至生后4周）',
        'Prophylaxis started within 6 h of birth (standard exposure: NVP or AZT to 4 weeks)',
        { withinHoursOfBirth: 6 },
        false,
        'standard',
      ],
      [
        'hiv.infant_arv_high',
        'infant',
        'prophylaxis',
        '出生后6小时内尽早开始预防用药（高暴露：AZT+3TC+NVP，至生后6周）',
        'Prophylaxis started within 6 h of birth (high exposure: AZT+3TC+NVP to 6 weeks)',
        { withinHoursOfBirth: 6 },
        false,
        'high',
      ],
      [
        'hiv.infant_nat_48h',
        'infant',
        'test',
        '高暴露儿童出生后48小时内核酸检测',
        'Nucleic-acid test within 48 h of birth (high exposure)',
        { withinHoursOfBirth: 48 },
        false,
        'high',
      ],
      [
        'hiv.infant_nat_6w',
        'infant',
        'test',
        '出生后6周核酸检测',
        'Nucleic-acid test at 6 weeks',
        { atWeeks: 6 },
        false,
      ],
      ['hiv.infant_nat_3m', 'infant', 'test', '出生后3个月核酸检测', 'Nucleic-acid test at 3 months', months(3), false],
      [
        'hiv.infant_antibody_12m',
        'infant',
        'test',
        '12月龄HIV抗体检测',
        'HIV antibody test at 12 months',
        months(12),
        false,
      ],
      [
        'hiv.infant_antibody_18m',
        'infant',
        'test',
        '18月龄HIV抗体检测（阴性可排除感染）',
        'HIV antibody test at 18 months (negative excludes infection)',
        months(18),
        false,
      ],
      ...[1, 3, 6, 9, 12, 18].map((m): DutySpec => [
        `hiv.infant_follow_up_${m}m`,
        'infant',
        'follow_up',
        `HIV暴露儿童${m}月龄随访`,
        `HIV-exposed infant follow-up at ${m} month${m === 1 ? '' : 's'}`,
        months(m),
        false,
      ]),
    ]),
    ...duties('syphilis', [
      [
        'syphilis.mother_treatment',
        'mother',
        'treatment',
        '苄星青霉素240万单位，每周1次，连续3次为1个疗程；诊断后即行1个疗程，孕晚期（≥28周）再行1个疗程，两疗程间隔≥4周',
        'Benzathine penicillin 2.4 MU weekly ×3 = 1 course; one course at diagnosis and a second at ≥28 weeks, ≥4 weeks apart',
        undefined,
        false,
      ],
      [
        'syphilis.infant_birth_titre',
        'infant',
        'test',
        '出生时非梅毒螺旋体抗原血清学试验定量检测，与母亲比较',
        'Non-treponemal titre at birth, compared with the mother’s',
        { withinHoursOfBirth: 0 },
        false,
      ],
      [
        'syphilis.infant_prophylaxis',
        'infant',
        'prophylaxis',
        '出生后预防性治疗：苄星青霉素5万单位/kg，单次肌内注射',
        'Preventive treatment after birth: benzathine penicillin 50,000 U/kg, one IM dose',
        undefined,
        false,
      ],
      ...[3, 6, 9, 12, 15, 18].map((m): DutySpec => [
        `syphilis.infant_nontreponemal_${m}m`,
        'infant',
        'test',
        `${m}月龄非梅毒螺旋体抗原血清学试验（直至阴性）`,
        `Non-treponemal test at ${m} months (until negative)`,
        months(m),
        false,
      ]),
      [
        'syphilis.infant_treponemal_18m',
        'infant',
        'test',
        '18月龄梅毒螺旋体抗原血清学试验',
        'Treponemal test at 18 months',
        months(18),
        false,
      ],
    ]),
    ...duties('hbv', [
      [
        'hbv.infant_hbig',
        'infant',
        'prophylaxis',
        '出生后12小时内（越早越好）注射乙肝免疫球蛋白100IU',
        'Hepatitis B immunoglobulin 100 IU within 12 h of birth (the sooner the better)',
        { withinHoursOfBirth: 12 },
        true,
      ],
      [
        'hbv.infant_hepb1',
        'infant',
        'vaccination',
        '出生后12小时内（越早越好）接种第1剂乙肝疫苗',
        'Hepatitis B vaccine dose 1 within 12 h of birth (the sooner the better)',
        { withinHoursOfBirth: 12 },
        true,
      ],
      [
        'hbv.infant_hepb2',
        'infant',
        'vaccination',
        '1月龄接种第2剂乙肝疫苗',
        'HepB dose 2 at 1 month',
        months(1),
        true,
      ],
      [
        'hbv.infant_hepb3',
        'infant',
        'vaccination',
        '6月龄接种第3剂乙肝疫苗',
        'HepB dose 3 at 6 months',
        months(6),
        true,
      ],
      [
        'hbv.infant_serology',
        'infant',
        'test',
        '7–12月龄检测乙肝表面抗原和表面抗体',
        'HBsAg and anti-HBs test at 7–12 months',
        { atMonths: 7, untilMonths: 12 },
        false,
      ],
      ['hbv.breastfeeding', 'mother', 'feeding', '可以母乳喂养', 'Breastfeeding is allowed', undefined, false],
    ]),
  ],
  hbvAntiviral: {
    hbvDnaIuPerMl: 2e5,
    hbeagPositive: true,
    startFromWeeks: 28,
    startToWeeks: 32,
    confirmed: false,
    source: `${R}; 中华医学会《乙型肝炎病毒母婴传播预防临床指南》(2020)`,
  },
};

/** Infection results that decide PMTCT duties. */
export interface PmtctResults {
  hivPositive?: boolean;
  syphilisPositive?: boolean;
  hbsagPositive?: boolean;
  /** HIV exposure level of the infant (default 'standard'). */
  hivExposure?: HivExposureLevel;
}

/** Labels of the infections. */
export const PMTCT_INFECTION_LABELS: Record<PmtctInfection, MaternalLabel> = {
  hiv: { zh: '艾滋病（HIV感染）', en: 'HIV' },
  syphilis: { zh: '梅毒', en: 'syphilis' },
  hbv: { zh: '乙肝（HBsAg阳性）', en: 'hepatitis B (HBsAg positive)' },
};

function infectionsOf(results: PmtctResults): PmtctInfection[] {
  const out: PmtctInfection[] = [];
  if (results.hivPositive) out.push('hiv');
  if (results.syphilisPositive) out.push('syphilis');
  if (results.hbsagPositive) out.push('hbv');
  return out;
}

function appliesTo(duty: PmtctDuty, results: PmtctResults): boolean {
  if (duty.exposure === undefined) return true;
  return duty.exposure === (results.hivExposure ?? 'standard');
}

/** The duties opened by the positive results: maternal and infant duties, in configuration order. */
export function pmtctDutiesFor(
  results: PmtctResults,
  config: PmtctConfig = NATIONAL_PMTCT_2020,
): { infections: PmtctInfection[]; maternal: PmtctDuty[]; infant: PmtctDuty[] } {
  const infections = infectionsOf(results);
  const open = config.duties.filter((d) => infections.includes(d.infection) && appliesTo(d, results));
  return {
    infections,
    maternal: open.filter((d) => d.subject === 'mother'),
    infant: open.filter((d) => d.subject === 'infant'),
  };
}

/** Input of {@link pmtctInfantPlan}. */
export interface PmtctInfantPlanInput extends PmtctResults {
  /** Birth date-time 'YYYY-MM-DDTHH:mm' (optionally with an offset), or a bare date when the time is unknown. */
  birthAt: string;
}

/** zod schema of {@link PmtctInfantPlanInput}. */
export const pmtctInfantPlanInputSchema = z.object({
  birthAt: z.string().refine((s) => parseWallClock(s) !== null, { message: 'not a valid date or date-time' }),
  hivPositive: z.boolean().optional(),
  syphilisPositive: z.boolean().optional(),
  hbsagPositive: z.boolean().optional(),
  hivExposure: z.enum(['standard', 'high']).optional(),
});

/** One scheduled infant duty with its computed due date or deadline. */
export interface PmtctScheduledDuty {
  code: string;
  infection: PmtctInfection;
  category: PmtctDutyCategory;
  zh: string;
  en: string;
  /** Deadline date-time for duties within N hours of birth ('YYYY-MM-DDTHH:mm' + the input's offset). */
  dueBy: string | null;
  /** Due date for duties at an age ('YYYY-MM-DD'). */
  dueDate: string | null;
  /** Last day of an age window (e.g. 12 months for the HBV serology), else null. */
  windowEnd: string | null;
  confirmed: boolean;
  source: string;
}

/** Result of {@link pmtctInfantPlan}. */
export interface PmtctInfantPlan {
  infections: PmtctInfection[];
  /** False when birthAt had no time: hour deadlines are then counted from 00:00 of the birth date (the earliest). */
  birthTimeKnown: boolean;
  duties: PmtctScheduledDuty[];
  config: { id: string; version: string };
}

/**
 * The exposed infant's duties with their deadlines and due dates from the birth date-time: HBIG + HepB1 by birth
 * + 12 h; ARV by birth + 6 h; tests at 6 weeks (42 days) and at calendar-month ages (the same day of the month,
 * clamped to month end). Fails with `invalid_datetime`.
 */
export function pmtctInfantPlan(
  input: PmtctInfantPlanInput,
  config: PmtctConfig = NATIONAL_PMTCT_2020,
): MaternalResult<PmtctInfantPlan> {
  const birth = parseWallClock(input.birthAt);
  if (birth === null) return maternalFailure('invalid_datetime', 'birthAt');
  const birthDay = Math.floor(birth.minutes / 1440);
  const { infections, infant } = pmtctDutiesFor(input, config);
  const scheduled = infant.map((d): PmtctScheduledDuty => {
    let dueBy: string | null = null;
    let dueDate: string | null = null;
    let windowEnd: string | null = null;
    const t = d.timing;
    if (t !== undefined && 'withinHoursOfBirth' in t) {
      dueBy = formatWallClock({ ...birth, minutes: birth.minutes + t.withinHoursOfBirth * 60 });
    } else if (t !== undefined && 'atWeeks' in t) {
      dueDate = formatDay(birthDay + t.atWeeks * 7);
    } else if (t !== undefined) {
      dueDate = formatDay(addMonthsToDay(birthDay, t.atMonths));
      if (t.untilMonths !== undefined) windowEnd = formatDay(addMonthsToDay(birthDay, t.untilMonths));
    }
    return {
      code: d.code,
      infection: d.infection,
      category: d.category,
      zh: d.zh,
      en: d.en,
      dueBy,
      dueDate,
      windowEnd,
      confirmed: d.confirmed,
      source: d.source,
    };
  });
  return maternalOk({
    infections,
    birthTimeKnown: birth.hasTime,
    duties: scheduled,
    config: { id: config.id, version: config.version },
  });
}

/**
 * True when an HBsAg-positive mother should take antiviral prophylaxis (tenofovir from 28–32 weeks): HBV DNA at or
 * above the threshold (2×10⁵ IU/mL) or HBeAg positive [R].
 */
export function maternalHbvAntiviralIndicated(
  input: { hbvDnaIuPerMl?: number; hbeagPositive?: boolean },
  config: PmtctConfig = NATIONAL_PMTCT_2020,
): boolean {
  const dna = input.hbvDnaIuPerMl;
  if (dna !== undefined && Number.isFinite(dna) && dna >= config.hbvAntiviral.hbvDnaIuPerMl) return true;
  return config.hbvAntiviral.hbeagPositive && input.hbeagPositive === true;
}
