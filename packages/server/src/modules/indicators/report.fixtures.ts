/**
 * Rows for the annual report and accountability tests that the shared indicator fixtures do not make: survey
 * campaigns and examinations (0034), marriage registrations (0031), and edits of fixture rows (a baby's sex, a
 * premarital partner's diseases). Inserted as the database owner so the test decides every date.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Database, type Kysely } from '@fuyou/db';
import { insertRow } from './indicators.fixtures';

/** A gynaecological survey campaign. */
export async function gynCampaign(
  db: Kysely<Database>,
  county: string,
  o: { start: string; end?: string; target: number; name?: string },
): Promise<string> {
  const id = randomUUID();
  await insertRow(db, 'gyn_survey_campaign', {
    county_code: county,
    id,
    name: o.name ?? `普查${o.start}`,
    year: Number(o.start.slice(0, 4)),
    start_date: o.start,
    end_date: o.end ?? o.start,
    target_population: o.target,
  });
  return id;
}

/** An examination of a woman in a campaign. */
export async function gynExam(
  db: Kysely<Database>,
  county: string,
  o: { campaign: string; woman: string; date: string; inTarget?: boolean; findings?: string[] },
): Promise<void> {
  await insertRow(db, 'gyn_survey_exam', {
    county_code: county,
    id: randomUUID(),
    campaign_id: o.campaign,
    person_id: o.woman,
    exam_date: o.date,
    age: 40,
    in_target: o.inTarget ?? true,
    findings: o.findings ?? [],
    disposition: 'none',
  });
}

/** Couples registering a marriage in a county and month. */
export async function marriages(
  db: Kysely<Database>,
  county: string,
  year: number,
  month: number,
  couples: number,
): Promise<void> {
  await insertRow(db, 'marriage_registration_count', { county_code: county, year, month, couples, source: '民政局' });
}

/** Sets the sex of a birth outcome. */
export async function setBirthSex(db: Kysely<Database>, birth: string, sex: 'male' | 'female' | 'unknown') {
  await sql`update birth_outcome set sex = ${sex} where id = ${birth}`.execute(db);
}

/** A premarital examination with the partners' diseases and counselling. */
export async function premaritalExam(
  db: Kysely<Database>,
  county: string,
  o: {
    date: string;
    female?: string | null;
    male?: string | null;
    femaleDiseases?: string[];
    maleDiseases?: string[];
    counselled?: boolean;
  },
): Promise<void> {
  await insertRow(db, 'premarital_exam', {
    county_code: county,
    id: randomUUID(),
    exam_date: o.date,
    female_person_id: o.female ?? null,
    male_person_id: o.male ?? null,
    female_diseases: o.femaleDiseases ?? [],
    male_diseases: o.maleDiseases ?? [],
    counselling_given: o.counselled ?? false,
    opinion: 'no_contraindication',
    suggested_opinion: 'no_contraindication',
  });
}
