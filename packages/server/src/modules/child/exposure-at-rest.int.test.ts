/**
 * The exposed infant's record at rest (migration 0048): encrypted contents and keyed facts, the PMTCT measures
 * counting the facts, the job that encrypts the rows stored in plain before 0048, and the facts re-timed when the
 * birth time is corrected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, withScope } from '@fuyou/db';
import type { Client } from '../../testing';
import { countMeasures, createTableCheck } from '../indicators/engine';
import { insertRow, json } from '../indicators/indicators.fixtures';
import { childWorld, daysAgo, registerChild, type ChildWorld } from './child.fixtures';
import { encryptPlainExposures, EXPOSURE_ENCRYPT_JOB, exposureFacts, factScope } from './exposure.facts';

const DH = '330902';
const PMTCT_MEASURES = [
  'hiv_exposed_live_births',
  'hiv_exposed_infants_on_arv',
  'hiv_exposed_infants_status_known',
  'hiv_exposed_infants_infected',
  'syphilis_exposed_live_births',
  'syphilis_exposed_infants_treated',
  'congenital_syphilis_cases',
  'hbv_exposed_live_births',
  'hbv_exposed_infants_hbig_timely',
  'hbv_exposed_infants_hepb1_timely',
  'hbv_exposed_infants_tested',
  'hbv_exposed_infants_hbsag_positive',
] as const;

let w: ChildWorld;
let pmtct: Client;
beforeAll(async () => {
  w = await childWorld();
  pmtct = await w.s.login(await w.s.user('clinician', { institutionId: w.inst, permissions: ['pmtct'] }));
});
afterAll(async () => w?.s.close());

/** The stored row, read as the database owner (no row-level security). */
async function rawRow(personId: string) {
  const r = await sql<{
    infections: string[] | null;
    high_exposure: boolean | null;
    doses: unknown;
    tests: unknown;
    final_status: unknown;
    data_enc: string | null;
    facts: string[];
  }>`select infections, high_exposure, doses, tests, final_status, data_enc, facts from exposed_infant
    where county_code = ${DH} and person_id = ${personId}`.execute(w.s.db.db);
  return r.rows[0]!;
}

/** The PMTCT measures of the children born on one day. */
async function pmtctCounts(day: string) {
  const r = await withScope(w.s.db.db, { counties: [DH] }, (trx) =>
    countMeasures(
      trx,
      {
        measureIds: [...PMTCT_MEASURES],
        counties: [DH],
        scope: [DH],
        from: day,
        to: day,
        basis: 'residence',
        factKey: w.s.app.services.crypto.factPads(),
      },
      createTableCheck(),
    ),
  );
  return Object.fromEntries(PMTCT_MEASURES.map((id) => [id, r.get(id)!.total]));
}

const PLAIN_WORDS = ['hiv', 'syphilis', 'hbv', 'positive', 'negative', 'infected', 'not_infected', 'true', 'false'];

describe('the exposed infant at rest', () => {
  it('recorded through the API, the row holds ciphertext and keyed facts only; the measures count it', async () => {
    const child = await registerChild(w.dh, 3, { birthTime: '08:30' });
    const id = child.person.id as string;
    const birth = daysAgo(3);
    const put = await pmtct.request('PUT', `/api/v1/children/${id}/exposure`, {
      infections: ['hiv', 'hbv'],
      highExposure: true,
    });
    expect(put.status).toBe(201);
    let version = put.body.version as number;
    for (const rec of [
      { code: 'hbv.infant_hbig', at: `${birth}T10:00` }, // within 12 h
      { code: 'hbv.infant_hepb1', at: `${daysAgo(2)}T09:00` }, // 24.5 h: not timely
      { code: 'hiv.infant_arv_high', at: `${birth}T12:00` },
    ]) {
      const r = await pmtct.post(`/api/v1/children/${id}/exposure/records`, { ...rec, version });
      expect(r.status).toBe(200);
      version = r.body.version;
    }

    const row = await rawRow(id);
    expect(row).toMatchObject({ infections: null, high_exposure: null, doses: null, tests: null, final_status: null });
    expect(row.data_enc).toMatch(/^v1:[^:]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    for (const word of [...PLAIN_WORDS, 'hbv.infant_hbig', 'infant']) expect(row.data_enc).not.toContain(word);
    expect(row.facts.length).toBeGreaterThan(0);
    for (const f of row.facts) {
      expect(f).toMatch(/^[0-9a-f]{32}$/);
      expect(PLAIN_WORDS).not.toContain(f);
    }
    // the facts are the keyed tags of what the measures count, salted by the record
    const crypto = w.s.app.services.crypto;
    const scope = factScope({ county_code: DH, person_id: id });
    const expected = ['inf:hbv', 'inf:hiv', 'dose:hbv.infant_hbig', 'timely:hbv.infant_hbig', 'dose:hbv.infant_hepb1'];
    expected.push('dose:hiv.infant_arv_high', 'timely:hiv.infant_arv_high');
    expect([...row.facts].sort()).toEqual(expected.map((f) => crypto.factTag(scope, f)).sort());

    // the contents come back decrypted to pmtct users only
    const page = await pmtct.get(`/api/v1/children/${id}`);
    expect(page.body.exposure).toMatchObject({ infections: ['hiv', 'hbv'], highExposure: true });
    const other = await w.dh.get(`/api/v1/children/${id}`);
    expect(other.status).toBe(200);
    expect(other.body.exposure).toBeNull();

    expect(await pmtctCounts(birth)).toEqual({
      hiv_exposed_live_births: 1,
      hiv_exposed_infants_on_arv: 1,
      hiv_exposed_infants_status_known: 0,
      hiv_exposed_infants_infected: 0,
      syphilis_exposed_live_births: 0,
      syphilis_exposed_infants_treated: 0,
      congenital_syphilis_cases: 0,
      hbv_exposed_live_births: 1,
      hbv_exposed_infants_hbig_timely: 1,
      hbv_exposed_infants_hepb1_timely: 0,
      hbv_exposed_infants_tested: 0,
      hbv_exposed_infants_hbsag_positive: 0,
    });

    // a corrected birth time re-times the doses (the job the person trigger of 0022 queues)
    await sql`update person set birth_time = '23:30' where county_code = ${DH} and id = ${id}`.execute(w.s.db.db);
    while ((await w.s.app.services.jobs.runDue(50)) > 0);
    const retimed = await pmtctCounts(birth);
    expect(retimed.hbv_exposed_infants_hbig_timely).toBe(1);
    expect(retimed.hbv_exposed_infants_hepb1_timely).toBe(1); // 9.5 h after 23:30
    expect((await rawRow(id)).infections).toBeNull();
  });

  it('the job of 0048 encrypts the rows stored in plain before it, in batches, once', async () => {
    const day = daysAgo(40);
    const plain = async (infections: string[], doses: object[], tests: object[], finalStatus: object) => {
      const child = await registerChild(w.dh, 40);
      const id = child.person.id as string;
      // a row as written before 0048 (the owner bypasses the services)
      await insertRow(w.s.db.db, 'exposed_infant', {
        county_code: DH,
        person_id: id,
        infections,
        high_exposure: infections.includes('hiv'),
        doses: json(doses),
        tests: json(tests),
        final_status: json(finalStatus),
      });
      return id;
    };
    const a = await plain(['syphilis'], [{ code: 'syphilis.infant_prophylaxis', at: `${day}T10:00` }], [], {
      syphilis: { status: 'infected', decidedOn: daysAgo(1) },
    });
    const b = await plain(
      ['hbv'],
      [{ code: 'hbv.infant_hbig', at: day }],
      [{ code: 'hbv.infant_serology', at: daysAgo(1), result: 'positive' }],
      {},
    );
    const before = await pmtct.get(`/api/v1/children/${a}/exposure`);
    expect(before.status).toBe(200);
    expect(before.body.infections).toEqual(['syphilis']);

    await w.s.app.services.jobs.enqueue(EXPOSURE_ENCRYPT_JOB);
    while ((await w.s.app.services.jobs.runDue(50)) > 0);

    for (const id of [a, b]) {
      const row = await rawRow(id);
      expect(row).toMatchObject({
        infections: null,
        high_exposure: null,
        doses: null,
        tests: null,
        final_status: null,
      });
      expect(row.data_enc).toMatch(/^v1:/);
    }
    const after = await pmtct.get(`/api/v1/children/${a}/exposure`);
    expect(after.body).toEqual(before.body);
    const rowB = await rawRow(b);
    const scope = factScope({ county_code: DH, person_id: b });
    const facts = exposureFacts(
      { birth_date: day, birth_time: null },
      {
        infections: ['hbv'],
        high_exposure: false,
        doses: [{ code: 'hbv.infant_hbig', at: day }],
        tests: [{ code: 'hbv.infant_serology', at: daysAgo(1), result: 'positive' }],
        final_status: {},
      },
    );
    expect(facts).toEqual([
      'dose:hbv.infant_hbig',
      'inf:hbv',
      'test:hbv.infant_serology:positive',
      'timely:hbv.infant_hbig',
    ]);
    expect([...rowB.facts].sort()).toEqual(facts.map((f) => w.s.app.services.crypto.factTag(scope, f)).sort());
    expect(await pmtctCounts(day)).toMatchObject({
      syphilis_exposed_live_births: 1,
      syphilis_exposed_infants_treated: 1,
      congenital_syphilis_cases: 1,
      hbv_exposed_live_births: 1,
      hbv_exposed_infants_hbig_timely: 1,
      hbv_exposed_infants_tested: 1,
      hbv_exposed_infants_hbsag_positive: 1,
    });

    // idempotent: nothing left to encrypt, the ciphertext is not rewritten; batches of one go through every row
    expect(await encryptPlainExposures(w.s.db.db, w.s.app.services.crypto)).toBe(0);
    const enc = (await rawRow(a)).data_enc;
    const c = await plain(['hiv'], [], [], {});
    const d = await plain(['hbv'], [], [], {});
    expect(await encryptPlainExposures(w.s.db.db, w.s.app.services.crypto, 1)).toBe(2);
    expect((await rawRow(c)).data_enc).toMatch(/^v1:/);
    expect((await rawRow(d)).data_enc).toMatch(/^v1:/);
    expect((await rawRow(a)).data_enc).toBe(enc);
  });

  it('refuses a row with ciphertext and plaintext both (the CHECK of 0048)', async () => {
    const child = await registerChild(w.dh, 10);
    await expect(
      insertRow(w.s.db.db, 'exposed_infant', {
        county_code: DH,
        person_id: child.person.id,
        infections: ['hiv'],
        data_enc: w.s.app.services.crypto.encrypt('{}'),
      }),
    ).rejects.toThrow(/exposed_infant_encrypted/);
  });
});
