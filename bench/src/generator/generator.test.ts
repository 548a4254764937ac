import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateResidentId } from '@fuyou/core';
import { buildRegionRows } from '@fuyou/db';
import {
  exposureFacts,
  factScope,
  type BirthOf,
  type ExposureContents,
} from '@fuyou/server/modules/child/exposure.facts';
import { labsSchema } from '@fuyou/server/modules/maternal/maternal.schemas';
import { createFieldCrypto, randomKeyRing } from '@fuyou/server/platform/crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateBatch, TABLE_ORDER, type RowSink } from './batch';
import { dayOf } from './dates';
import { resolveSecrets } from './encode';
import type { Batch, ChildFate, CountyPlan, CountyState, PregnancyFate, Row } from './model';
import { Rng } from './prng';
import { DEFAULT_RATES } from './rates';
import { countiesOf, lmpSlices, outsideCounties, shareBirths } from './scales';

const TODAY = dayOf('2026-11-22');
const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), '../../../packages/db/src/migrations');

function county(code: string, births: number, ordinal = 0): CountyPlan {
  return {
    code,
    name: code,
    ordinal,
    birthsPerYear: births,
    townships: [],
    institutions: {
      mch: '00000000-0000-4000-8000-000000000001',
      hospitals: ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'],
      clinics: ['00000000-0000-4000-8000-000000000003'],
    },
  };
}

function batch(
  seed: number,
  c: CountyPlan,
  state: CountyState = { idSlots: new Map() },
  sink?: RowSink,
  rates = DEFAULT_RATES,
): Batch {
  const slice = lmpSlices(2, TODAY)[0]!;
  return generateBatch(
    {
      seed,
      county: c,
      batchIndex: 0,
      lmpFrom: slice.from,
      lmpTo: slice.to,
      today: TODAY,
      rates,
      outsideCounties: outsideCounties(new Set([c.code])),
      createdBy: '00000000-0000-0000-0000-000000000000',
    },
    state,
    sink,
  );
}

describe('PRNG', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const xs = Array.from({ length: 5 }, () => a.u32());
    expect(Array.from({ length: 5 }, () => b.u32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.u32())).not.toEqual(xs);
  });
  it('draws UUIDs of version 4 and variant 10', () => {
    const r = new Rng(1);
    for (let i = 0; i < 100; i++)
      expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  it('draws normal deviates with mean 0 and SD 1', () => {
    const r = new Rng(3);
    const xs = Array.from({ length: 20_000 }, () => r.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });
});

describe('generator: determinism and identifiers', () => {
  it('the same seed gives the same rows; another seed gives other rows', () => {
    const a = batch(42, county('330902', 300));
    const b = batch(42, county('330902', 300));
    const c = batch(43, county('330902', 300));
    const dump = (x: Batch) => JSON.stringify([...x.tables.entries()]);
    expect(dump(a)).toBe(dump(b));
    expect(dump(a)).not.toBe(dump(c));
    expect(a.tables.get('person')!.length).toBeGreaterThan(300);
  }, 120_000);

  it('resident ID numbers validate (region, date, check digit), match birth date and sex, and are unique', () => {
    const known = new Set(buildRegionRows().map((r) => r.code));
    const ids = new Set<string>();
    const state: CountyState = { idSlots: new Map() };
    // two counties of one run, and a second batch of the first county with the same state
    const rows = [
      ...batch(5, county('330902', 2_000, 0), state).tables.get('person')!,
      ...batch(5, county('330903', 2_000, 1)).tables.get('person')!,
    ];
    let n = 0;
    for (const p of rows) {
      if (p.id_type !== 'resident_id') continue;
      const id = p._idNumber as string;
      const v = validateResidentId(id, { isKnownRegion: (c) => known.has(c), today: '2026-11-22' });
      expect(v.valid, id).toBe(true);
      expect(v.birthDate).toBe(p.birth_date);
      expect(v.sex).toBe(p.sex);
      expect(v.regionCode).toBe(p.hukou_region_code);
      expect(ids.has(id), id).toBe(false);
      ids.add(id);
      expect(p.is_synthetic).toBe(true);
      n++;
    }
    expect(n).toBeGreaterThan(4_000);
  }, 120_000);
});

describe('generator: every module table gets rows', () => {
  const created = readdirSync(MIGRATIONS)
    .filter((f) => /^\d{4}_.*\.sql$/.test(f) && f >= '0010')
    // tables of people's data (they carry county_code); targets and other configuration are not generated
    .flatMap((f) =>
      [...readFileSync(join(MIGRATIONS, f), 'utf8').matchAll(/CREATE TABLE (\w+) \(([\s\S]*?)\n\);/g)]
        .filter((m) => /\bcounty_code\b/.test(m[2]!))
        .map((m) => m[1]!),
    );
  /** Module tables the generator leaves empty on purpose, with the reason. */
  const NOT_GENERATED: Record<string, string> = {
    childcare_facility_evaluation: 'about institutions (kindergartens), not people; none generated',
    // the database derives these from the loaded pregnancies and their records (migration 0014): the bulk loader
    // fills them after its copy (maternal_work_fill), the services' writes through the triggers
    maternal_work: 'stored worklist duties computed by the database from the generated rows after the load',
    // the data-quality job derives these from the generated records; the bench runs that job
    quality_run: 'written by the data-quality job, not entered',
    quality_run_stat: 'written by the data-quality job, not entered',
    quality_problem: 'written by the data-quality job, not entered',
  };
  let b: Batch;
  beforeAll(() => {
    // rare events made common, so that one small batch reaches every table
    b = batch(11, county('330902', 3_000), { idSlots: new Map() }, undefined, {
      ...DEFAULT_RATES,
      maternalMortality: 0.01,
      infantMortality: 0.02,
      neonatalMortality: 0.01,
      under5Mortality: 0.03,
    });
  }, 120_000);
  it.each(created.filter((t) => !NOT_GENERATED[t]))('%s', (table) => {
    expect(TABLE_ORDER as readonly string[]).toContain(table);
    expect(b.tables.get(table)?.length ?? 0).toBeGreaterThan(0);
  });
});

describe("generator: stored JSON has the server's shape", () => {
  it("every antenatal visit's labs pass the server's labs schema unchanged (OGTT keys fastingMmolL/oneHourMmolL/twoHourMmolL)", () => {
    const visits = batch(5, county('330902', 1_000)).tables.get('anc_visit') ?? [];
    const labs = visits.map((v) => JSON.parse(v.labs as string) as Record<string, unknown>);
    // not vacuous: the batch has OGTTs (24–28 weeks) and haemoglobins
    expect(labs.filter((l) => l.ogtt).length).toBeGreaterThan(50);
    expect(labs.filter((l) => l.hbGL !== undefined).length).toBeGreaterThan(50);
    for (const l of labs) {
      const parsed = labsSchema.safeParse(l);
      expect(parsed.success, JSON.stringify(l)).toBe(true);
      // zod drops keys it does not know: a generator key the server does not read would vanish here
      expect(parsed.data).toEqual(l);
    }
  });
});

describe('generator: marginal rates on a city-scale run (湖州市, one year, in memory)', () => {
  // generate without keeping rows: count what the rates are about as rows stream by
  const fates: PregnancyFate[] = [];
  const children: ChildFate[] = [];
  const counts = { women: 0, nonResident: 0, checkups: 0, stunted: 0, withLhaz: 0 };
  beforeAll(() => {
    const counties = countiesOf('330500');
    const births = shareBirths(counties, 22_500);
    const sink: RowSink = {
      add(table: string, row: Row) {
        if (table === 'pregnancy') {
          counts.women++;
          if (row.non_resident) counts.nonResident++;
        } else if (table === 'child_checkup') {
          counts.checkups++;
          if (typeof row.lhaz === 'number') {
            counts.withLhaz++;
            if (row.lhaz < -2) counts.stunted++;
          }
        }
      },
    };
    counties.forEach((c, k) => {
      const b = batch(2026, county(c.code, births[k]!, k), { idSlots: new Map() }, sink);
      fates.push(...b.pregnancies);
      children.push(...b.children);
    });
  }, 300_000);
  const share = <T>(xs: T[], f: (x: T) => boolean) => xs.filter(f).length / xs.length;
  const delivered = () => fates.filter((f) => f.delivered);
  const r = DEFAULT_RATES;

  it.each<[string, () => number, number, number]>([
    ['registration before 13 weeks', () => share(fates, (f) => f.early), r.earlyRegistration, 0.01],
    ['green', () => share(fates, (f) => f.category === 'green'), r.riskColour.green, 0.015],
    ['yellow', () => share(fates, (f) => f.category === 'yellow'), r.riskColour.yellow, 0.015],
    ['orange', () => share(fates, (f) => f.category === 'orange'), r.riskColour.orange, 0.008],
    ['red', () => share(fates, (f) => f.category === 'red'), r.riskColour.red, 0.004],
    ['purple', () => share(fates, (f) => f.category === 'purple'), r.riskColour.purple, 0.005],
    ['GDM', () => share(fates, (f) => f.gdm), r.gdm, 0.015],
    ['HBsAg positive', () => share(fates, (f) => f.hbsag), r.hbsag, 0.006],
    ['syphilis positive', () => share(fates, (f) => f.syphilis), r.syphilis, 0.0015],
    ['twins', () => share(fates, (f) => f.twins), r.twins, 0.004],
    ['5–12 antenatal visits planned', () => share(fates, (f) => f.visits >= 5 && f.visits <= 12), 0.9, 0.015],
    ['caesarean (of deliveries)', () => share(delivered(), (f) => f.caesarean), r.caesarean, 0.02],
    ['preterm (of deliveries)', () => share(delivered(), (f) => f.preterm), r.preterm, 0.01],
    ['low birth weight (of live births)', () => share(children, (c) => c.lowBirthWeight), r.lowBirthWeight, 0.012],
    ['non-resident women', () => counts.nonResident / counts.women, r.nonResident, 0.01],
    [
      'infant deaths (fate, per live birth)',
      () => share(children, (c) => c.deathAgeDays !== null && c.deathAgeDays < 365),
      r.infantMortality,
      0.002,
    ],
    [
      'under-5 deaths (fate, per live birth)',
      () => share(children, (c) => c.deathAgeDays !== null),
      r.under5Mortality,
      0.0025,
    ],
    ['stunting track', () => share(children, (c) => c.track === 'stunted'), r.stunting, 0.004],
    ['overweight track', () => share(children, (c) => c.track === 'overweight'), r.overweight, 0.008],
  ])('%s near the configured rate', (_label, observed, expected, tolerance) => {
    expect(Math.abs(observed() - expected)).toBeLessThanOrEqual(tolerance);
  });

  it('has a city-sized population, and check-ups find stunting at a plausible rate', () => {
    expect(fates.length).toBeGreaterThan(20_000);
    expect(children.length).toBeGreaterThan(10_000);
    const stunted = counts.stunted / counts.withLhaz;
    expect(stunted).toBeGreaterThan(0.01);
    expect(stunted).toBeLessThan(0.05);
  });

  it('maternal deaths are rare (about 15 per 100,000 live births)', () => {
    expect(fates.filter((f) => f.maternalDeath).length).toBeLessThan(20);
  });
});

describe('exposed infants', () => {
  it('are stored encrypted with the keyed facts the PMTCT measures count, as the child module stores them', () => {
    const crypto = createFieldCrypto(randomKeyRing());
    const rows = batch(2026, county('330902', 3000)).tables.get('exposed_infant') ?? [];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const contents = row._exposure as ExposureContents;
      resolveSecrets('exposed_infant', row, crypto);
      expect(row).toMatchObject({
        infections: null,
        high_exposure: null,
        doses: null,
        tests: null,
        final_status: null,
      });
      expect(JSON.parse(crypto.decrypt(row.data_enc as string))).toMatchObject({ infections: contents.infections });
      const scope = factScope(row as { county_code: string; person_id: string });
      const facts = exposureFacts(row._birth as BirthOf, contents);
      expect(facts).toContain(`inf:${contents.infections[0]}`);
      expect(row.facts).toEqual(facts.map((f) => crypto.factTag(scope, f)));
    }
  });
});
