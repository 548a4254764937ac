import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  getGrowthReference,
  growthZScores,
  lmsValueAt,
  lmsZ,
  parseIgrowupLmsTable,
  resetGrowthReferences,
  WHO_2006_BUILTIN_REFERENCE,
  type GrowthIndicator,
  type GrowthReference,
} from '@fuyou/core';
import { growthReferenceDir, loadGrowthReferences, registerGrowthReferencesFromDir } from './growth-reference-loader';

// The reference data live outside the repository: FUYOU_GROWTH_REF_DIR, or ../shared/domain/who-growth beside the
// clone (present in CI).
const DIR = growthReferenceDir();
const loaded = loadGrowthReferences(DIR);
const byId = (id: string): GrowthReference => {
  const ref = loaded.references.find((r) => r.id === id);
  if (!ref) throw new Error(`reference ${id} not loaded from ${DIR}`);
  return ref;
};

describe(`growth reference directory (${DIR})`, () => {
  it('defaults to <repo>/../shared/domain/who-growth and honours FUYOU_GROWTH_REF_DIR', () => {
    expect(growthReferenceDir({})).toMatch(/shared[/\\]domain[/\\]who-growth$/);
    expect(growthReferenceDir({ FUYOU_GROWTH_REF_DIR: '/srv/ref' })).toBe('/srv/ref');
  });

  it('loads WHO 2007 (monthly tables) and WHO 2006 (igrowup daily tables), nothing missing or rejected', () => {
    expect(loaded.missing).toEqual([]);
    expect(loaded.errors).toEqual([]);
    expect(loaded.references.map((r) => r.id).sort()).toEqual(['who2006', 'who2007']);
  });

  it('WHO 2007 domains: height- and BMI-for-age 61–228 months, weight-for-age 61–120 months; no W/H, no HC', () => {
    const ref = byId('who2007');
    expect(ref.domain('lhfa')).toEqual({ unit: 'day', min: 1857, max: 6939 });
    expect(ref.domain('bmifa')).toEqual({ unit: 'day', min: 1857, max: 6939 });
    expect(ref.domain('wfa')).toEqual({ unit: 'day', min: 1857, max: 3652 });
    expect(ref.domain('wfh')).toBeUndefined();
    expect(ref.domain('hcfa')).toBeUndefined();
  });
});

describe('WHO 2007 z-scores (who2007 macro: exact age in months, L/M/S linear between months)', () => {
  afterEach(() => resetGrowthReferences());

  it.each([
    // hfa_boys 61: 1 / 110.2647 / 0.04164, 62: 1 / 110.8006 / 0.04172 → 1872 d (61.50 mo), 115 cm: 0.97
    ['boys 1872 d height 115 cm', { sex: 'male', ageDays: 1872, heightCm: 115 }, 'lhaz', 0.97],
    // at 61.0 months (1856.69 d → day 1857 = 61.01 mo) the median
    ['boys 1857 d height at M (110.27 cm)', { sex: 'male', ageDays: 1857, heightCm: 110.27 }, 'lhaz', 0],
    // wfa_boys 61: −0.2026 / 18.5057 / 0.12988
    ['boys 1857 d weight at M (18.51 kg)', { sex: 'male', ageDays: 1857, weightKg: 18.51 }, 'waz', 0],
  ] as const)('%s', (_t, input, key, expected) => {
    registerGrowthReferencesFromDir(DIR);
    const z = growthZScores(input);
    expect(Math.abs((z[key] as number) - expected)).toBeLessThanOrEqual(0.01);
  });

  it('weight-for-age beyond 120 months: no reference, flagged; height still scored', () => {
    registerGrowthReferencesFromDir(DIR);
    const z = growthZScores({ sex: 'female', ageDays: 3700, weightKg: 30, heightCm: 135 });
    expect(z.waz).toBeUndefined();
    expect(z.flags).toContain('reference_not_available_waz');
    expect(z.flags).toContain('reference_not_available_wlhz');
    expect(z.lhaz).toBeDefined();
    expect(z.bmiz).toBeDefined();
  });

  it('BMI-for-age above +3 uses the restricted formula (WHO 2007 macro)', () => {
    const ref = byId('who2007');
    const lms = ref.lms('bmifa', 'male', 3000);
    if (!lms) throw new Error('no LMS');
    const sd3 = lmsValueAt(3, lms);
    const sd2 = lmsValueAt(2, lms);
    const bmi = sd3 + 2 * (sd3 - sd2);
    const z = growthZScores(
      { sex: 'male', ageDays: 3000, weightKg: bmi * 1.3 ** 2, heightCm: 130 },
      { references: [ref] },
    );
    expect(z.bmiz).toBe(5);
    expect(z.flags).toContain('reference_not_available_wlhz');
    expect(z.flags).not.toContain('implausible_bmiz');
  });

  it('after registering, the WHO daily tables replace the built-in WHO 2006', () => {
    registerGrowthReferencesFromDir(DIR);
    expect(getGrowthReference('who2006')).not.toBe(WHO_2006_BUILTIN_REFERENCE);
    resetGrowthReferences();
    expect(getGrowthReference('who2006')).toBe(WHO_2006_BUILTIN_REFERENCE);
  });
});

describe('Built-in WHO 2006 (jsgrowup weekly/monthly/0.5 cm tables, interpolated) against WHO igrowup daily/0.1 cm LMS', () => {
  const daily = byId('who2006');
  const indicators: GrowthIndicator[] = ['wfa', 'lhfa', 'bmifa', 'hcfa', 'wfl', 'wfh'];
  it.each(indicators.map((i) => [i]))(
    '%s: |Δz| < 0.01 for z in −3…+3 at every day 0–1856 / every 0.1 cm, both sexes',
    (indicator) => {
      const d = daily.domain(indicator);
      if (!d) throw new Error('no domain');
      let worst = 0;
      const step = d.unit === 'day' ? 1 : 0.1;
      for (const sex of ['male', 'female'] as const) {
        for (let i = 0; d.min + i * step <= d.max + 1e-9; i++) {
          const x = Math.round((d.min + i * step) * 10) / 10;
          const exact = daily.lms(indicator, sex, x);
          const ours = WHO_2006_BUILTIN_REFERENCE.lms(indicator, sex, x);
          if (!exact || !ours) throw new Error(`missing LMS ${indicator} ${sex} ${x}`);
          for (let z = -3; z <= 3; z += 0.5) worst = Math.max(worst, Math.abs(lmsZ(lmsValueAt(z, exact), ours) - z));
        }
      }
      expect(worst).toBeLessThan(0.01);
    },
  );
});

describe('WHO igrowup survey output (jsgrowup testdata/survey_z_st.csv) with WHO daily tables: identical to 2 decimals', () => {
  const require = createRequire(import.meta.url);
  const csv = readFileSync(join(dirname(require.resolve('jsgrowup/package.json')), 'testdata/survey_z_st.csv'), 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  const header = (lines[0] ?? '').split(',');
  const refs = loaded.references;
  it('every z-score of the 497 children equals WHO’s', () => {
    let n = 0;
    const diffs: string[] = [];
    for (const line of lines.slice(1)) {
      const c = line.split(',');
      const col = (name: string) => c[header.indexOf(name)]?.trim() ?? '';
      const num = (s: string) => (s === '' ? undefined : Number(s));
      const ageDays = num(col('_agedays'));
      if (ageDays === undefined) continue;
      const h = num(col('HEIGHT'));
      const m = col('measure').toLowerCase();
      const lying = m === 'l' ? true : m === 'h' ? false : ageDays < 731;
      const w = num(col('WEIGHT'));
      const hc = num(col('HEAD'));
      const z = growthZScores(
        {
          sex: col('GENDER') === '1' ? 'male' : 'female',
          ageDays,
          ...(w === undefined ? {} : { weightKg: w }),
          ...(h === undefined ? {} : lying ? { lengthCm: h } : { heightCm: h }),
          ...(hc === undefined ? {} : { headCm: hc }),
        },
        { references: refs },
      );
      for (const [key, name] of [
        ['waz', '_ZWEI'],
        ['lhaz', '_ZLEN'],
        ['wlhz', '_ZWFL'],
        ['bmiz', '_ZBMI'],
        ['hcz', '_ZHC'],
      ] as const) {
        if (col('oedema') === 'y' && key !== 'lhaz' && key !== 'hcz') continue;
        const exp = num(col(name));
        if (exp === undefined) continue;
        n++;
        if (z[key] !== exp) diffs.push(`${col('id')} ${key}: WHO ${exp}, ours ${z[key]}`);
      }
    }
    expect(n).toBeGreaterThan(1900);
    expect(diffs).toEqual([]);
  });
});

describe('loader on other directories', () => {
  const tmp = () => mkdtempSync(join(tmpdir(), 'fuyou-growth-'));

  it('an empty directory: nothing loaded, every file reported missing', () => {
    const r = loadGrowthReferences(tmp());
    expect(r.references).toEqual([]);
    expect(r.missing).toHaveLength(12);
    expect(r.missing).toContain(join('monthly_tables', 'hfa_girls_z_WHO2007_exp.txt'));
    expect(r.missing).toContain(join('daily_lms_0_5y', 'weight_for_length.txt'));
  });

  it('a broken WHO 2007 file is rejected with its code and line; the other files still load', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'monthly_tables'));
    writeFileSync(
      join(dir, 'monthly_tables', 'hfa_boys_z_WHO2007_exp.txt'),
      'Month\tL\tM\tS\n61\t1\t110.2647\t0.04164\n62\t1\tx\t0.04172\n',
    );
    writeFileSync(
      join(dir, 'monthly_tables', 'hfa_girls_z_WHO2007_exp.txt'),
      readFileSync(join(DIR, 'monthly_tables', 'hfa_girls_z_WHO2007_exp.txt'), 'utf8'),
    );
    const r = loadGrowthReferences(dir);
    expect(r.errors).toEqual([
      {
        file: join('monthly_tables', 'hfa_boys_z_WHO2007_exp.txt'),
        code: 'growth_table_bad_number',
        line: 3,
        message: expect.any(String),
      },
    ]);
    const ref = r.references.find((x) => x.id === 'who2007');
    expect(ref?.lms('lhfa', 'female', 2000)).toBeDefined();
    expect(ref?.lms('lhfa', 'male', 2000)).toBeUndefined();
  });

  it('incomplete daily tables are not registered as who2006 (the built-in stays)', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'daily_lms_0_5y'));
    writeFileSync(
      join(dir, 'daily_lms_0_5y', 'weianthro.txt'),
      readFileSync(join(DIR, 'daily_lms_0_5y', 'weight_for_age.txt'), 'utf8'),
    );
    const r = loadGrowthReferences(dir);
    expect(r.references.map((x) => x.id)).toEqual([]);
    expect(r.missing).toContain(join('daily_lms_0_5y', 'length_for_age.txt'));
    expect(r.missing).not.toContain(join('daily_lms_0_5y', 'weight_for_age.txt'));
    const parsed = parseIgrowupLmsTable(readFileSync(join(dir, 'daily_lms_0_5y', 'weianthro.txt'), 'utf8'));
    expect(parsed.ok && parsed.rows.male.length).toBe(1857);
  });
});
