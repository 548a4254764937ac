import { randomUUID } from 'node:crypto';
import {
  computeBmi,
  correctEddByUltrasound,
  eddFromLmp,
  getScreeningCatalogue,
  isEarlyRegistration,
  lmpFromEdd,
  maternalAgeInFullYears,
  MINOR_AGE_YEARS,
  monthsBetweenDates,
  screenPositiveReferralDeadline,
  screenPregnancyRisk,
  type EddCorrection,
} from '@fuyou/core';
import { withScope, type Database, type Transaction } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { ModuleDeps } from '../module-deps';
import { createAlertService } from './alert.service';
import {
  addDays,
  checkInstitution,
  daysBetween,
  gaDaysAt,
  gaOf,
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
import type { PregnancyCreateInput, PregnancyEndInput, PregnancyUpdateInput } from './maternal.schemas';
import { refreshSchedule, saveContactIds } from './schedule';
import { createScheduleChoiceService } from './schedule-choice.service';

/** A pregnancy as the API returns it (gestational age always computed). */
export interface PregnancyDto {
  id: string;
  personId: string;
  countyCode: string;
  womanName: string;
  status: string;
  registeredOn: string;
  registeringInstitutionId: string | null;
  registeringInstitutionName: string | null;
  managingInstitutionId: string | null;
  managingInstitutionName: string | null;
  handbookNo: string | null;
  lmp: string | null;
  edd: string;
  eddMethod: string;
  eddCorrection: unknown;
  /** Gestational age today ('12+6'), while antenatal. */
  gestationalAge: string | null;
  gestationalAgeDays: number | null;
  gaAtRegistration: string;
  earlyRegistration: boolean;
  ageAtLmp: number | null;
  minorAtLmp: boolean;
  nonResident: boolean;
  gravidity: number;
  parity: number;
  previousCaesareans: number;
  spontaneousAbortions: number;
  inducedAbortions: number;
  pretermBirths: number;
  stillbirths: number;
  birthDefects: number;
  ectopicPregnancies: number;
  molarPregnancies: number;
  previousUterineSurgeries: number;
  lastUterineSurgeryOn: string | null;
  lastBirthOn: string | null;
  historyItems: string[];
  historyNote: string | null;
  heightCm: number | null;
  prePregnancyWeightKg: number | null;
  bmi: number | null;
  fetuses: number;
  screening: unknown;
  riskColour: string | null;
  riskPurple: boolean;
  riskAssessedOn: string | null;
  assessmentCount: number;
  nextContact: string | null;
  nextDueOn: string | null;
  nextDueEnd: string | null;
  /** A contact missed since she was in care and since her last visit. */
  missedContact: string | null;
  missedEnd: string | null;
  nextAppointment: string | null;
  /** The contact schedule she follows (the region's choice at registration, or changed on her record). */
  scheduleId: string;
  /** Screen-positive at a primary institution and not yet referred: refer for assessment by this date. */
  screenReferralDue: string | null;
  overdue: boolean;
  lastVisitOn: string | null;
  visitCount: number;
  deliveredOn: string | null;
  dischargedOn: string | null;
  endedOn: string | null;
  endReason: string | null;
  endNote: string | null;
  version: number;
  createdAt: string | null;
}

/** True when the pregnancy's next contact window closed, or her appointment passed, without a visit since. */
export function isOverdue(p: PregnancyRow, t = today()): boolean {
  if (p.status === 'closed') return false;
  const windowPassed = (!!p.next_due_end && p.next_due_end < t) || !!p.missed_end;
  const apptMissed =
    !!p.next_appointment && p.next_appointment < t && (!p.last_visit_on || p.last_visit_on < p.next_appointment);
  return windowPassed || apptMissed;
}

/** Maps a row to its DTO. */
export function toPregnancyDto(
  p: PregnancyRow,
  person: Pick<PersonRow, 'name'>,
  names: Map<string, string> = new Map(),
  t = today(),
): PregnancyDto {
  const height = num(p.height_cm);
  const weight = num(p.pre_pregnancy_weight_kg);
  const gaDays = p.status === 'antenatal' && t >= addDays(p.edd, -280) ? daysBetween(addDays(p.edd, -280), t) : null;
  return {
    id: p.id,
    personId: p.person_id,
    countyCode: p.county_code,
    womanName: person.name,
    status: p.status,
    registeredOn: p.registered_on,
    registeringInstitutionId: p.registering_institution_id,
    registeringInstitutionName: p.registering_institution_id ? (names.get(p.registering_institution_id) ?? null) : null,
    managingInstitutionId: p.managing_institution_id,
    managingInstitutionName: p.managing_institution_id ? (names.get(p.managing_institution_id) ?? null) : null,
    handbookNo: p.handbook_no,
    lmp: p.lmp,
    edd: p.edd,
    eddMethod: p.edd_method,
    eddCorrection: p.edd_correction,
    gestationalAge: gaText(gaDays),
    gestationalAgeDays: gaDays,
    gaAtRegistration: gaText(p.ga_at_registration_days) ?? '',
    earlyRegistration: p.early_registration,
    ageAtLmp: p.age_at_lmp,
    minorAtLmp: p.minor_at_lmp,
    nonResident: p.non_resident,
    gravidity: p.gravidity,
    parity: p.parity,
    previousCaesareans: p.previous_caesareans,
    spontaneousAbortions: p.spontaneous_abortions,
    inducedAbortions: p.induced_abortions,
    pretermBirths: p.preterm_births,
    stillbirths: p.stillbirths,
    birthDefects: p.birth_defects,
    ectopicPregnancies: p.ectopic_pregnancies,
    molarPregnancies: p.molar_pregnancies,
    previousUterineSurgeries: p.previous_uterine_surgeries,
    lastUterineSurgeryOn: p.last_uterine_surgery_on,
    lastBirthOn: p.last_birth_on,
    historyItems: p.history_items,
    historyNote: p.history_note,
    heightCm: height,
    prePregnancyWeightKg: weight,
    bmi: computeBmi(height ?? undefined, weight ?? undefined),
    fetuses: p.fetuses,
    screening: p.screening,
    riskColour: p.risk_colour,
    riskPurple: p.risk_purple,
    riskAssessedOn: p.risk_assessed_on,
    assessmentCount: p.assessment_count,
    nextContact: p.next_contact,
    nextDueOn: p.next_due_on,
    nextDueEnd: p.next_due_end,
    missedContact: p.missed_contact,
    missedEnd: p.missed_end,
    nextAppointment: p.next_appointment,
    scheduleId: p.schedule_id,
    screenReferralDue: p.screen_referral_due,
    overdue: isOverdue(p, t),
    lastVisitOn: p.last_visit_on,
    visitCount: p.visit_count,
    deliveredOn: p.delivered_on,
    dischargedOn: p.discharged_on,
    endedOn: p.ended_on,
    endReason: p.end_reason,
    endNote: p.end_note,
    version: p.version,
    createdAt: iso(p.created_at),
  };
}

/** Dating of a pregnancy: the EDD (Naegele from the LMP, or corrected by an early ultrasound, reason kept). */
function dating(input: {
  lmp?: string | undefined;
  ultrasound?: { scanDate: string; gaWeeks: number; gaDays: number; note?: string | undefined } | undefined;
}): { lmp: string | null; edd: string; method: 'lmp' | 'ultrasound'; correction: EddCorrection | null } {
  if (!input.lmp && !input.ultrasound)
    throw errors.field('lmp', '请填写末次月经，或填写孕早期超声结果推算预产期', 'Give the LMP or an early ultrasound');
  if (!input.ultrasound) {
    return { lmp: input.lmp ?? null, edd: unwrap(eddFromLmp(input.lmp ?? ''), 'lmp'), method: 'lmp', correction: null };
  }
  const u = input.ultrasound;
  if (input.lmp && u.scanDate < input.lmp)
    throw errors.field('ultrasound.scanDate', '超声检查日期不能早于末次月经', 'The scan is before the LMP');
  const c = unwrap(
    correctEddByUltrasound({
      ...(input.lmp ? { lmp: input.lmp } : {}),
      scanDate: u.scanDate,
      gaAtScan: { weeks: u.gaWeeks, days: u.gaDays },
      ...(u.note ? { note: u.note } : {}),
    }),
    'ultrasound',
  );
  return { lmp: input.lmp ?? null, edd: c.edd, method: c.corrected ? 'ultrasound' : 'lmp', correction: c };
}

/** Pregnancy registration (建册), the registration record, the woman's pregnancies, and ending a pregnancy. */
export function createPregnancyService(
  deps: ModuleDeps,
  hooks: {
    /** Runs a five-colour assessment in the registration's transaction (set by the module index). */
    assessAtRegistration?: (
      trx: Transaction<Database>,
      ctx: AuthContext,
      preg: PregnancyRow,
      person: PersonRow,
      input: NonNullable<PregnancyCreateInput['assessment']>,
    ) => Promise<unknown>;
    /** Closes every open duty of a pregnancy that ends (cases, referrals, follow-ups). */
    closeDutiesInTx?: (
      trx: Transaction<Database>,
      ctx: AuthContext,
      preg: PregnancyRow,
      on: string,
      reason: 'pregnancy_ended' | 'transferred' | 'death',
    ) => Promise<void>;
  } = {},
) {
  const { db, audit, people } = deps;
  const alerts = createAlertService(deps);
  const scheduleChoice = createScheduleChoiceService(deps);

  /**
   * The screen-positive referral duty (REFERENCE §1.1): a woman screen-positive at a primary institution is referred
   * for assessment at a level-2+ hospital within 2 weeks [R]; none when negative, registered at a hospital, or
   * already referred.
   */
  async function screenReferralDue(
    trx: Transaction<Database>,
    p: PregnancyRow,
    positive: boolean,
  ): Promise<string | null> {
    if (!positive || !(await isPrimaryInstitution(trx, p.registering_institution_id))) return null;
    const referred = await trx
      .selectFrom('maternal_referral')
      .select('id')
      .where('county_code', '=', p.county_code)
      .where('pregnancy_id', '=', p.id)
      .executeTakeFirst();
    if (referred) return null;
    return unwrap(screenPositiveReferralDeadline(p.registered_on), 'registeredOn');
  }

  async function dtoOf(trx: Transaction<Database>, p: PregnancyRow, person: Pick<PersonRow, 'name'>) {
    const names = await institutionNames(trx, [p.registering_institution_id, p.managing_institution_id]);
    return toPregnancyDto(p, person, names);
  }

  /** Checks the obstetric history counts against each other; throws naming the field. */
  function checkHistory(
    h: {
      gravidity: number;
      parity: number;
      previousCaesareans: number;
      lastUterineSurgeryOn?: string | null | undefined;
      lastBirthOn?: string | null | undefined;
      previousUterineSurgeries: number;
    },
    lmpOrOrigin: string,
  ) {
    if (h.parity > h.gravidity - 1)
      throw errors.field(
        'parity',
        '产次应小于孕次（孕次含本次妊娠）',
        'Parity must be below gravidity (which counts this pregnancy)',
      );
    if (h.previousCaesareans > h.parity)
      throw errors.field('previousCaesareans', '剖宫产次数不能多于产次', 'More caesareans than births');
    if (h.previousUterineSurgeries < h.previousCaesareans)
      throw errors.field(
        'previousUterineSurgeries',
        '子宫手术次数应包含剖宫产次数',
        'Uterine operations must include the caesareans',
      );
    if (h.lastUterineSurgeryOn && h.lastUterineSurgeryOn > lmpOrOrigin)
      throw errors.field('lastUterineSurgeryOn', '末次子宫手术日期不能晚于末次月经', 'Uterine surgery after the LMP');
    if (h.lastBirthOn && h.lastBirthOn > lmpOrOrigin)
      throw errors.field('lastBirthOn', '末次分娩日期不能晚于末次月经', 'Last birth after the LMP');
    if (h.lastBirthOn && h.parity === 0)
      throw errors.field('lastBirthOn', '产次为0时不应填写末次分娩日期', 'No last birth when parity is 0');
  }

  function checkHistoryItems(items: readonly string[], county: string) {
    const codes = new Set(getScreeningCatalogue(county).items.map((i) => i.code));
    const bad = items.filter((c) => !codes.has(c));
    if (bad.length)
      throw errors.field(
        'historyItems',
        `筛查表中没有这些条目：${bad.join('、')}`,
        `Unknown screening items: ${bad.join(', ')}`,
      );
  }

  /** 附件1 screening at registration, from what is known at registration. */
  function screening(p: PregnancyRow, ageYears: number | null) {
    const origin = p.lmp ?? unwrap(lmpFromEdd(p.edd), 'edd');
    const monthsSinceLastBirth = p.last_birth_on ? monthsBetweenDates(p.last_birth_on, origin) : null;
    const height = num(p.height_cm);
    const weight = num(p.pre_pregnancy_weight_kg);
    return screenPregnancyRisk(
      {
        ...(ageYears !== null ? { ageYears } : {}),
        ...(height !== null ? { heightCm: height } : {}),
        ...(weight !== null ? { prePregnancyWeightKg: weight } : {}),
        previousCaesareans: p.previous_caesareans,
        fetuses: p.fetuses,
        ...(monthsSinceLastBirth?.ok ? { monthsSinceLastBirth: monthsSinceLastBirth.value } : {}),
        items: p.history_items,
      },
      { region: p.county_code },
    );
  }

  async function openPregnancyOf(trx: Transaction<Database>, person: PersonRow) {
    return trx
      .selectFrom('pregnancy')
      .select(['id', 'registered_on', 'edd', 'status'])
      .where('county_code', '=', person.county_code)
      .where('person_id', '=', person.id)
      .where('status', '<>', 'closed')
      .executeTakeFirst();
  }

  function openPregnancyConflict(open: { id: string; registered_on: string; edd: string }) {
    return errors.conflict(
      'PREGNANCY_OPEN',
      `该孕产妇已有未结案的保健册（${open.registered_on}建册，预产期${open.edd}），请在原保健册上继续管理或先结案`,
      `She has an open pregnancy (registered ${open.registered_on}, EDD ${open.edd}); continue it or close it first`,
      { pregnancyId: open.id, registeredOn: open.registered_on, edd: open.edd },
    );
  }

  return {
    toDto: toPregnancyDto,

    /** Registers a pregnancy (建册) for a woman of the person index. */
    async register(
      ctx: AuthContext,
      input: PregnancyCreateInput,
    ): Promise<{ pregnancy: PregnancyDto; created: boolean }> {
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await trx.selectFrom('pregnancy').selectAll().where('id', '=', input.id).executeTakeFirst();
          if (existing) {
            if (existing.created_by !== ctx.userId)
              throw errors.conflict('ID_TAKEN', '编号已被使用', 'This id is taken');
            const { person } = await loadPregnancy(trx, existing.id);
            return { pregnancy: await dtoOf(trx, existing, person), created: false };
          }
        }
        const person = await trx.selectFrom('person').selectAll().where('id', '=', input.personId).executeTakeFirst();
        if (!person) throw errors.notFound('人员档案', 'person');
        if (person.sex !== 'female')
          throw errors.field('personId', '只能为女性建立孕产妇保健册', 'Only a woman can be registered as pregnant');
        if (person.deceased_on) throw errors.conflict('PERSON_DECEASED', '该人员已死亡', 'The person is deceased');
        if (!person.birth_date)
          throw errors.field('personId', '请先在人员档案中补全出生日期', 'Complete her birth date first');
        const open = await openPregnancyOf(trx, person);
        if (open) throw openPregnancyConflict(open);
        const t = today();
        if (input.registeredOn > t)
          throw errors.field('registeredOn', '建册日期不能晚于今天', 'Registration in the future');
        const d = dating(input);
        const origin = d.lmp ?? unwrap(lmpFromEdd(d.edd), 'lmp');
        if (origin > input.registeredOn)
          throw errors.field(
            d.lmp ? 'lmp' : 'ultrasound',
            '末次月经不能晚于建册日期',
            'The LMP is after the registration',
          );
        const gaDays = gaDaysAt({ edd: d.edd }, input.registeredOn, 'registeredOn');
        if (gaDays > 44 * 7)
          throw errors.field(
            'lmp',
            '建册时孕周超过44周，请核对末次月经',
            'Over 44 weeks at registration: check the LMP',
          );
        if (origin < person.birth_date)
          throw errors.field('lmp', '末次月经早于出生日期', 'The LMP is before her birth');
        checkHistory(input, origin);
        checkHistoryItems(input.historyItems, person.county_code);
        await checkInstitution(trx, input.registeringInstitutionId, 'registeringInstitutionId');
        const ageAtLmp = unwrap(maternalAgeInFullYears(person.birth_date, origin), 'personId');
        const minor = ageAtLmp < MINOR_AGE_YEARS;
        const id = input.id ?? randomUUID();
        const inst = input.registeringInstitutionId ?? ctx.institutionId;
        const row = await trx
          .insertInto('pregnancy')
          .values({
            county_code: person.county_code,
            id,
            person_id: person.id,
            registered_on: input.registeredOn,
            registering_institution_id: inst,
            managing_institution_id: inst,
            handbook_no: input.handbookNo ?? null,
            lmp: d.lmp,
            edd: d.edd,
            edd_method: d.method,
            edd_correction: d.correction ? json(d.correction) : null,
            ga_at_registration_days: gaDays,
            early_registration: isEarlyRegistration(gaOf(gaDays)),
            age_at_lmp: ageAtLmp,
            minor_at_lmp: minor,
            non_resident: people.toDto(person).isNonResident,
            gravidity: input.gravidity,
            parity: input.parity,
            previous_caesareans: input.previousCaesareans,
            spontaneous_abortions: input.spontaneousAbortions,
            induced_abortions: input.inducedAbortions,
            preterm_births: input.pretermBirths,
            stillbirths: input.stillbirths,
            birth_defects: input.birthDefects,
            ectopic_pregnancies: input.ectopicPregnancies,
            molar_pregnancies: input.molarPregnancies,
            previous_uterine_surgeries: input.previousUterineSurgeries,
            last_uterine_surgery_on: input.lastUterineSurgeryOn ?? null,
            last_birth_on: input.lastBirthOn ?? null,
            history_items: [...new Set(input.historyItems)],
            history_note: input.historyNote ?? null,
            height_cm: input.heightCm ?? null,
            pre_pregnancy_weight_kg: input.prePregnancyWeightKg ?? null,
            fetuses: input.fetuses,
            schedule_id: await scheduleChoice.scheduleForCounty(trx, person.county_code),
            created_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const ageNow = unwrap(maternalAgeInFullYears(person.birth_date, input.registeredOn), 'personId');
        const screened = screening(row, ageNow);
        await trx
          .updateTable('pregnancy')
          .set({
            screening: json(screened),
            screen_referral_due: await screenReferralDue(trx, row, screened.positive),
          })
          .where('county_code', '=', row.county_code)
          .where('id', '=', id)
          .execute();
        let saved = await refreshSchedule(trx, row);
        await audit.write(trx, ctx, {
          action: 'pregnancy.create',
          entityType: 'pregnancy',
          entityId: id,
          personId: person.id,
          countyCode: person.county_code,
          details: { early: saved.early_registration, nonResident: saved.non_resident, minor },
        });
        if (minor) {
          await alerts.raiseInTx(trx, ctx, {
            countyCode: person.county_code,
            kind: 'minor_pregnancy',
            audience: 'county',
            personId: person.id,
            entityType: 'pregnancy',
            entityId: id,
            messageZh: `未成年妊娠：${person.name}末次月经时${ageAtLmp}岁（${d.lmp ?? origin}），已建册`,
            messageEn: `Pregnancy of a minor: ${person.name} was ${ageAtLmp} at the LMP`,
          });
        }
        if (input.assessment && hooks.assessAtRegistration) {
          await hooks.assessAtRegistration(trx, ctx, saved, person, input.assessment);
          saved = (await loadPregnancy(trx, id)).preg;
        }
        return { pregnancy: await dtoOf(trx, saved, person), created: true };
      }).catch(async (e: unknown) => {
        // two registrations racing: the partial unique index refuses the second; point to the open one
        const err = e as { code?: string; constraint?: string };
        if (err.code !== '23505' || err.constraint !== 'pregnancy_one_open_idx') throw e;
        const open = await withScope(db, ctx, (trx) =>
          trx
            .selectFrom('pregnancy')
            .select(['id', 'registered_on', 'edd'])
            .where('person_id', '=', input.personId)
            .where('status', '<>', 'closed')
            .executeTakeFirst(),
        );
        if (!open) throw e;
        throw openPregnancyConflict(open);
      });
    },

    /** One pregnancy (the registration record). */
    async get(ctx: AuthContext, id: string): Promise<PregnancyDto> {
      return withScope(db, ctx, async (trx) => {
        const { preg, person } = await loadPregnancy(trx, id);
        await audit.read(trx, ctx, {
          action: 'pregnancy.read',
          entityType: 'pregnancy',
          entityId: id,
          personId: preg.person_id,
          countyCode: preg.county_code,
        });
        return dtoOf(trx, preg, person);
      });
    },

    /** Corrects the registration record (dating, history, body measurements); the screening is recomputed. */
    async update(ctx: AuthContext, id: string, input: PregnancyUpdateInput): Promise<PregnancyDto> {
      return withScope(db, ctx, async (trx) => {
        const { preg, person } = await loadPregnancy(trx, id);
        if (preg.version !== input.version) throw errors.staleVersion(preg.version);
        if (preg.status === 'closed')
          throw errors.conflict('PREGNANCY_STATE', '保健册已结案，不能修改', 'The pregnancy is closed');
        const redate = input.lmp !== undefined || input.ultrasound !== undefined;
        const d = redate
          ? dating({ lmp: input.lmp ?? preg.lmp ?? undefined, ultrasound: input.ultrasound })
          : { lmp: preg.lmp, edd: preg.edd, method: preg.edd_method, correction: undefined };
        const origin = d.lmp ?? unwrap(lmpFromEdd(d.edd), 'lmp');
        if (origin > preg.registered_on)
          throw errors.field('lmp', '末次月经不能晚于建册日期', 'The LMP is after the registration');
        const merged = {
          gravidity: input.gravidity ?? preg.gravidity,
          parity: input.parity ?? preg.parity,
          previousCaesareans: input.previousCaesareans ?? preg.previous_caesareans,
          previousUterineSurgeries: input.previousUterineSurgeries ?? preg.previous_uterine_surgeries,
          lastUterineSurgeryOn: input.lastUterineSurgeryOn ?? preg.last_uterine_surgery_on,
          lastBirthOn: input.lastBirthOn ?? preg.last_birth_on,
        };
        checkHistory(merged, origin);
        if (input.historyItems) checkHistoryItems(input.historyItems, preg.county_code);
        await checkInstitution(trx, input.managingInstitutionId, 'managingInstitutionId');
        const gaDays = redate ? gaDaysAt({ edd: d.edd }, preg.registered_on, 'lmp') : preg.ga_at_registration_days;
        const ageAtLmp =
          redate && person.birth_date
            ? unwrap(maternalAgeInFullYears(person.birth_date, origin), 'lmp')
            : preg.age_at_lmp;
        const updated = await trx
          .updateTable('pregnancy')
          .set({
            ...(input.handbookNo !== undefined ? { handbook_no: input.handbookNo } : {}),
            ...(input.managingInstitutionId !== undefined
              ? { managing_institution_id: input.managingInstitutionId }
              : {}),
            ...(redate
              ? {
                  lmp: d.lmp,
                  edd: d.edd,
                  edd_method: d.method,
                  edd_correction: d.correction ? json(d.correction) : null,
                  ga_at_registration_days: gaDays,
                  early_registration: isEarlyRegistration(gaOf(gaDays)),
                  age_at_lmp: ageAtLmp,
                  minor_at_lmp: ageAtLmp !== null && ageAtLmp < MINOR_AGE_YEARS,
                }
              : {}),
            gravidity: merged.gravidity,
            parity: merged.parity,
            previous_caesareans: merged.previousCaesareans,
            previous_uterine_surgeries: merged.previousUterineSurgeries,
            last_uterine_surgery_on: merged.lastUterineSurgeryOn,
            last_birth_on: merged.lastBirthOn,
            ...(input.spontaneousAbortions !== undefined ? { spontaneous_abortions: input.spontaneousAbortions } : {}),
            ...(input.inducedAbortions !== undefined ? { induced_abortions: input.inducedAbortions } : {}),
            ...(input.pretermBirths !== undefined ? { preterm_births: input.pretermBirths } : {}),
            ...(input.stillbirths !== undefined ? { stillbirths: input.stillbirths } : {}),
            ...(input.birthDefects !== undefined ? { birth_defects: input.birthDefects } : {}),
            ...(input.ectopicPregnancies !== undefined ? { ectopic_pregnancies: input.ectopicPregnancies } : {}),
            ...(input.molarPregnancies !== undefined ? { molar_pregnancies: input.molarPregnancies } : {}),
            ...(input.historyItems !== undefined ? { history_items: [...new Set(input.historyItems)] } : {}),
            ...(input.historyNote !== undefined ? { history_note: input.historyNote } : {}),
            ...(input.heightCm !== undefined ? { height_cm: input.heightCm } : {}),
            ...(input.prePregnancyWeightKg !== undefined
              ? { pre_pregnancy_weight_kg: input.prePregnancyWeightKg }
              : {}),
            ...(input.fetuses !== undefined ? { fetuses: input.fetuses } : {}),
            ...(input.scheduleId !== undefined ? { schedule_id: input.scheduleId } : {}),
            version: preg.version + 1,
            updated_at: new Date(),
          })
          .where('county_code', '=', preg.county_code)
          .where('id', '=', id)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        const ageAtRegistration = person.birth_date
          ? unwrap(maternalAgeInFullYears(person.birth_date, preg.registered_on), 'personId')
          : null;
        const screened = screening(updated, ageAtRegistration);
        await trx
          .updateTable('pregnancy')
          .set({
            screening: json(screened),
            // negative now: no duty; newly positive: the duty starts; still positive: as it was (a duty cleared by
            // the referral or a hospital assessment stays cleared)
            screen_referral_due: !screened.positive
              ? null
              : (preg.screening as { positive?: boolean } | null)?.positive
                ? preg.screen_referral_due
                : await screenReferralDue(trx, updated, true),
          })
          .where('county_code', '=', preg.county_code)
          .where('id', '=', id)
          .execute();
        const saved = await refreshSchedule(trx, updated);
        if (input.scheduleId !== undefined && input.scheduleId !== preg.schedule_id) await saveContactIds(trx, saved);
        // a corrected LMP that makes her under 18 at the LMP alerts the county supervisor, as at registration
        if (saved.minor_at_lmp && !preg.minor_at_lmp)
          await alerts.raiseInTx(trx, ctx, {
            countyCode: preg.county_code,
            kind: 'minor_pregnancy',
            audience: 'county',
            personId: preg.person_id,
            entityType: 'pregnancy',
            entityId: id,
            messageZh: `未成年妊娠：${person.name}末次月经时${saved.age_at_lmp}岁（更正后），已建册`,
            messageEn: `Pregnancy of a minor: ${person.name} was ${saved.age_at_lmp} at the (corrected) LMP`,
          });
        await audit.write(trx, ctx, {
          action: 'pregnancy.update',
          entityType: 'pregnancy',
          entityId: id,
          personId: preg.person_id,
          countyCode: preg.county_code,
          details: { fields: Object.keys(input).filter((k) => k !== 'version') },
        });
        return dtoOf(trx, saved, person);
      });
    },

    /** The pregnancies of a woman, newest first. */
    async listForWoman(ctx: AuthContext, personId: string): Promise<PregnancyDto[]> {
      return withScope(db, ctx, async (trx) => {
        const person = await trx.selectFrom('person').selectAll().where('id', '=', personId).executeTakeFirst();
        if (!person) throw errors.notFound('人员档案', 'person');
        const rows = await trx
          .selectFrom('pregnancy')
          .selectAll()
          .where('county_code', '=', person.county_code)
          .where('person_id', '=', personId)
          .orderBy('registered_on', 'desc')
          .execute();
        const names = await institutionNames(
          trx,
          rows.flatMap((r) => [r.registering_institution_id, r.managing_institution_id]),
        );
        await audit.read(trx, ctx, {
          action: 'pregnancy.list',
          entityType: 'pregnancy',
          personId,
          countyCode: person.county_code,
        });
        return rows.map((r) => toPregnancyDto(r, person, names));
      });
    },

    /**
     * Ends a pregnancy before delivery (miscarriage, induced abortion, ectopic, molar) or stops its management
     * (transferred out, lost to follow-up): the pregnancy closes with date and reason, and so does every open duty.
     */
    async end(ctx: AuthContext, id: string, input: PregnancyEndInput): Promise<PregnancyDto> {
      return withScope(db, ctx, async (trx) => {
        const { preg, person } = await loadPregnancy(trx, id);
        if (preg.version !== input.version) throw errors.staleVersion(preg.version);
        if (preg.status === 'closed')
          throw errors.conflict('PREGNANCY_STATE', '保健册已结案', 'The pregnancy is already closed');
        const pregnancyLoss = ['miscarriage', 'induced_abortion', 'ectopic', 'molar'].includes(input.reason);
        if (pregnancyLoss && preg.status !== 'antenatal')
          throw errors.field(
            'reason',
            '已分娩的妊娠不能以流产/异位妊娠结束',
            'A delivered pregnancy cannot end as a loss',
          );
        if (input.endedOn > today()) throw errors.field('endedOn', '终止日期不能晚于今天', 'End date in the future');
        const origin = preg.lmp ?? unwrap(lmpFromEdd(preg.edd), 'lmp');
        if (input.endedOn < origin || (input.endedOn < preg.registered_on && pregnancyLoss === false))
          throw errors.field('endedOn', '终止日期早于末次月经或建册日期', 'End date before the LMP or registration');
        if (input.reason === 'other' && !input.note)
          throw errors.field('note', '原因为"其他"时请说明', 'Explain the reason "other"');
        const updated = await trx
          .updateTable('pregnancy')
          .set({
            status: 'closed',
            ended_on: input.endedOn,
            end_reason: input.reason,
            end_note: input.note ?? null,
            next_contact: null,
            next_due_on: null,
            next_due_end: null,
            missed_contact: null,
            missed_end: null,
            next_appointment: null,
            version: preg.version + 1,
            updated_at: new Date(),
          })
          .where('county_code', '=', preg.county_code)
          .where('id', '=', id)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        if (hooks.closeDutiesInTx)
          await hooks.closeDutiesInTx(
            trx,
            ctx,
            updated,
            input.endedOn,
            input.reason === 'transferred_out' ? 'transferred' : 'pregnancy_ended',
          );
        await audit.write(trx, ctx, {
          action: 'pregnancy.end',
          entityType: 'pregnancy',
          entityId: id,
          personId: preg.person_id,
          countyCode: preg.county_code,
          details: { reason: input.reason },
        });
        return dtoOf(trx, updated, person);
      });
    },
  };
}
export type PregnancyService = ReturnType<typeof createPregnancyService>;
