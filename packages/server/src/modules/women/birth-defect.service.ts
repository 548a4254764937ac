import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  BIRTH_DEFECT_CATEGORIES,
  BIRTH_DEFECT_DIAGNOSIS_BASIS,
  BIRTH_DEFECT_WINDOW_NATIONAL,
  birthDefectCategoryForIcd10,
  birthDefectRatePer10000,
  birthDefectReportDue,
  checkBirthDefectCard,
  inBirthDefectSurveillanceWindow,
  suggestBirthDefectsFromKaryotype,
  type BirthDefectOutcome,
} from '@fuyou/core';
import {
  sql,
  withScope,
  type BirthDefectReportTable,
  type Database,
  type Selectable,
  type Transaction,
} from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import { isoDate, pagination, uuid } from '../../platform/validation';
import type { ModuleDeps } from '../module-deps';
import { aidDto } from './aid.service';
import { checkInstitution, institutionNames, json, loadPerson, notFuture, today } from './women.common';

const text = (max = 200) => z.string().trim().max(max, `不超过${max}字`);
export const DEFECT_OUTCOMES = ['live_birth', 'stillbirth', 'termination', 'early_neonatal_death'] as const;
const CATEGORY_CODES = BIRTH_DEFECT_CATEGORIES.map((c) => c.code) as [string, ...string[]];
const BASIS_CODES = BIRTH_DEFECT_DIAGNOSIS_BASIS.map((b) => b.code) as [string, ...string[]];
type Source = 'delivery' | 'prenatal_diagnosis' | 'manual';

const defectItem = z.object({
  icd10: z
    .string()
    .trim()
    .regex(/^[Qq]\d{2}(\.\d{1,2})?$/, '应为先天畸形ICD-10编码（Q00–Q99，如 Q35.9）'),
  description: text(200).optional(),
});

/** Fields of a card (all optional: a delivery or prenatal diagnosis fills what it knows). */
const cardFields = {
  childPersonId: uuid.optional(),
  birthDate: isoDate.optional().describe('妊娠结束日期（出生、死胎死产或引产）'),
  gestationalWeeks: z.number().int('孕周应为整数').min(12, '孕周应在12–45').max(45, '孕周应在12–45').optional(),
  gestationalDays: z.number().int('孕天应为整数').min(0, '孕天应为0–6').max(6, '孕天应为0–6').optional(),
  birthWeightG: z
    .number()
    .int('体重以克为单位')
    .min(100, '体重应在100–8000克')
    .max(8000, '体重应在100–8000克')
    .optional(),
  sex: z.enum(['male', 'female', 'unknown'], '性别应为 male/female/unknown').optional(),
  outcome: z.enum(DEFECT_OUTCOMES, '结局应为 live_birth/stillbirth/termination/early_neonatal_death').optional(),
  deathDate: isoDate.optional().describe('7天内死亡的死亡日期'),
  defects: z.array(defectItem).min(1, '请填写至少一项缺陷').max(10, '最多10项缺陷').optional(),
  diagnosisBasis: z.array(z.enum(BASIS_CODES, '诊断依据无效')).min(1, '请选择诊断依据').max(6).optional(),
  diagnosisTime: z.enum(['prenatal', 'after_birth'], '诊断时间应为 prenatal/after_birth').optional(),
  diagnosisDate: isoDate.optional(),
  institutionId: uuid.optional(),
  reporter: text(50).optional(),
  note: text(500).optional(),
};

export const defectReportSchema = z.object({
  id: uuid.optional().describe('客户端生成的编号（重试时幂等）'),
  deliveryId: uuid.optional().describe('从分娩记录生成（孕产期保健模块）'),
  birthOutcomeId: uuid.optional().describe('分娩记录中的某个胎儿/新生儿'),
  prenatalDiagnosisId: uuid.optional().describe('从产前诊断记录生成'),
  motherPersonId: uuid.optional(),
  ...cardFields,
});
export type DefectReportInput = z.infer<typeof defectReportSchema>;

export const defectDraftSchema = z.object({
  deliveryId: uuid.optional(),
  birthOutcomeId: uuid.optional(),
  prenatalDiagnosisId: uuid.optional(),
});

export const defectUpdateSchema = z.object({ version: z.number().int().min(1), ...cardFields });
export type DefectUpdateInput = z.infer<typeof defectUpdateSchema>;

export const defectListSchema = z.object({
  q: z.string().trim().max(50).optional(),
  category: z.enum(CATEGORY_CODES, '缺陷类别无效').optional(),
  outcome: z.enum(DEFECT_OUTCOMES, '结局无效').optional(),
  diagnosisTime: z.enum(['prenatal', 'after_birth'], '诊断时间无效').optional(),
  source: z.enum(['delivery', 'prenatal_diagnosis', 'manual'], '来源无效').optional(),
  institutionId: uuid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pagination,
});
export type DefectListFilter = z.infer<typeof defectListSchema>;

export const defectRateSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  period: z
    .enum(['calendar', 'report'], '统计周期应为 calendar/report')
    .default('calendar')
    .describe('calendar：1月1日–12月31日；report：年报年度（上年10月1日–当年9月30日）'),
});

export const unreportedSchema = z.object({
  overdue: z.enum(['true', 'false']).optional().describe('true：仅逾期未报告'),
  ...pagination,
});

type ReportRow = Selectable<BirthDefectReportTable>;
type Defect = { icd10: string; category: string; description: string | null };

/** A card as the API returns it. */
export function reportDto(r: ReportRow) {
  return {
    id: r.id,
    motherPersonId: r.mother_person_id,
    childPersonId: r.child_person_id,
    source: r.source,
    deliveryId: r.delivery_id,
    birthOutcomeId: r.birth_outcome_id,
    prenatalDiagnosisId: r.prenatal_diagnosis_id,
    pregnancyId: r.pregnancy_id,
    birthDate: r.birth_date,
    gestationalWeeks: r.gestational_weeks,
    gestationalDays: r.gestational_days,
    birthWeightG: r.birth_weight_g,
    sex: r.sex,
    outcome: r.outcome,
    deathDate: r.death_date,
    defects: r.defects,
    categories: r.categories,
    diagnosisBasis: r.diagnosis_basis,
    diagnosisTime: r.diagnosis_time,
    diagnosisDate: r.diagnosis_date,
    inWindow: r.in_window,
    institutionId: r.institution_id,
    reporter: r.reporter,
    note: r.note,
    version: r.version,
  };
}

/** Values of a card before validation (prefill merged with what the user gave). */
type CardValues = Partial<Omit<DefectReportInput, 'id'>> & {
  source: Source;
  pregnancyId?: string;
  fetuses?: number;
};

const WINDOW_ZH: Record<string, string> = {
  before_min_gestation: '妊娠不足28周（孕周不详时出生体重不足1000克），不属于出生缺陷监测范围',
  diagnosed_too_late: '出生7天后才诊断，不属于医院出生缺陷监测范围',
  gestation_unknown: '请填写孕周或出生体重，以判断是否属于监测范围',
};

/** 'Q35.9 腭裂' → { icd10, description }; free text without a Q code → null. */
function parseDeliveryDefect(s: string): { icd10: string; description?: string } | null {
  const m = /^\s*([Qq]\d{2}(?:\.\d{1,2})?)\s*[:：]?\s*(.*)$/.exec(s);
  if (!m) return null;
  const description = m[2]?.trim();
  return { icd10: m[1]!.toUpperCase(), ...(description ? { description } : {}) };
}

/** Birth-defect surveillance report cards (core categories, window and consistency), the rate and the worklist. */
export function createBirthDefectService(deps: ModuleDeps) {
  const { db, audit, regions } = deps;

  /** Birth facts of one baby of a delivery (maternal tables, read only). */
  async function fromDelivery(
    trx: Transaction<Database>,
    deliveryId: string | undefined,
    birthOutcomeId: string | undefined,
  ): Promise<{
    values: CardValues;
    unmatched: string[];
    babies: { id: string; birthOrder: number; outcome: string; defects: string[] }[];
  }> {
    let dId = deliveryId;
    if (!dId && birthOutcomeId) {
      const o = await trx
        .selectFrom('birth_outcome')
        .select('delivery_id')
        .where('id', '=', birthOutcomeId)
        .executeTakeFirst();
      if (!o) throw errors.field('birthOutcomeId', '新生儿记录不存在或不在您的管辖范围', 'Baby not found');
      dId = o.delivery_id;
    }
    const d = await trx.selectFrom('delivery').selectAll().where('id', '=', dId!).executeTakeFirst();
    if (!d) throw errors.field('deliveryId', '分娩记录不存在或不在您的管辖范围', 'Delivery not found');
    const outcomes = await trx
      .selectFrom('birth_outcome')
      .selectAll()
      .where('county_code', '=', d.county_code)
      .where('delivery_id', '=', d.id)
      .orderBy('birth_order')
      .execute();
    const babies = outcomes.map((o) => ({
      id: o.id,
      birthOrder: o.birth_order,
      outcome: o.outcome,
      defects: o.defects,
    }));
    let o = birthOutcomeId ? outcomes.find((x) => x.id === birthOutcomeId) : undefined;
    if (birthOutcomeId && !o)
      throw errors.field('birthOutcomeId', '该分娩记录中没有此新生儿', 'Not a baby of this delivery');
    if (!o && outcomes.length === 1) o = outcomes[0];
    if (!o) {
      const withDefects = outcomes.filter((x) => x.defects.length > 0);
      if (withDefects.length === 1) o = withDefects[0];
    }
    const values: CardValues = {
      source: 'delivery',
      deliveryId: d.id,
      pregnancyId: d.pregnancy_id,
      fetuses: d.fetuses,
      motherPersonId: d.person_id,
      birthDate: d.delivery_date,
      gestationalWeeks: Math.floor(d.ga_days / 7),
      gestationalDays: d.ga_days % 7,
      ...(d.institution_id ? { institutionId: d.institution_id } : {}),
    };
    const unmatched: string[] = [];
    if (o) {
      if (o.outcome === 'outside_perinatal_scope') {
        throw errors.field(
          'birthOutcomeId',
          '该胎儿不足28周（围产期外），不属于出生缺陷监测范围',
          'The fetus is outside the perinatal period (<28 weeks)',
          'OUTSIDE_SURVEILLANCE_WINDOW',
        );
      }
      const parsed = o.defects.map((x) => ({ text: x, p: parseDeliveryDefect(x) }));
      unmatched.push(...parsed.filter((x) => !x.p).map((x) => x.text));
      const defects = parsed.flatMap((x) => (x.p ? [x.p] : []));
      let outcome: BirthDefectOutcome = o.outcome === 'live_birth' ? 'live_birth' : 'stillbirth';
      let deathDate: string | undefined;
      if (o.outcome === 'live_birth' && o.child_person_id) {
        const death = await trx
          .selectFrom('child_death')
          .select('death_date')
          .where('person_id', '=', o.child_person_id)
          .executeTakeFirst();
        if (death) {
          const day = Math.round((Date.parse(death.death_date) - Date.parse(d.delivery_date)) / 86_400_000);
          if (day >= 0 && day <= BIRTH_DEFECT_WINDOW_NATIONAL.maxDaysAfterBirth) {
            outcome = 'early_neonatal_death';
            deathDate = death.death_date;
          }
        }
      }
      Object.assign(values, {
        birthOutcomeId: o.id,
        sex: o.sex,
        ...(o.weight_g !== null ? { birthWeightG: o.weight_g } : {}),
        ...(o.child_person_id ? { childPersonId: o.child_person_id } : {}),
        outcome,
        ...(deathDate ? { deathDate } : {}),
        ...(defects.length ? { defects } : {}),
        diagnosisTime: 'after_birth',
        diagnosisDate: d.delivery_date,
        // defects seen at delivery are diagnosed clinically unless the user says otherwise
        diagnosisBasis: ['clinical'],
      });
    }
    return { values, unmatched, babies };
  }

  /** Facts of a prenatal diagnosis and, when the pregnancy has ended, of its end (maternal tables, read only). */
  async function fromPrenatal(trx: Transaction<Database>, id: string) {
    const p = await trx.selectFrom('prenatal_screening').selectAll().where('id', '=', id).executeTakeFirst();
    if (!p) throw errors.field('prenatalDiagnosisId', '产前诊断记录不存在或不在您的管辖范围', 'Not found');
    if (!p.diagnosed_on) {
      throw errors.field('prenatalDiagnosisId', '该产前筛查尚无产前诊断结果', 'The screening has no diagnosis yet');
    }
    const preg = await trx
      .selectFrom('pregnancy')
      .selectAll()
      .where('county_code', '=', p.county_code)
      .where('id', '=', p.pregnancy_id)
      .executeTakeFirst();
    const suggestions = suggestBirthDefectsFromKaryotype(p.diagnosis_result);
    const values: CardValues = {
      source: 'prenatal_diagnosis',
      prenatalDiagnosisId: p.id,
      pregnancyId: p.pregnancy_id,
      fetuses: preg?.fetuses ?? 1,
      motherPersonId: p.person_id,
      diagnosisTime: 'prenatal',
      diagnosisDate: p.diagnosed_on,
      ...(p.diagnosis_test === 'karyotype' || p.diagnosis_test === 'cma'
        ? { diagnosisBasis: ['chromosome'] }
        : p.diagnosis_test === 'other'
          ? { diagnosisBasis: ['other'] }
          : {}),
      ...(suggestions.length
        ? { defects: suggestions.map((s) => ({ icd10: s.icd10, description: s.descriptionZh })) }
        : {}),
    };
    let ended: 'delivered' | 'ended' | 'ongoing' = 'ongoing';
    if (preg?.end_reason && preg.ended_on && !preg.delivered_on) {
      ended = 'ended';
      const gaDays = 280 - Math.round((Date.parse(preg.edd) - Date.parse(preg.ended_on)) / 86_400_000);
      Object.assign(values, {
        birthDate: preg.ended_on,
        outcome: preg.end_reason === 'induced_abortion' ? 'termination' : 'stillbirth',
        ...(gaDays > 0 ? { gestationalWeeks: Math.floor(gaDays / 7), gestationalDays: gaDays % 7 } : {}),
      });
    }
    const delivery = preg?.delivered_on
      ? await trx
          .selectFrom('delivery')
          .select('id')
          .where('county_code', '=', p.county_code)
          .where('pregnancy_id', '=', p.pregnancy_id)
          .executeTakeFirst()
      : undefined;
    if (delivery) ended = 'delivered';
    return { values, diagnosisResult: p.diagnosis_result, ended, deliveryId: delivery?.id ?? null };
  }

  /** Prefill from the delivery and/or the prenatal diagnosis given. */
  async function prefill(
    trx: Transaction<Database>,
    input: {
      deliveryId?: string | undefined;
      birthOutcomeId?: string | undefined;
      prenatalDiagnosisId?: string | undefined;
    },
  ) {
    let values: CardValues = { source: 'manual' };
    let unmatched: string[] = [];
    let babies: { id: string; birthOrder: number; outcome: string; defects: string[] }[] = [];
    let prenatal: Awaited<ReturnType<typeof fromPrenatal>> | undefined;
    if (input.prenatalDiagnosisId) prenatal = await fromPrenatal(trx, input.prenatalDiagnosisId);
    const deliveryId = input.deliveryId ?? (input.birthOutcomeId ? undefined : (prenatal?.deliveryId ?? undefined));
    if (deliveryId || input.birthOutcomeId) {
      const d = await fromDelivery(trx, deliveryId, input.birthOutcomeId);
      values = d.values;
      unmatched = d.unmatched;
      babies = d.babies;
    }
    if (prenatal) {
      if (values.pregnancyId && values.pregnancyId !== prenatal.values.pregnancyId) {
        throw errors.field(
          'prenatalDiagnosisId',
          '产前诊断与分娩记录不属于同一次妊娠',
          'The prenatal diagnosis is of another pregnancy',
        );
      }
      const p = prenatal.values;
      // the earliest diagnosis counts: a prenatal one replaces "after birth"; defects of both are kept
      const seen = new Set((values.defects ?? []).map((x) => x.icd10));
      values = {
        ...p,
        ...values,
        source: values.source === 'delivery' ? 'delivery' : 'prenatal_diagnosis',
        prenatalDiagnosisId: p.prenatalDiagnosisId!,
        diagnosisTime: 'prenatal',
        diagnosisDate: p.diagnosisDate!,
        diagnosisBasis: [...new Set([...(p.diagnosisBasis ?? []), ...(values.diagnosisBasis ?? [])])],
        defects: [...(values.defects ?? []), ...(p.defects ?? []).filter((x) => !seen.has(x.icd10))],
      };
      if (!values.diagnosisBasis?.length) delete values.diagnosisBasis;
      if (!values.defects?.length) delete values.defects;
    }
    return { values, unmatched, babies, prenatal };
  }

  /** A card already filed for the same baby (or, for a singleton, the same pregnancy). */
  async function existingCard(
    trx: Transaction<Database>,
    county: string,
    v: { birthOutcomeId?: string | undefined; pregnancyId?: string | undefined; fetuses?: number | undefined },
    exceptId?: string,
  ) {
    if (!v.birthOutcomeId && !v.pregnancyId) return undefined;
    let q = trx.selectFrom('birth_defect_report').select(['id', 'birth_outcome_id']).where('county_code', '=', county);
    if (exceptId) q = q.where('id', '<>', exceptId);
    q = q.where((eb) => {
      const ors = [];
      if (v.birthOutcomeId) ors.push(eb('birth_outcome_id', '=', v.birthOutcomeId));
      if (v.pregnancyId && (v.fetuses ?? 1) === 1) ors.push(eb('pregnancy_id', '=', v.pregnancyId));
      return ors.length ? eb.or(ors) : eb.val(false);
    });
    return q.executeTakeFirst();
  }

  /** Validates the merged values of a card; returns the columns to store. Throws 400/422 naming the field. */
  async function validate(trx: Transaction<Database>, v: CardValues) {
    if (!v.motherPersonId) throw errors.field('motherPersonId', '请选择母亲', 'Choose the mother');
    const mother = await loadPerson(trx, v.motherPersonId, {
      sex: 'female',
      field: 'motherPersonId',
      what: ['母亲档案', 'mother'],
    });
    if (!v.birthDate) {
      if (v.source === 'prenatal_diagnosis') {
        throw errors.field(
          'birthDate',
          '妊娠尚未结束：请在分娩或治疗性引产后填报，或填写妊娠结束日期',
          'The pregnancy has not ended yet: report after the birth or termination, or give its date',
        );
      }
      throw errors.field('birthDate', '请填写妊娠结束（出生）日期', 'Give the date the pregnancy ended');
    }
    if (!v.outcome) throw errors.field('outcome', '请选择妊娠结局', 'Give the outcome');
    if (!v.defects?.length) throw errors.field('defects', '请填写至少一项缺陷（ICD-10 Q编码）', 'Enter a defect');
    if (!v.diagnosisBasis?.length) throw errors.field('diagnosisBasis', '请选择诊断依据', 'Give the diagnosis basis');
    if (!v.diagnosisDate) throw errors.field('diagnosisDate', '请填写诊断日期', 'Give the diagnosis date');
    notFuture(v.birthDate, 'birthDate', '妊娠结束日期');
    notFuture(v.diagnosisDate, 'diagnosisDate', '诊断日期');
    notFuture(v.deathDate, 'deathDate', '死亡日期');
    if (mother.birth_date && v.birthDate <= mother.birth_date) {
      throw errors.field('birthDate', '妊娠结束日期早于母亲出生日期', 'The birth is before the mother’s birth');
    }
    if (v.gestationalDays !== undefined && v.gestationalWeeks === undefined) {
      throw errors.field('gestationalWeeks', '填写孕天时请同时填写孕周', 'Give the weeks with the days');
    }
    if (v.childPersonId) {
      if (v.outcome === 'stillbirth' || v.outcome === 'termination') {
        throw errors.field(
          'childPersonId',
          '死胎死产或引产没有儿童档案',
          'A stillbirth or termination has no child record',
        );
      }
      const child = await loadPerson(trx, v.childPersonId, { field: 'childPersonId', what: ['儿童档案', 'child'] });
      if (child.mother_id && child.mother_id !== mother.id) {
        throw errors.field('childPersonId', '该儿童的母亲不是所选母亲', 'The child’s mother is someone else');
      }
      if (child.birth_date && child.birth_date !== v.birthDate) {
        throw errors.field(
          'childPersonId',
          `儿童出生日期（${child.birth_date}）与卡片不符`,
          'The child’s birth date differs',
        );
      }
    }
    const defects: Defect[] = v.defects.map((d, i) => {
      const c = birthDefectCategoryForIcd10(d.icd10);
      if (!c) {
        throw errors.field(
          `defects.${i}.icd10`,
          `“${d.icd10}”不是先天畸形ICD-10编码（Q00–Q99）`,
          'Not a chapter Q code',
        );
      }
      if (c.code === 'other' && !d.description) {
        throw errors.field(`defects.${i}.description`, '“其他”类缺陷请写明病名或详细描述', 'Describe the defect');
      }
      return { icd10: d.icd10.toUpperCase(), category: c.code, description: d.description ?? null };
    });
    if (new Set(defects.map((d) => d.icd10)).size < defects.length) {
      throw errors.field('defects', '同一ICD-10编码填写了两次', 'The same code is entered twice');
    }
    const w = inBirthDefectSurveillanceWindow({
      birthDate: v.birthDate,
      diagnosisDate: v.diagnosisDate,
      ...(v.gestationalWeeks !== undefined
        ? { gestationalAge: { weeks: v.gestationalWeeks, days: v.gestationalDays ?? 0 } }
        : {}),
      ...(v.birthWeightG !== undefined ? { birthWeightG: v.birthWeightG } : {}),
    });
    if (!w.ok) throw errors.field('diagnosisDate', w.messageZh, w.messageEn, w.code);
    if (!w.inWindow) {
      const zh = WINDOW_ZH[w.reason] ?? w.reason;
      const field = w.reason === 'diagnosed_too_late' ? 'diagnosisDate' : 'gestationalWeeks';
      throw new AppError('OUTSIDE_SURVEILLANCE_WINDOW', 422, zh, `Outside the surveillance window (${w.reason})`, [
        { field, messageZh: zh, messageEn: w.reason },
      ]);
    }
    const diagnosisTime = v.diagnosisTime ?? (v.diagnosisDate < v.birthDate ? 'prenatal' : 'after_birth');
    const c = checkBirthDefectCard({
      birthDate: v.birthDate,
      diagnosisDate: v.diagnosisDate,
      diagnosisTime,
      outcome: v.outcome,
      deathDate: v.deathDate ?? null,
    });
    if (!c.ok) throw errors.field(c.field, c.messageZh, c.messageEn, 'INCONSISTENT_CARD');
    const institutionId = v.institutionId ?? null;
    await checkInstitution(trx, institutionId, 'institutionId');
    return {
      mother,
      columns: {
        child_person_id: v.childPersonId ?? null,
        birth_date: v.birthDate,
        gestational_weeks: v.gestationalWeeks ?? null,
        gestational_days: v.gestationalWeeks !== undefined ? (v.gestationalDays ?? 0) : null,
        birth_weight_g: v.birthWeightG ?? null,
        sex: v.sex ?? ('unknown' as const),
        outcome: v.outcome,
        death_date: v.deathDate ?? null,
        defects: json(defects),
        categories: [...new Set(defects.map((d) => d.category))],
        diagnosis_basis: [...new Set(v.diagnosisBasis)],
        diagnosis_time: diagnosisTime,
        diagnosis_date: v.diagnosisDate,
        in_window: true,
        institution_id: institutionId,
        reporter: v.reporter ?? null,
        note: v.note ?? null,
      },
    };
  }

  const defined = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as Partial<T>;

  async function withNames(trx: Transaction<Database>, row: ReportRow) {
    const [mother, child, names] = await Promise.all([
      trx
        .selectFrom('person')
        .select(['name', 'id_number_masked'])
        .where('id', '=', row.mother_person_id)
        .executeTakeFirst(),
      row.child_person_id
        ? trx.selectFrom('person').select(['name']).where('id', '=', row.child_person_id).executeTakeFirst()
        : Promise.resolve(undefined),
      institutionNames(trx, [row.institution_id]),
    ]);
    return {
      ...reportDto(row),
      motherName: mother?.name ?? null,
      motherIdMasked: mother?.id_number_masked ?? null,
      childName: child?.name ?? null,
      institutionName: row.institution_id ? (names.get(row.institution_id) ?? null) : null,
    };
  }

  return {
    /**
     * What a card made from this delivery / baby / prenatal diagnosis would hold, what is still missing, and the
     * card already filed for it (so that the button opens that one instead of a second card).
     */
    async draft(ctx: AuthContext, q: z.infer<typeof defectDraftSchema>) {
      if (!q.deliveryId && !q.birthOutcomeId && !q.prenatalDiagnosisId) {
        throw errors.field(
          'deliveryId',
          '请指定分娩记录、新生儿或产前诊断记录',
          'Give a delivery, baby or prenatal diagnosis',
        );
      }
      return withScope(db, ctx, async (trx) => {
        const { values, unmatched, babies, prenatal } = await prefill(trx, q);
        const person = await loadPerson(trx, values.motherPersonId!, { field: 'motherPersonId' });
        const existing = await existingCard(trx, person.county_code, values);
        await audit.write(trx, ctx, {
          action: 'women.birth_defect.draft',
          entityType: 'birth_defect_report',
          personId: person.id,
          countyCode: person.county_code,
          details: { source: values.source },
        });
        const required = ['birthDate', 'outcome', 'defects', 'diagnosisBasis', 'diagnosisDate'] as const;
        const { pregnancyId, fetuses, ...card } = values;
        return {
          values: { ...card, institutionId: card.institutionId ?? ctx.institutionId ?? undefined },
          pregnancyId: pregnancyId ?? null,
          fetuses: fetuses ?? null,
          motherName: person.name,
          missing: required.filter((k) => values[k] === undefined),
          unmatchedDefects: unmatched,
          babies,
          prenatalResult: prenatal?.diagnosisResult ?? null,
          pregnancyEnded: prenatal ? prenatal.ended !== 'ongoing' : true,
          existingReportId: existing?.id ?? null,
        };
      });
    },

    /** Files a card; prefilled from a delivery or a prenatal diagnosis when their ids are given. */
    async report(ctx: AuthContext, input: DefectReportInput) {
      return withScope(db, ctx, async (trx) => {
        if (input.id) {
          const existing = await trx
            .selectFrom('birth_defect_report')
            .selectAll()
            .where('id', '=', input.id)
            .executeTakeFirst();
          if (existing) return { report: await withNames(trx, existing), created: false };
        }
        const pre = await prefill(trx, input);
        const { id: _id, ...given } = input;
        const v: CardValues = { ...pre.values, ...defined(given) };
        if (!v.defects?.length && pre.unmatched.length) {
          throw errors.field(
            'defects',
            `分娩记录中的缺陷“${pre.unmatched.join('、')}”没有ICD-10编码，请填写Q编码`,
            'The defects of the delivery record have no ICD-10 code',
          );
        }
        if (v.source === 'delivery' && !v.birthOutcomeId) {
          throw errors.field(
            'birthOutcomeId',
            '该分娩为多胎，请选择是哪一个胎儿/新生儿',
            'Choose the baby of the multiple birth',
          );
        }
        v.institutionId = v.institutionId ?? ctx.institutionId ?? undefined;
        const { mother, columns } = await validate(trx, v);
        const dup = await existingCard(trx, mother.county_code, v);
        if (dup) {
          throw errors.conflict(
            'ALREADY_REPORTED',
            '该胎儿/新生儿已有出生缺陷登记卡',
            'This baby is already reported',
            {
              reportId: dup.id,
            },
          );
        }
        const id = input.id ?? randomUUID();
        const row = await trx
          .insertInto('birth_defect_report')
          .values({
            county_code: mother.county_code,
            id,
            mother_person_id: mother.id,
            source: v.source,
            delivery_id: v.deliveryId ?? null,
            birth_outcome_id: v.birthOutcomeId ?? null,
            prenatal_diagnosis_id: v.prenatalDiagnosisId ?? null,
            pregnancy_id: v.pregnancyId ?? null,
            ...columns,
            created_by: ctx.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.write(trx, ctx, {
          action: 'women.birth_defect.report',
          entityType: 'birth_defect_report',
          entityId: id,
          personId: mother.id,
          countyCode: mother.county_code,
          details: { source: v.source, categories: row.categories },
        });
        return { report: await withNames(trx, row), created: true };
      });
    },

    /** Corrects a card (optimistic version); every rule is checked again on the result. */
    async update(ctx: AuthContext, id: string, input: DefectUpdateInput) {
      return withScope(db, ctx, async (trx) => {
        const row = await trx.selectFrom('birth_defect_report').selectAll().where('id', '=', id).executeTakeFirst();
        if (!row) throw errors.notFound('出生缺陷登记卡', 'birth-defect report');
        if (row.version !== input.version) throw errors.staleVersion(row.version);
        const { version: _v, ...patch } = input;
        const cur: CardValues = {
          source: row.source,
          motherPersonId: row.mother_person_id,
          ...(row.birth_outcome_id ? { birthOutcomeId: row.birth_outcome_id } : {}),
          ...(row.pregnancy_id ? { pregnancyId: row.pregnancy_id } : {}),
          ...defined({
            childPersonId: row.child_person_id ?? undefined,
            birthDate: row.birth_date,
            gestationalWeeks: row.gestational_weeks ?? undefined,
            gestationalDays: row.gestational_days ?? undefined,
            birthWeightG: row.birth_weight_g ?? undefined,
            sex: row.sex,
            outcome: row.outcome,
            deathDate: row.death_date ?? undefined,
            defects: row.defects.map((d) => ({
              icd10: d.icd10,
              ...(d.description ? { description: d.description } : {}),
            })),
            diagnosisBasis: row.diagnosis_basis as never,
            diagnosisTime: row.diagnosis_time,
            diagnosisDate: row.diagnosis_date,
            institutionId: row.institution_id ?? undefined,
            reporter: row.reporter ?? undefined,
            note: row.note ?? undefined,
          }),
        };
        const v: CardValues = { ...cur, ...defined(patch) };
        // a changed outcome drops a death date that no longer applies, unless one is given
        if (patch.outcome && patch.outcome !== 'early_neonatal_death' && patch.deathDate === undefined)
          delete v.deathDate;
        const { columns } = await validate(trx, v);
        const updated = await trx
          .updateTable('birth_defect_report')
          .set({ ...columns, version: row.version + 1, updated_at: new Date() })
          .where('county_code', '=', row.county_code)
          .where('id', '=', id)
          .where('version', '=', input.version)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw errors.staleVersion();
        await audit.write(trx, ctx, {
          action: 'women.birth_defect.update',
          entityType: 'birth_defect_report',
          entityId: id,
          personId: row.mother_person_id,
          countyCode: row.county_code,
          details: { fields: Object.keys(defined(patch)) },
        });
        return withNames(trx, updated);
      });
    },

    async get(ctx: AuthContext, id: string) {
      return withScope(db, ctx, async (trx) => {
        const row = await trx.selectFrom('birth_defect_report').selectAll().where('id', '=', id).executeTakeFirst();
        if (!row) throw errors.notFound('出生缺陷登记卡', 'birth-defect report');
        const aid = await trx
          .selectFrom('aid_application')
          .selectAll()
          .where('county_code', '=', row.county_code)
          .where('birth_defect_report_id', '=', id)
          .orderBy('applied_on', 'desc')
          .execute();
        await audit.write(trx, ctx, {
          action: 'women.birth_defect.read',
          entityType: 'birth_defect_report',
          entityId: id,
          personId: row.mother_person_id,
          countyCode: row.county_code,
        });
        return { ...(await withNames(trx, row)), aid: aid.map((a) => aidDto(a)) };
      });
    },

    async list(ctx: AuthContext, f: DefectListFilter, opts: { all?: boolean } = {}) {
      return withScope(db, ctx, async (trx) => {
        let q = trx
          .selectFrom('birth_defect_report as r')
          .innerJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 'r.county_code').onRef('p.id', '=', 'r.mother_person_id'),
          );
        if (f.category) q = q.where(sql<boolean>`${f.category} = any(r.categories)`);
        if (f.outcome) q = q.where('r.outcome', '=', f.outcome);
        if (f.diagnosisTime) q = q.where('r.diagnosis_time', '=', f.diagnosisTime);
        if (f.source) q = q.where('r.source', '=', f.source);
        if (f.institutionId) q = q.where('r.institution_id', '=', f.institutionId);
        if (f.from) q = q.where('r.birth_date', '>=', f.from);
        if (f.to) q = q.where('r.birth_date', '<=', f.to);
        if (f.q) q = q.where('p.name', 'like', `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
        let rowsQ = q
          .selectAll('r')
          .select(['p.name as mother_name', 'p.id_number_masked as mother_id'])
          .orderBy('r.birth_date', 'desc')
          .orderBy('r.id');
        if (!opts.all) rowsQ = rowsQ.limit(f.pageSize).offset((f.page - 1) * f.pageSize);
        else rowsQ = rowsQ.limit(50_000);
        const [rows, total] = await Promise.all([
          rowsQ.execute(),
          q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
        ]);
        const names = await institutionNames(
          trx,
          rows.map((r) => r.institution_id),
        );
        const aid = rows.length
          ? await trx
              .selectFrom('aid_application')
              .select(['birth_defect_report_id', 'status'])
              .where(
                'birth_defect_report_id',
                'in',
                rows.map((r) => r.id),
              )
              .execute()
          : [];
        await audit.write(trx, ctx, {
          action: opts.all ? 'women.birth_defect.export' : 'women.birth_defect.list',
          entityType: 'birth_defect_report',
          details: { filter: { ...f, page: undefined, pageSize: undefined }, results: Number(total.n) },
        });
        return {
          items: rows.map((r) => ({
            ...reportDto(r),
            motherName: r.mother_name,
            motherIdMasked: r.mother_id,
            institutionName: r.institution_id ? (names.get(r.institution_id) ?? null) : null,
            aidStatuses: aid.filter((a) => a.birth_defect_report_id === r.id).map((a) => a.status),
          })),
          total: Number(total.n),
          page: f.page,
          pageSize: f.pageSize,
        };
      });
    },

    /**
     * Birth-defect rate per 10,000 perinatal births per county in scope (REFERENCE §3: 出生缺陷发生率 = 围产期缺陷儿 ÷
     * 围产儿数 × 10,000): cards in the window ÷ births ≥28 weeks — live births, fetal deaths and stillbirths of the
     * delivery records, plus terminations at ≥28 weeks recorded as the end of a pregnancy without a delivery.
     */
    async rate(ctx: AuthContext, q: z.infer<typeof defectRateSchema>) {
      const [from, to] =
        q.period === 'report' ? [`${q.year - 1}-10-01`, `${q.year}-09-30`] : [`${q.year}-01-01`, `${q.year}-12-31`];
      return withScope(db, ctx, async (trx) => {
        const cases = await sql<{ county_code: string; n: number; linked: number }>`
          select county_code, count(*)::int as n, count(*) filter (where pregnancy_id is not null)::int as linked
          from birth_defect_report
          where in_window and birth_date between ${from} and ${to} group by county_code`.execute(trx);
        const births = await sql<{ county_code: string; n: number }>`
          select county_code, sum(n)::int as n from (
            select d.county_code, count(*) as n from birth_outcome o
            join delivery d on d.county_code = o.county_code and d.id = o.delivery_id
            where d.delivery_date between ${from} and ${to} and d.ga_days >= ${BIRTH_DEFECT_WINDOW_NATIONAL.minGestationalWeeks * 7}
              and o.outcome in ('live_birth', 'stillbirth', 'fetal_death')
            group by d.county_code
            union all
            select county_code, count(*) as n from pregnancy
            where end_reason = 'induced_abortion' and delivered_on is null and ended_on between ${from} and ${to}
              and 280 - (edd - ended_on) >= ${BIRTH_DEFECT_WINDOW_NATIONAL.minGestationalWeeks * 7}
            group by county_code
          ) x group by county_code`.execute(trx);
        const byCat = await sql<{ category: string; n: number }>`
          select c as category, count(*)::int as n
          from birth_defect_report, unnest(categories) as c
          where in_window and birth_date between ${from} and ${to} group by c`.execute(trx);
        await audit.write(trx, ctx, {
          action: 'women.birth_defect.rate',
          entityType: 'birth_defect_report',
          details: { year: q.year, period: q.period },
        });
        const rateOf = (n: number, b: number) => {
          if (b <= 0) return null;
          const r = birthDefectRatePer10000(Math.min(n, b), b);
          return r.ok ? r.rate : null;
        };
        const counties = [...new Set([...ctx.counties, ...cases.rows.map((r) => r.county_code)])].sort();
        const rows = counties.map((county) => {
          const c = cases.rows.find((r) => r.county_code === county);
          const n = Number(c?.n ?? 0);
          const b = Number(births.rows.find((r) => r.county_code === county)?.n ?? 0);
          return {
            countyCode: county,
            countyName: regions.get(county)?.name ?? null,
            defectCases: n,
            unlinkedCases: n - Number(c?.linked ?? 0),
            perinatalBirths: b,
            ratePer10000: rateOf(n, b),
          };
        });
        const n = rows.reduce((s, r) => s + r.defectCases, 0);
        const b = rows.reduce((s, r) => s + r.perinatalBirths, 0);
        return {
          year: q.year,
          period: q.period,
          from,
          to,
          counties: rows,
          total: { defectCases: n, perinatalBirths: b, ratePer10000: rateOf(n, b) },
          byCategory: BIRTH_DEFECT_CATEGORIES.map((c) => {
            const k = Number(byCat.rows.find((r) => r.category === c.code)?.n ?? 0);
            return { category: c.code, no: c.no, zh: c.zh, en: c.en, cases: k, ratePer10000: rateOf(k, b) };
          }).filter((c) => c.cases > 0),
        };
      });
    },

    /**
     * 待报告: babies of the delivery records (≥28 weeks) with defects noted and no card, and ended pregnancies whose
     * prenatal diagnosis names a chromosomal defect and that have no card; overdue after the reporting limit.
     */
    async unreported(ctx: AuthContext, f: z.infer<typeof unreportedSchema>) {
      return withScope(db, ctx, async (trx) => {
        const minDays = BIRTH_DEFECT_WINDOW_NATIONAL.minGestationalWeeks * 7;
        const babies = await sql<{
          county_code: string;
          birth_outcome_id: string;
          delivery_id: string;
          pregnancy_id: string;
          person_id: string;
          name: string;
          id_number_masked: string | null;
          delivery_date: string;
          ga_days: number;
          birth_order: number;
          fetuses: number;
          outcome: string;
          defects: string[];
          institution_id: string | null;
        }>`
          select o.county_code, o.id as birth_outcome_id, d.id as delivery_id, d.pregnancy_id, d.person_id, p.name,
            p.id_number_masked, d.delivery_date, d.ga_days, o.birth_order, d.fetuses, o.outcome, o.defects,
            d.institution_id
          from birth_outcome o
          join delivery d on d.county_code = o.county_code and d.id = o.delivery_id
          join person p on p.county_code = d.county_code and p.id = d.person_id
          where cardinality(o.defects) > 0 and d.ga_days >= ${minDays} and o.outcome <> 'outside_perinatal_scope'
            and not exists (select 1 from birth_defect_report r where r.county_code = o.county_code
              and (r.birth_outcome_id = o.id or (d.fetuses = 1 and r.pregnancy_id = d.pregnancy_id)))
          order by d.delivery_date
          limit 5000`.execute(trx);
        const prenatal = await sql<{
          county_code: string;
          id: string;
          pregnancy_id: string;
          person_id: string;
          name: string;
          id_number_masked: string | null;
          diagnosed_on: string;
          diagnosis_result: string;
          end_date: string;
          institution_id: string | null;
        }>`
          select s.county_code, s.id, s.pregnancy_id, s.person_id, p.name, p.id_number_masked, s.diagnosed_on,
            s.diagnosis_result, coalesce(g.delivered_on, g.ended_on) as end_date, s.institution_id
          from prenatal_screening s
          join pregnancy g on g.county_code = s.county_code and g.id = s.pregnancy_id
          join person p on p.county_code = s.county_code and p.id = s.person_id
          where s.diagnosed_on is not null and s.diagnosis_result is not null
            and coalesce(g.delivered_on, g.ended_on) is not null
            and (g.delivered_on is not null or 280 - (g.edd - g.ended_on) >= ${minDays})
            and not exists (select 1 from birth_defect_report r where r.county_code = s.county_code
              and (r.prenatal_diagnosis_id = s.id or r.pregnancy_id = s.pregnancy_id))
          order by s.diagnosed_on
          limit 5000`.execute(trx);
        const now = today();
        const items = [
          ...babies.rows.map((b) => ({
            kind: 'delivery' as const,
            personId: b.person_id,
            motherName: b.name,
            motherIdMasked: b.id_number_masked,
            deliveryId: b.delivery_id,
            birthOutcomeId: b.birth_outcome_id,
            prenatalDiagnosisId: null as string | null,
            pregnancyId: b.pregnancy_id,
            birthDate: b.delivery_date,
            gestationalAge: `${Math.floor(b.ga_days / 7)}+${b.ga_days % 7}`,
            birthOrder: b.fetuses > 1 ? b.birth_order : null,
            outcome: b.outcome,
            what: b.defects.join('、'),
            institutionId: b.institution_id,
          })),
          ...prenatal.rows
            .filter((p) => suggestBirthDefectsFromKaryotype(p.diagnosis_result).length > 0)
            .map((p) => ({
              kind: 'prenatal_diagnosis' as const,
              personId: p.person_id,
              motherName: p.name,
              motherIdMasked: p.id_number_masked,
              deliveryId: null as string | null,
              birthOutcomeId: null as string | null,
              prenatalDiagnosisId: p.id,
              pregnancyId: p.pregnancy_id,
              birthDate: p.end_date,
              gestationalAge: null as string | null,
              birthOrder: null as number | null,
              outcome: null as string | null,
              what: p.diagnosis_result,
              institutionId: p.institution_id,
            })),
        ]
          .map((i) => {
            const dueOn = birthDefectReportDue(i.birthDate);
            return { ...i, dueOn, overdue: now > dueOn };
          })
          .filter((i) => f.overdue !== 'true' || i.overdue)
          .sort((a, b) => (a.birthDate < b.birthDate ? -1 : a.birthDate > b.birthDate ? 1 : 0));
        const page = items.slice((f.page - 1) * f.pageSize, f.page * f.pageSize);
        const names = await institutionNames(
          trx,
          page.map((i) => i.institutionId),
        );
        await audit.write(trx, ctx, {
          action: 'women.birth_defect.unreported',
          entityType: 'birth_defect_report',
          details: { results: items.length },
        });
        return {
          items: page.map((i) => ({
            ...i,
            institutionName: i.institutionId ? (names.get(i.institutionId) ?? null) : null,
          })),
          total: items.length,
          overdue: items.filter((i) => i.overdue).length,
          page: f.page,
          pageSize: f.pageSize,
        };
      });
    },

    /** Cards where the person is the mother or the child, and her or the child's aid applications. */
    async forPerson(ctx: AuthContext, personId: string) {
      return withScope(db, ctx, async (trx) => {
        const person = await loadPerson(trx, personId);
        const reports = await trx
          .selectFrom('birth_defect_report')
          .selectAll()
          .where((eb) => eb.or([eb('mother_person_id', '=', personId), eb('child_person_id', '=', personId)]))
          .orderBy('birth_date', 'desc')
          .execute();
        const aid = await trx
          .selectFrom('aid_application')
          .selectAll()
          .where((eb) =>
            eb.or([
              eb('person_id', '=', personId),
              ...(reports.length
                ? [
                    eb(
                      'birth_defect_report_id',
                      'in',
                      reports.map((r) => r.id),
                    ),
                  ]
                : []),
            ]),
          )
          .orderBy('applied_on', 'desc')
          .execute();
        await audit.write(trx, ctx, {
          action: 'women.birth_defect.history',
          entityType: 'person',
          entityId: personId,
          personId,
          countyCode: person.county_code,
        });
        return {
          reports: await Promise.all(reports.map((r) => withNames(trx, r))),
          aid: aid.map((a) => aidDto(a)),
          today: today(),
        };
      });
    },
  };
}
export type BirthDefectService = ReturnType<typeof createBirthDefectService>;
