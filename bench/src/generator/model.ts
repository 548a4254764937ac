import type { GeneratorRates } from './rates';

/** A row of a table, keyed by column name. Keys starting with `_` hold plaintext that the writer encrypts. */
export type Row = Record<string, unknown>;

/** Rows by table name, in the order the tables must be loaded (parents before children). */
export type TableRows = Map<string, Row[]>;

/** The institutions of one county that the generated records refer to. */
export interface CountyInstitutions {
  /** The county maternal and child health hospital (midwifery, screening, child health). */
  mch: string;
  /** Hospitals where women deliver (the MCH hospital included). */
  hospitals: readonly string[];
  /** Township or community health centres that manage pregnancies and children. */
  clinics: readonly string[];
}

/** A county to generate. */
export interface CountyPlan {
  code: string;
  name: string;
  /** Position of the county in the run (0-based); keeps ID-number sequence slots of counties apart. */
  ordinal: number;
  /** Live births a year. */
  birthsPerYear: number;
  /** Townships (residence codes); empty means residence at county level. */
  townships: ReadonlyArray<{ code: string; name: string }>;
  institutions: CountyInstitutions;
}

/** One batch: the pregnancies of a county whose last menstrual period falls in [lmpFrom, lmpTo). */
export interface BatchPlan {
  seed: number;
  county: CountyPlan;
  batchIndex: number;
  /** Day numbers (days since 1970-01-01). */
  lmpFrom: number;
  lmpTo: number;
  /** Today: nothing happens after it. */
  today: number;
  rates: GeneratorRates;
  /** Counties that non-resident women come from (household registration elsewhere). */
  outsideCounties: readonly string[];
  /** The user id recorded as creator of the rows. */
  createdBy: string;
}

/** State kept across the batches of one county (ID-number sequence slots already used). */
export interface CountyState {
  idSlots: Map<string, number>;
}

/** A deliberately wrong value put into a row, so the data-quality checks have something to find. */
export interface InjectedError {
  table: string;
  id: string;
  kind: string;
}

/** The outcome of a pregnancy as drawn, before clipping at today (for rate checks). */
export interface PregnancyFate {
  pregnancyId: string;
  category: 'green' | 'yellow' | 'orange' | 'red' | 'purple';
  early: boolean;
  visits: number;
  loss: boolean;
  gdm: boolean;
  hiv: boolean;
  syphilis: boolean;
  hbsag: boolean;
  caesarean: boolean;
  preterm: boolean;
  twins: boolean;
  maternalDeath: boolean;
  /** Delivered on or before today. */
  delivered: boolean;
}

/** The fate of a live-born child as drawn (age at death in days, or null), before clipping at today. */
export interface ChildFate {
  personId: string;
  lowBirthWeight: boolean;
  deathAgeDays: number | null;
  track: 'normal' | 'stunted' | 'wasted' | 'overweight';
}

/** What one batch produced. */
export interface Batch {
  county: string;
  batchIndex: number;
  tables: TableRows;
  pregnancies: PregnancyFate[];
  children: ChildFate[];
  errors: InjectedError[];
}
