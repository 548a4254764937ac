/**
 * Loads growth reference tables from the reference-data directory (outside the repository) and registers them in
 * core's growth registry. The directory is `FUYOU_GROWTH_REF_DIR`, default `<repo>/../shared/domain/who-growth`,
 * laid out as:
 * - `monthly_tables/{hfa,wfa,bmi}_{boys,girls}_z_WHO2007_exp.txt`: WHO Reference 2007 (5–19 years) → 'who2007';
 * - `daily_lms_0_5y/{weight_for_age,length_for_age,bmi_for_age,head_circumference_for_age,weight_for_length,
 *   weight_for_height}.txt` (or WHO's names weianthro.txt, lenanthro.txt, bmianthro.txt, hcanthro.txt,
 *   wflanthro.txt, wfhanthro.txt): WHO's igrowup LMS tables by day / 0.1 cm → 'who2006', replacing the built-in
 *   (interpolated) WHO 2006 reference, but only when all six tables are there and valid.
 * Nothing is copied into the repository. Missing files are reported, not fatal: core then leaves the scores that
 * need them undefined with a 'reference_not_available_*' flag.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  createDailyLmsReference,
  createWho2007Reference,
  parseIgrowupLmsTable,
  parseWhoLmsTable,
  registerGrowthReference,
  type GrowthIndicator,
  type GrowthReference,
  type GrowthSex,
  type LmsTables,
  type Who2007Indicator,
} from '@fuyou/core';
import { REPO_ROOT } from './config';

/** The reference-data directory: `FUYOU_GROWTH_REF_DIR`, else `<repo>/../shared/domain/who-growth`. */
export function growthReferenceDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.FUYOU_GROWTH_REF_DIR;
  return fromEnv ? resolve(fromEnv) : resolve(REPO_ROOT, '../shared/domain/who-growth');
}

/** A file that could not be used. */
export interface GrowthReferenceFileError {
  /** Path relative to the directory. */
  file: string;
  code: string;
  line?: number;
  message: string;
}

/** What {@link loadGrowthReferences} found. */
export interface GrowthReferenceLoadResult {
  dir: string;
  /** References built, ready to register. */
  references: GrowthReference[];
  /** Files looked for and not found (relative paths; for the daily tables, the first name tried). */
  missing: string[];
  errors: GrowthReferenceFileError[];
}

const WHO2007_FILES: Record<Who2007Indicator, string> = { lhfa: 'hfa', wfa: 'wfa', bmifa: 'bmi' };
const SEX_FILE: Record<GrowthSex, string> = { male: 'boys', female: 'girls' };

const DAILY_FILES: Record<GrowthIndicator, readonly string[]> = {
  wfa: ['weight_for_age.txt', 'weianthro.txt'],
  lhfa: ['length_for_age.txt', 'lenanthro.txt'],
  bmifa: ['bmi_for_age.txt', 'bmianthro.txt'],
  hcfa: ['head_circumference_for_age.txt', 'hcanthro.txt'],
  wfl: ['weight_for_length.txt', 'wflanthro.txt'],
  wfh: ['weight_for_height.txt', 'wfhanthro.txt'],
};

function readText(dir: string, rel: string): string | undefined {
  const path = join(dir, rel);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/**
 * Reads the reference tables under `dir` (default {@link growthReferenceDir}) and builds the references; does not
 * register them.
 */
export function loadGrowthReferences(dir: string = growthReferenceDir()): GrowthReferenceLoadResult {
  const result: GrowthReferenceLoadResult = { dir, references: [], missing: [], errors: [] };

  // WHO 2007, monthly, one file per indicator and sex
  const who2007: LmsTables<Who2007Indicator> = {};
  for (const [indicator, stem] of Object.entries(WHO2007_FILES) as [Who2007Indicator, string][]) {
    for (const sex of ['male', 'female'] as const) {
      const rel = join('monthly_tables', `${stem}_${SEX_FILE[sex]}_z_WHO2007_exp.txt`);
      const text = readText(dir, rel);
      if (text === undefined) {
        result.missing.push(rel);
        continue;
      }
      const parsed = parseWhoLmsTable(text);
      if (!parsed.ok) {
        result.errors.push({ file: rel, code: parsed.code, ...lineOf(parsed.line), message: parsed.messageEn });
        continue;
      }
      if (parsed.index !== 'month') {
        result.errors.push({ file: rel, code: 'growth_table_missing_column', message: 'expected a Month column' });
        continue;
      }
      who2007[indicator] = { ...who2007[indicator], [sex]: parsed.rows };
    }
  }
  if (Object.keys(who2007).length > 0) {
    result.references.push(createWho2007Reference(who2007, `WHO Growth Reference 2007 tables in ${dir}`));
  }

  // WHO 2006, igrowup daily tables: all six or none
  const daily: LmsTables = {};
  let dailyComplete = true;
  for (const [indicator, names] of Object.entries(DAILY_FILES) as [GrowthIndicator, readonly string[]][]) {
    const found = names.map((n) => join('daily_lms_0_5y', n)).find((rel) => existsSync(join(dir, rel)));
    if (!found) {
      result.missing.push(join('daily_lms_0_5y', names[0] as string));
      dailyComplete = false;
      continue;
    }
    const parsed = parseIgrowupLmsTable(readFileSync(join(dir, found), 'utf8'));
    if (!parsed.ok) {
      result.errors.push({ file: found, code: parsed.code, ...lineOf(parsed.line), message: parsed.messageEn });
      dailyComplete = false;
      continue;
    }
    const expectIndex = indicator === 'wfl' ? 'length' : indicator === 'wfh' ? 'height' : 'age';
    if (parsed.index !== expectIndex || parsed.rows.male.length === 0 || parsed.rows.female.length === 0) {
      result.errors.push({
        file: found,
        code: 'growth_table_missing_column',
        message: `expected ${expectIndex} rows for both sexes`,
      });
      dailyComplete = false;
      continue;
    }
    daily[indicator] = parsed.rows;
  }
  if (dailyComplete) {
    result.references.push(
      createDailyLmsReference(daily, {
        source: `WHO igrowup LMS tables by day and 0.1 cm in ${join(dir, 'daily_lms_0_5y')}`,
      }),
    );
  }
  return result;
}

function lineOf(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}

/**
 * Loads the references under `dir` and registers them in core's registry (replacing references with the same id).
 * Returns what was loaded, missing and rejected, for the start-up log.
 */
export function registerGrowthReferencesFromDir(dir: string = growthReferenceDir()): GrowthReferenceLoadResult {
  const result = loadGrowthReferences(dir);
  for (const ref of result.references) registerGrowthReference(ref);
  return result;
}
