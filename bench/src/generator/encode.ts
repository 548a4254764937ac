import { maskIdNumber, maskPhone } from '@fuyou/core';
import { sealExposure, type BirthOf, type ExposureContents } from '@fuyou/server/modules/child/exposure.facts';
import { createFieldCrypto, type FieldCrypto, type KeyRing } from '@fuyou/server/platform/crypto';
import { generateBatch, TABLE_ORDER, type RowSink } from './batch';
import { CopyBuffer } from './copy';
import type { BatchPlan, CountyPlan, CountyState, InjectedError, Row } from './model';
import type { GeneratorRates } from './rates';

/**
 * Fills the stored forms of the plaintext fields a generated row carries (`_idNumber`, `_phone`, `_result`,
 * `_data`, an exposed infant's `_exposure` with its `_birth`: data_enc and the keyed facts) with the server's field crypto: AES-256-GCM ciphertext, HMAC blind index and masked form, exactly as
 * the person service and the maternal services store them, so the running app can read bulk-loaded rows.
 */
export function resolveSecrets(table: string, row: Row, crypto: FieldCrypto): Row {
  if (table === 'person') {
    const id = row._idNumber as string | null;
    const phone = row._phone as string | null;
    row.id_number_enc = id ? crypto.encrypt(id) : null;
    row.id_number_hmac = id ? crypto.blindIndex(id) : null;
    row.id_number_masked = id ? maskIdNumber(id) : null;
    row.phone_enc = phone ? crypto.encrypt(phone) : null;
    row.phone_hmac = phone ? crypto.blindIndex(phone) : null;
    row.phone_masked = phone ? maskPhone(phone) : null;
  } else if (table === 'person_key') {
    row.id_number_hmac = crypto.blindIndex(row._idNumber as string);
  } else if (table === 'pmtct_test') {
    row.result_enc = crypto.encrypt(row._result as string);
  } else if (table === 'pmtct_record') {
    row.data_enc = crypto.encrypt(row._data as string);
  } else if (table === 'exposed_infant') {
    const key = { county_code: row.county_code as string, person_id: row.person_id as string };
    Object.assign(row, sealExposure(crypto, key, row._birth as BirthOf, row._exposure as ExposureContents));
  } else if (table === 'premarital_exam' || table === 'preconception_check') {
    row.female_infectious_enc = row._femaleInfectious ? crypto.encrypt(row._femaleInfectious as string) : null;
    row.male_infectious_enc = row._maleInfectious ? crypto.encrypt(row._maleInfectious as string) : null;
  }
  return row;
}

/** The COPY text of one table in one batch. */
export interface TableChunk {
  table: string;
  columns: string[];
  chunks: string[];
  rows: number;
}

/** A generated, encoded batch ready to load. */
export interface EncodedBatch {
  county: string;
  batchIndex: number;
  /** Last batch of its county (the loader then writes the county's summary audit event). */
  lastOfCounty: boolean;
  /** Planned pregnancies of the batch (progress unit). */
  planned: number;
  rows: number;
  tables: TableChunk[];
  errors: InjectedError[];
}

/** A row sink that encodes rows for COPY as they come, for the tables and columns that exist. */
export class EncodingSink implements RowSink {
  private readonly buffers = new Map<string, CopyBuffer>();

  constructor(
    private readonly columns: ReadonlyMap<string, ReadonlySet<string>>,
    private readonly crypto: FieldCrypto,
  ) {}

  add(table: string, row: Row): void {
    const existing = this.columns.get(table);
    if (!existing) return;
    let b = this.buffers.get(table);
    if (!b) {
      b = new CopyBuffer(table, existing);
      this.buffers.set(table, b);
    }
    b.add(resolveSecrets(table, row, this.crypto));
  }

  /** The encoded tables in load order; empties the sink. */
  take(): TableChunk[] {
    const out: TableChunk[] = [];
    for (const t of TABLE_ORDER) {
      const b = this.buffers.get(t);
      if (b && b.rows) out.push(b.take());
    }
    return out;
  }
}

/** What a producer needs to generate and encode the batches of a run. */
export interface ProduceJob {
  seed: number;
  counties: CountyPlan[];
  slices: Array<{ from: number; to: number }>;
  today: number;
  rates: GeneratorRates;
  outsideCounties: string[];
  createdBy: string;
  /** Existing columns by table (from information_schema). */
  columns: Record<string, string[]>;
  keys: KeyRing;
}

/** Planned pregnancies of a county in a slice (the same formula as the generator). */
export function plannedPregnancies(county: CountyPlan, slice: { from: number; to: number }, rates: GeneratorRates) {
  return Math.round(((county.birthsPerYear / (1 - rates.pregnancyLoss)) * (slice.to - slice.from)) / 365);
}

/** Generates and encodes every batch of a job, county by county, handing each to `emit` (awaited). */
export async function produceBatches(job: ProduceJob, emit: (b: EncodedBatch) => Promise<void>): Promise<void> {
  const crypto = createFieldCrypto(job.keys);
  const columns = new Map(Object.entries(job.columns).map(([t, cols]) => [t, new Set(cols)]));
  for (const county of job.counties) {
    const state: CountyState = { idSlots: new Map() };
    for (let k = 0; k < job.slices.length; k++) {
      const slice = job.slices[k]!;
      const sink = new EncodingSink(columns, crypto);
      const plan: BatchPlan = {
        seed: job.seed,
        county,
        batchIndex: k,
        lmpFrom: slice.from,
        lmpTo: slice.to,
        today: job.today,
        rates: job.rates,
        outsideCounties: job.outsideCounties,
        createdBy: job.createdBy,
      };
      const batch = generateBatch(plan, state, sink);
      const tables = sink.take();
      await emit({
        county: county.code,
        batchIndex: k,
        lastOfCounty: k === job.slices.length - 1,
        planned: plannedPregnancies(county, slice, job.rates),
        rows: tables.reduce((n, t) => n + t.rows, 0),
        tables,
        errors: batch.errors,
      });
    }
  }
}
