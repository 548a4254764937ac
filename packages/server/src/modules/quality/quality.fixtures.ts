/**
 * Hand-built records for the data-quality tests: every builder writes a complete, consistent record (one that
 * breaks no rule) unless the test overrides a column, so each test record carries exactly the fault it is made
 * for. Rows are inserted directly (as the database owner), so the test decides every date, including created_at.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Database, type Kysely } from '@fuyou/db';

type Row = Record<string, unknown>;

/** Marks a value to be stored as jsonb. */
export const json = (v: unknown) => ({ __json: JSON.stringify(v) });

async function insert(db: Kysely<Database>, table: string, row: Row): Promise<void> {
  const cols = Object.keys(row);
  const values = cols.map((c) => {
    const v = row[c];
    if (v && typeof v === 'object' && '__json' in (v as object)) return sql`${(v as { __json: string }).__json}::jsonb`;
    return sql`${v}`;
  });
  await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))}) values (${sql.join(values)})`.execute(
    db,
  );
}

/** 'YYYY-MM-DD' plus days. */
export function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** An instant on `date` at 10:00 China time, plus `days`. */
export function enteredOn(date: string, days = 0): string {
  return `${plusDays(date, days)}T02:00:00.000Z`;
}

let seq = 0;

/** Builders of complete records in one test database. */
export class QualityFixture {
  constructor(
    readonly db: Kysely<Database>,
    readonly institutionOf: (county: string) => string,
  ) {}

  async person(county: string, opts: Row = {}): Promise<string> {
    const { person_key: withKey, ...o } = opts;
    const id = randomUUID();
    const hmac = 'id_number_hmac' in o ? (o.id_number_hmac as string | null) : `h-${randomUUID()}`;
    await insert(this.db, 'person', {
      county_code: county,
      id,
      name: `质控${++seq}`,
      sex: 'female',
      birth_date: '1995-05-05',
      id_type: 'resident_id',
      id_number_enc: 'v1:enc',
      id_number_masked: '330902********1234',
      phone_enc: 'v1:enc',
      phone_hmac: `p-${randomUUID()}`,
      phone_masked: '138****0000',
      hukou_region_code: county,
      residence_region_code: county,
      address: '测试路1号',
      created_institution_id: this.institutionOf(county),
      created_at: enteredOn('2026-01-01'),
      ...o,
      id_number_hmac: hmac,
    });
    if (withKey !== false && hmac)
      await sql`insert into person_key (id_number_hmac, county_code, person_id) values (${hmac}, ${county}, ${id})
        on conflict do nothing`.execute(this.db);
    return id;
  }

  /** A pregnancy registered at `ga` days, dated from the LMP, complete. */
  async pregnancy(
    county: string,
    o: { woman?: string; registeredOn: string; ga?: number; row?: Row },
  ): Promise<{ woman: string; pregnancy: string; lmp: string; edd: string }> {
    const woman = o.woman ?? (await this.person(county));
    const ga = o.ga ?? 70;
    const lmp = plusDays(o.registeredOn, -ga);
    const edd = plusDays(lmp, 280);
    const pregnancy = randomUUID();
    await insert(this.db, 'pregnancy', {
      county_code: county,
      id: pregnancy,
      person_id: woman,
      registered_on: o.registeredOn,
      registering_institution_id: this.institutionOf(county),
      managing_institution_id: this.institutionOf(county),
      lmp,
      edd,
      edd_method: 'lmp',
      ga_at_registration_days: ga,
      early_registration: ga < 91,
      gravidity: 1,
      parity: 0,
      height_cm: 160,
      pre_pregnancy_weight_kg: 55,
      created_at: enteredOn(o.registeredOn, 1),
      ...o.row,
    });
    return { woman, pregnancy, lmp, edd };
  }

  async ancVisit(county: string, p: { woman: string; pregnancy: string; lmp: string }, ga: number, row: Row = {}) {
    const id = randomUUID();
    const date = plusDays(p.lmp, ga);
    await insert(this.db, 'anc_visit', {
      county_code: county,
      id,
      pregnancy_id: p.pregnancy,
      person_id: p.woman,
      visit_date: date,
      ga_days: ga,
      institution_id: this.institutionOf(county),
      weight_kg: 60,
      systolic_mmhg: 115,
      diastolic_mmhg: 75,
      fundal_height_cm: ga >= 140 ? 24 : null,
      fetal_heart_rates: ga >= 140 ? [140] : [],
      created_at: enteredOn(date),
      ...row,
    });
    return id;
  }

  /** A delivery at `ga` days (on LMP + ga), complete; the pregnancy becomes postpartum. */
  async delivery(county: string, p: { woman: string; pregnancy: string; lmp: string }, ga = 273, row: Row = {}) {
    const id = randomUUID();
    const date = (row.delivery_date as string | undefined) ?? plusDays(p.lmp, ga);
    await insert(this.db, 'delivery', {
      county_code: county,
      id,
      pregnancy_id: p.pregnancy,
      person_id: p.woman,
      delivery_date: date,
      delivery_time: '08:30',
      place: 'institution',
      institution_id: this.institutionOf(county),
      ga_days: ga,
      mode: 'spontaneous',
      blood_loss_ml: 250,
      maternal_condition: 'good',
      discharged_on: plusDays(date, 3),
      fetuses: 1,
      created_at: enteredOn(date, 1),
      ...row,
    });
    await sql`update pregnancy set status = 'postpartum', delivered_on = ${date}::date
      where county_code = ${county} and id = ${p.pregnancy}`.execute(this.db);
    return { delivery: id, date };
  }

  async birthOutcome(county: string, d: { delivery: string }, mother: string, row: Row = {}) {
    const id = randomUUID();
    await insert(this.db, 'birth_outcome', {
      county_code: county,
      id,
      delivery_id: d.delivery,
      mother_id: mother,
      birth_order: 1,
      outcome: 'live_birth',
      sex: 'male',
      weight_g: 3300,
      length_cm: 50,
      apgar_1: 9,
      apgar_5: 10,
      ...row,
    });
    return id;
  }

  /** A child with a complete record and both newborn screenings (unless `screenings` says otherwise). */
  async child(
    county: string,
    o: {
      birthDate: string;
      mother?: string;
      delivery?: string;
      birthOutcome?: string;
      person?: Row;
      profile?: Row;
      screenings?: ('metabolic' | 'hearing')[];
    },
  ): Promise<string> {
    const child = await this.person(county, {
      sex: 'male',
      birth_date: o.birthDate,
      id_type: 'none',
      id_number_enc: null,
      id_number_hmac: null,
      id_number_masked: null,
      person_key: false,
      mother_county_code: o.mother ? county : null,
      mother_id: o.mother ?? null,
      created_at: enteredOn(o.birthDate, 1),
      ...o.person,
    });
    await insert(this.db, 'child_profile', {
      county_code: county,
      person_id: child,
      source: o.delivery ? 'delivery' : 'direct',
      delivery_id: o.delivery ?? null,
      birth_outcome_id: o.birthOutcome ?? null,
      gestational_weeks: 39,
      gestational_days: 0,
      birth_weight_g: 3300,
      birth_length_cm: 50,
      managing_institution_id: this.institutionOf(county),
      discharged_on: plusDays(o.birthDate, 3),
      created_at: enteredOn(o.birthDate, 1),
      ...o.profile,
    });
    for (const kind of o.screenings ?? ['metabolic', 'hearing']) {
      await insert(this.db, 'newborn_screening', {
        county_code: county,
        id: randomUUID(),
        person_id: child,
        kind,
        institution_id: this.institutionOf(county),
        status: 'normal',
      });
    }
    return child;
  }

  async checkup(county: string, child: string, birthDate: string, ageDays: number, row: Row = {}) {
    const id = randomUUID();
    const date = plusDays(birthDate, ageDays);
    await insert(this.db, 'child_checkup', {
      county_code: county,
      id,
      person_id: child,
      visit_date: date,
      kind: 'routine',
      age_days: ageDays,
      institution_id: this.institutionOf(county),
      weight_kg: 7.5,
      length_cm: 67,
      head_cm: 43,
      waz: 0.1,
      lhaz: 0.2,
      wlhz: 0,
      created_at: enteredOn(date),
      ...row,
    });
    return id;
  }

  async postpartumVisit(
    county: string,
    p: { woman: string; pregnancy: string },
    deliveryDate: string,
    day: number,
    row: Row = {},
  ) {
    const id = randomUUID();
    const date = plusDays(deliveryDate, day);
    await insert(this.db, 'postpartum_visit', {
      county_code: county,
      id,
      pregnancy_id: p.pregnancy,
      person_id: p.woman,
      kind: 'home_visit',
      visit_date: date,
      postpartum_day: day,
      institution_id: this.institutionOf(county),
      temperature_c: 36.7,
      systolic_mmhg: 118,
      diastolic_mmhg: 76,
      created_at: enteredOn(date),
      ...row,
    });
    return id;
  }

  async maternalDeath(county: string, p: { woman: string; pregnancy: string }, date: string, row: Row = {}) {
    const id = randomUUID();
    await insert(this.db, 'maternal_death', {
      county_code: county,
      id,
      person_id: p.woman,
      pregnancy_id: p.pregnancy,
      status: 'submitted',
      death_date: date,
      death_place: 'county_hospital',
      underlying_cause: '产后出血',
      icd10: 'O72.1',
      diagnosis_basis: 'clinical',
      antenatal_care: true,
      reporting_institution_id: this.institutionOf(county),
      created_at: enteredOn(date, 1),
      ...row,
    });
    await sql`update person set deceased_on = ${date}::date where county_code = ${county} and id = ${p.woman}`.execute(
      this.db,
    );
    return id;
  }

  async childDeath(county: string, child: string, birthDate: string, ageDays: number, row: Row = {}) {
    const id = randomUUID();
    const date = plusDays(birthDate, ageDays);
    await insert(this.db, 'child_death', {
      county_code: county,
      id,
      person_id: child,
      death_date: date,
      age_days: ageDays,
      age_group: ageDays < 28 ? 'neonatal' : ageDays < 365 ? 'infant' : 'child',
      death_place: 'hospital',
      underlying_cause: '肺炎',
      icd10: 'J18.9',
      birth_weight_g: 3300,
      gestational_weeks: 39,
      diagnosis_basis: 'clinical',
      reporting_institution_id: this.institutionOf(county),
      status: 'submitted',
      created_at: enteredOn(date, 1),
      ...row,
    });
    await sql`update person set deceased_on = ${date}::date where county_code = ${county} and id = ${child}`.execute(
      this.db,
    );
    return id;
  }
}
