import { sql, type Database, type Kysely } from '@fuyou/db';
import type { CountyInstitutions } from './model';
import { deriveSeed, Rng } from './prng';

/** Institutions the generator adds to a county that lacks a delivery hospital or primary care centres. */
function benchInstitutions(county: string, countyName: string, towns: ReadonlyArray<{ code: string; name: string }>) {
  const townAt = (k: number) => towns[k % Math.max(1, towns.length)] ?? { code: county, name: countyName };
  return [
    {
      code: `G${county}-FY`,
      name: `${countyName}妇幼保健院`,
      type: 'mch_hospital',
      level: 'level2',
      region: county,
      capabilities: [
        'midwifery',
        'prenatal_screening',
        'newborn_screening',
        'birth_certificate_issuer',
        'premarital_exam',
        'cancer_screening',
        'child_health',
      ],
    },
    {
      code: `G${county}-RM`,
      name: `${countyName}人民医院`,
      type: 'general_hospital',
      level: 'level2',
      region: county,
      capabilities: ['midwifery', 'birth_certificate_issuer'],
    },
    ...[0, 1, 2].map((k) => ({
      code: `G${county}-SQ${k + 1}`,
      name: `${townAt(k).code === county ? `${countyName}第${k + 1}` : townAt(k).name}社区卫生服务中心`,
      type: 'community_hc',
      level: 'level1',
      region: townAt(k).code,
      capabilities: ['child_health'],
    })),
  ];
}

/**
 * The institutions a county's generated records refer to: the ones already there (the demo city's, or an earlier
 * run's), completed with a county MCH hospital, a general hospital and three community health centres (codes
 * `G<county>-…`) when the county has no delivery hospital or no primary care centre. Idempotent.
 */
export async function ensureCountyInstitutions(
  db: Kysely<Database>,
  county: { code: string; name: string },
  towns: ReadonlyArray<{ code: string; name: string }>,
  seed: number,
): Promise<CountyInstitutions> {
  const load = () =>
    sql<{ id: string; code: string; type: string; capabilities: string[] }>`
      select id, code, type, capabilities from institution where county_code = ${county.code} and active order by code`
      .execute(db)
      .then((r) => r.rows);
  let rows = await load();
  const hasHospital = rows.some((r) => r.capabilities.includes('midwifery'));
  const hasClinic = rows.some((r) => r.type === 'community_hc' || r.type === 'township_hc');
  if (!hasHospital || !hasClinic) {
    const rng = new Rng(deriveSeed(seed, 'institutions', county.code));
    for (const inst of benchInstitutions(county.code, county.name, towns)) {
      await sql`insert into institution (id, code, name, type, level, region_code, county_code, capabilities)
        values (${rng.uuid()}, ${inst.code}, ${inst.name}, ${inst.type}, ${inst.level}, ${inst.region}, ${county.code},
          ${sql.raw(`ARRAY[${inst.capabilities.map((c) => `'${c}'`).join(',')}]::text[]`)})
        on conflict (code) do nothing`.execute(db);
    }
    rows = await load();
  }
  const hospitals = rows.filter((r) => r.capabilities.includes('midwifery'));
  const mch = hospitals.find((r) => r.type === 'mch_hospital') ?? hospitals[0]!;
  const clinics = rows.filter((r) => r.type === 'community_hc' || r.type === 'township_hc');
  return {
    mch: mch.id,
    hospitals: hospitals.map((r) => r.id),
    clinics: (clinics.length ? clinics : [mch]).map((r) => r.id),
  };
}
