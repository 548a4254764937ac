/**
 * Hand-built populations for the indicator tests: rows inserted directly into the care modules' tables (as the
 * database owner, so the test decides every date), with only the columns the engine reads besides the required
 * ones. Each helper returns the ids it made.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Database, type Kysely } from '@fuyou/db';
import type { FieldCrypto } from '../../platform/crypto';
import { sealExposure } from '../child/exposure.facts';

/** A jsonb value for {@link insertRow}. */
export interface JsonValue {
  __json: string;
}
/** Marks a value to be stored as jsonb. */
export const json = (v: unknown): JsonValue => ({ __json: JSON.stringify(v) });

/** Inserts one row with raw SQL (jsonb values marked with {@link json}). */
export async function insertRow(db: Kysely<Database>, table: string, row: Record<string, unknown>): Promise<void> {
  const cols = Object.keys(row);
  const values = cols.map((c) => {
    const v = row[c];
    if (v && typeof v === 'object' && '__json' in (v as object)) return sql`${(v as JsonValue).__json}::jsonb`;
    return sql`${v}`;
  });
  await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))}) values (${sql.join(values)})`.execute(
    db,
  );
}

let seq = 0;

/** A builder of one test population. */
export class Population {
  /** `crypto`: the server's, for the records stored encrypted (exposed infants). */
  constructor(
    readonly db: Kysely<Database>,
    readonly crypto?: FieldCrypto,
  ) {}

  async person(
    county: string,
    o: {
      sex?: 'female' | 'male';
      birthDate?: string;
      hukou?: string | null;
      name?: string;
      deceasedOn?: string;
      birthTime?: string;
      motherId?: string;
    } = {},
  ): Promise<string> {
    const id = randomUUID();
    await insertRow(this.db, 'person', {
      county_code: county,
      id,
      name: o.name ?? `测试${++seq}`,
      sex: o.sex ?? 'female',
      birth_date: o.birthDate ?? '1995-05-05',
      birth_time: o.birthTime ?? null,
      id_type: 'none',
      hukou_region_code: o.hukou === undefined ? county : o.hukou,
      residence_region_code: county,
      deceased_on: o.deceasedOn ?? null,
      mother_county_code: o.motherId ? county : null,
      mother_id: o.motherId ?? null,
    });
    return id;
  }

  /**
   * A woman with a pregnancy registered at `gaAtRegistration` days, `ancVisits` antenatal visits before `deliver`
   * (if any), and the delivery with its babies.
   */
  async pregnancy(
    county: string,
    o: {
      woman?: string;
      hukou?: string | null;
      registeredOn: string;
      gaAtRegistration: number;
      ancVisits?: { date: string; ga: number; hbGL?: number }[];
      registeringInstitutionId?: string;
    },
  ): Promise<{ woman: string; pregnancy: string }> {
    const woman = o.woman ?? (await this.person(county, { hukou: o.hukou }));
    const pregnancy = randomUUID();
    const lmp = addDays(o.registeredOn, -o.gaAtRegistration);
    await insertRow(this.db, 'pregnancy', {
      county_code: county,
      id: pregnancy,
      person_id: woman,
      registered_on: o.registeredOn,
      registering_institution_id: o.registeringInstitutionId ?? null,
      lmp,
      edd: addDays(lmp, 280),
      edd_method: 'lmp',
      ga_at_registration_days: o.gaAtRegistration,
      early_registration: o.gaAtRegistration < 91,
      gravidity: 1,
      parity: 0,
    });
    for (const v of o.ancVisits ?? []) {
      await insertRow(this.db, 'anc_visit', {
        county_code: county,
        id: randomUUID(),
        pregnancy_id: pregnancy,
        person_id: woman,
        visit_date: v.date,
        ga_days: v.ga,
        labs: json(v.hbGL !== undefined ? { hbGL: v.hbGL } : {}),
      });
    }
    return { woman, pregnancy };
  }

  /** Antenatal visits: `n` visits every 4 weeks from the registration. */
  static visits(registeredOn: string, gaAtRegistration: number, n: number): { date: string; ga: number }[] {
    return Array.from({ length: n }, (_, i) => ({
      date: addDays(registeredOn, i * 28),
      ga: gaAtRegistration + i * 28,
    }));
  }

  async delivery(
    county: string,
    p: { woman: string; pregnancy: string },
    o: {
      date: string;
      ga: number;
      place?: 'institution' | 'home';
      institutionId?: string | null;
      mode?: 'spontaneous' | 'caesarean';
      noMedicalIndication?: boolean;
      babies: {
        outcome: 'live_birth' | 'fetal_death' | 'stillbirth' | 'outside_perinatal_scope';
        weightG?: number | null;
        defects?: string[];
        child?: boolean;
      }[];
    },
  ): Promise<{ delivery: string; births: { birth: string; child: string | null }[] }> {
    const delivery = randomUUID();
    await insertRow(this.db, 'delivery', {
      county_code: county,
      id: delivery,
      pregnancy_id: p.pregnancy,
      person_id: p.woman,
      delivery_date: o.date,
      place: o.place ?? 'institution',
      institution_id: o.institutionId ?? null,
      ga_days: o.ga,
      mode: o.mode ?? 'spontaneous',
      caesarean_no_medical_indication: o.noMedicalIndication ?? false,
      maternal_condition: 'good',
      fetuses: o.babies.length,
    });
    await sql`update pregnancy set status = 'postpartum', delivered_on = ${o.date}::date
      where county_code = ${county} and id = ${p.pregnancy}`.execute(this.db);
    const births: { birth: string; child: string | null }[] = [];
    for (const [i, b] of o.babies.entries()) {
      const birth = randomUUID();
      let child: string | null = null;
      if (b.outcome === 'live_birth' && b.child !== false) {
        child = await this.person(county, { birthDate: o.date, sex: 'male', motherId: p.woman });
        await this.childProfile(county, child, { deliveryId: delivery, birthOutcomeId: birth });
      }
      await insertRow(this.db, 'birth_outcome', {
        county_code: county,
        id: birth,
        delivery_id: delivery,
        mother_id: p.woman,
        birth_order: i + 1,
        outcome: b.outcome,
        sex: 'male',
        weight_g: b.weightG === undefined ? 3200 : b.weightG,
        defects: b.defects ?? [],
        child_person_id: child,
      });
      births.push({ birth, child });
    }
    return { delivery, births };
  }

  async postpartumVisit(
    county: string,
    p: { woman: string; pregnancy: string },
    date: string,
    day: number,
    hbGL?: number,
  ) {
    await insertRow(this.db, 'postpartum_visit', {
      county_code: county,
      id: randomUUID(),
      pregnancy_id: p.pregnancy,
      person_id: p.woman,
      kind: day >= 42 ? 'day42_check' : 'home_visit',
      visit_date: date,
      postpartum_day: day,
      hb_gl: hbGL ?? null,
    });
  }

  async pmtctTest(
    county: string,
    p: { woman: string; pregnancy: string },
    infection: 'hiv' | 'syphilis' | 'hbv',
    o: { date: string; ga: number; atLabour?: boolean },
  ) {
    await insertRow(this.db, 'pmtct_test', {
      county_code: county,
      id: randomUUID(),
      pregnancy_id: p.pregnancy,
      person_id: p.woman,
      infection,
      tested_on: o.date,
      ga_days: o.ga,
      at_labour: o.atLabour ?? false,
      early_test: o.ga <= 90,
      result_enc: 'v1:test',
    });
  }

  async prenatalScreening(
    county: string,
    p: { woman: string; pregnancy: string },
    o: { method: 'serum_first' | 'serum_second' | 'cfdna'; date: string; t21?: 'low' | 'high'; diagnosedOn?: string },
  ) {
    await insertRow(this.db, 'prenatal_screening', {
      county_code: county,
      id: randomUUID(),
      pregnancy_id: p.pregnancy,
      person_id: p.woman,
      method: o.method,
      screened_on: o.date,
      t21: o.t21 ?? 'low',
      diagnosed_on: o.diagnosedOn ?? null,
      diagnosis_method: o.diagnosedOn ? 'amniocentesis' : null,
    });
  }

  async maternalDeath(
    county: string,
    p: { woman: string; pregnancy: string },
    o: {
      deathDate: string;
      deliveryDate?: string;
      icd10: string;
      status?: 'draft' | 'submitted';
      reviews?: [string, string][];
    },
  ): Promise<string> {
    const id = randomUUID();
    await insertRow(this.db, 'maternal_death', {
      county_code: county,
      id,
      person_id: p.woman,
      pregnancy_id: p.pregnancy,
      status: o.status ?? 'submitted',
      death_date: o.deathDate,
      death_place: 'hospital',
      delivery_date: o.deliveryDate ?? null,
      underlying_cause: '测试死因',
      icd10: o.icd10,
    });
    for (const [level, conclusion] of o.reviews ?? []) {
      await insertRow(this.db, 'maternal_death_review', {
        county_code: county,
        id: randomUUID(),
        death_id: id,
        person_id: p.woman,
        level,
        reviewed_on: o.deathDate,
        conclusion,
      });
    }
    return id;
  }

  async childProfile(
    county: string,
    child: string,
    o: { deliveryId?: string; birthOutcomeId?: string; status?: 'active' | 'closed'; closedOn?: string } = {},
  ) {
    await insertRow(this.db, 'child_profile', {
      county_code: county,
      person_id: child,
      source: o.deliveryId ? 'delivery' : 'direct',
      delivery_id: o.deliveryId ?? null,
      birth_outcome_id: o.birthOutcomeId ?? null,
      status: o.status ?? 'active',
      closed_on: o.closedOn ?? null,
    });
  }

  /** A child with a child record (not from a delivery). */
  async child(county: string, birthDate: string, o: { deceasedOn?: string; birthTime?: string; hukou?: string } = {}) {
    const id = await this.person(county, {
      birthDate,
      sex: 'male',
      ...(o.deceasedOn ? { deceasedOn: o.deceasedOn } : {}),
      ...(o.birthTime ? { birthTime: o.birthTime } : {}),
      ...(o.hukou ? { hukou: o.hukou } : {}),
    });
    await this.childProfile(county, id);
    return id;
  }

  async checkup(
    county: string,
    child: string,
    birthDate: string,
    o: {
      date: string;
      kind?: 'newborn_visit' | 'month1' | 'routine' | 'extra';
      measured?: boolean;
      waz?: number;
      lhaz?: number;
      wlhz?: number;
      feeding?: string;
      exclusive?: boolean;
      warningSigns?: Record<string, unknown>;
      institutionId?: string;
    },
  ) {
    const measured = o.measured ?? true;
    await insertRow(this.db, 'child_checkup', {
      county_code: county,
      id: randomUUID(),
      person_id: child,
      visit_date: o.date,
      kind: o.kind ?? 'routine',
      age_days: daysBetween(birthDate, o.date),
      institution_id: o.institutionId ?? null,
      weight_kg: measured ? 8 : null,
      length_cm: measured ? 70 : null,
      waz: o.waz ?? null,
      lhaz: o.lhaz ?? null,
      wlhz: o.wlhz ?? null,
      feeding: o.feeding ?? null,
      exclusive_breastfeeding: o.exclusive ?? null,
      warning_signs: json(o.warningSigns ?? {}),
    });
  }

  async childDeath(
    county: string,
    child: string,
    o: { date: string; ageDays: number; status?: 'draft' | 'submitted' },
  ) {
    await insertRow(this.db, 'child_death', {
      county_code: county,
      id: randomUUID(),
      person_id: child,
      death_date: o.date,
      age_days: o.ageDays,
      age_group: o.ageDays < 28 ? 'neonatal' : o.ageDays < 365 ? 'infant' : 'child',
      death_place: 'hospital',
      underlying_cause: '测试死因',
      icd10: 'P07.3',
      status: o.status ?? 'submitted',
    });
  }

  async childCase(county: string, child: string, o: { kind: string; status: string; proposedOn: string }) {
    await insertRow(this.db, 'child_case', {
      county_code: county,
      id: randomUUID(),
      person_id: child,
      kind: o.kind,
      status: o.status,
      proposed_on: o.proposedOn,
      opened_on: o.status === 'open' || o.status === 'closed' ? o.proposedOn : null,
    });
  }

  async newbornScreening(county: string, child: string, kind: 'metabolic' | 'hearing' | 'heart', steps: object[]) {
    await insertRow(this.db, 'newborn_screening', {
      county_code: county,
      id: randomUUID(),
      person_id: child,
      kind,
      status: 'test',
      events: json(steps),
    });
  }

  async exposedInfant(
    county: string,
    child: string,
    o: { infections: string[]; doses?: object[]; tests?: object[]; finalStatus?: object },
  ) {
    if (!this.crypto) throw new Error('an exposed infant is stored encrypted: give the Population the server crypto');
    const birth = await this.db
      .selectFrom('person')
      .select(['birth_date', 'birth_time'])
      .where('county_code', '=', county)
      .where('id', '=', child)
      .executeTakeFirstOrThrow();
    const key = { county_code: county, person_id: child };
    const sealed = sealExposure(this.crypto, key, birth, {
      infections: o.infections,
      high_exposure: false,
      doses: o.doses ?? [],
      tests: o.tests ?? [],
      final_status: o.finalStatus ?? {},
    });
    await insertRow(this.db, 'exposed_infant', { ...key, data_enc: sealed.data_enc, facts: sealed.facts });
  }

  async cancerScreening(
    county: string,
    woman: string,
    o: {
      kind: 'cervical' | 'breast';
      method: string;
      date: string;
      cohort?: 'rural' | 'general';
      case?: { state: string; lesionGrade?: string; earlyStage?: boolean; treatedOn?: string };
    },
  ): Promise<string> {
    const id = randomUUID();
    await insertRow(this.db, 'cancer_screening', {
      county_code: county,
      id,
      person_id: woman,
      kind: o.kind,
      method: o.method,
      screening_date: o.date,
      cohort: o.cohort ?? 'general',
      age_at_screening: 45,
      eligible: true,
      status: o.case ? 'abnormal' : 'normal',
    });
    if (o.case) {
      await insertRow(this.db, 'cancer_screening_case', {
        county_code: county,
        id: randomUUID(),
        person_id: woman,
        screening_id: id,
        kind: o.kind,
        state: o.case.state,
        opened_on: o.date,
        lesion_grade: o.case.lesionGrade ?? null,
        early_stage: o.case.earlyStage ?? null,
        treated_on: o.case.treatedOn ?? null,
      });
    }
    return id;
  }

  async premarital(county: string, o: { date: string; female?: string | null; male?: string | null }) {
    await insertRow(this.db, 'premarital_exam', {
      county_code: county,
      id: randomUUID(),
      exam_date: o.date,
      female_person_id: o.female ?? null,
      male_person_id: o.male ?? null,
      opinion: 'no_contraindication',
      suggested_opinion: 'no_contraindication',
    });
  }
}

/** 'YYYY-MM-DD' plus `days`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Days from `a` to `b`. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
