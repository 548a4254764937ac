/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies in tests are checked field by field */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysAgo, maternalWorld, registered, yearsAgo, type MaternalWorld } from './maternal.fixtures';

let w: MaternalWorld;
/** Ids the bad requests point at: an antenatal pregnancy with a case, a referral and a delivered one. */
const ids: Record<string, string> = {};
beforeAll(async () => {
  w = await maternalWorld();
  const p = await registered(w.sup, 30 * 7, { registeredOn: daysAgo(10) }, { birthDate: yearsAgo(41) });
  ids.preg = p.id;
  ids.person = p.personId;
  const a = await w.sup.post(`/api/v1/pregnancies/${p.id}/risk-assessments`, { assessedOn: daysAgo(0), items: [] });
  ids.case = a.body.case.caseId;
  const ref = await w.sup.post(`/api/v1/pregnancies/${p.id}/referrals`, {
    referredOn: daysAgo(0),
    toInstitutionId: w.hospital,
    reason: '评估',
  });
  ids.referral = ref.body.id;
  const d = await registered(w.sup, 39 * 7, { registeredOn: daysAgo(100) });
  await w.sup.post(`/api/v1/pregnancies/${d.id}/delivery`, {
    deliveryDate: daysAgo(3),
    place: 'institution',
    institutionId: w.hospital,
    mode: 'spontaneous',
    maternalCondition: 'good',
    babies: [{ outcome: 'live_birth', sex: 'female' }],
  });
  ids.delivered = d.id;
});
afterAll(async () => w?.s.close());

/**
 * Every endpoint answers bad input with a 4xx whose zh-CN message and field list name the field (never a 500,
 * never a half-written record). [method, path, body, the field the answer must name].
 */
const CASES: Array<[string, string, unknown, string]> = [
  [
    'POST',
    '/api/v1/pregnancies',
    { personId: '{person}', registeredOn: '2024-02-30', gravidity: 1, parity: 0 },
    'registeredOn',
  ],
  ['POST', '/api/v1/pregnancies', { personId: 'x', registeredOn: '{today}', gravidity: 1, parity: 0 }, 'personId'],
  [
    'POST',
    '/api/v1/pregnancies',
    { personId: '{person}', registeredOn: '{today}', gravidity: 0, parity: 0 },
    'gravidity',
  ],
  [
    'POST',
    '/api/v1/pregnancies',
    { personId: '{person}', registeredOn: '{today}', gravidity: 1, parity: 0, heightCm: 'tall' },
    'heightCm',
  ],
  ['PATCH', '/api/v1/pregnancies/{preg}', { version: 1, scheduleId: 'weekly' }, 'scheduleId'],
  ['PATCH', '/api/v1/pregnancies/{preg}', { version: 1, parity: 'two' }, 'parity'],
  ['POST', '/api/v1/pregnancies/{preg}/end', { version: 1, reason: 'bored', endedOn: '{today}' }, 'reason'],
  ['POST', '/api/v1/pregnancies/{preg}/visits', { visitDate: 'tomorrow' }, 'visitDate'],
  ['POST', '/api/v1/pregnancies/{preg}/visits', { visitDate: '{today}', labs: { hbGL: 'low' } }, 'labs.hbGL'],
  [
    'POST',
    '/api/v1/pregnancies/{preg}/visits',
    { visitDate: '{today}', labs: { ogtt: { oneHourMmolL: 99 } } },
    'labs.ogtt.oneHourMmolL',
  ],
  [
    'POST',
    '/api/v1/pregnancies/{preg}/visits',
    { visitDate: '{today}', epdsScores: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3] },
    'epdsAction',
  ],
  ['POST', '/api/v1/pregnancies/{preg}/visits', { visitDate: '{today}', epdsScores: [1, 2, 'x'] }, 'epdsScores'],
  ['POST', '/api/v1/pregnancies/{preg}/visits', { visitDate: '{today}', referral: { reason: '' } }, 'referral.reason'],
  [
    'POST',
    '/api/v1/pregnancies/{preg}/risk-assessments',
    { assessedOn: '{today}', items: ['orange.unicorn'] },
    'items',
  ],
  [
    'POST',
    '/api/v1/pregnancies/{preg}/risk-assessments',
    { assessedOn: '{today}', items: [], colour: 'blue' },
    'colour',
  ],
  [
    'POST',
    '/api/v1/pregnancies/{preg}/risk-assessments',
    { assessedOn: '{today}', items: [], colour: 'green' },
    'overrideReason',
  ],
  ['PATCH', '/api/v1/high-risk-cases/{case}', { version: 'one' }, 'version'],
  [
    'PATCH',
    '/api/v1/high-risk-cases/{case}',
    { version: 1, deliveryHospitalId: '00000000-0000-4000-8000-000000000000' },
    'deliveryHospitalId',
  ],
  ['POST', '/api/v1/high-risk-cases/{case}/followups', { followupDate: '{today}', method: 'pigeon' }, 'method'],
  ['POST', '/api/v1/high-risk-cases/{case}/close', { version: 1, closedOn: '{today}', reason: 'bored' }, 'reason'],
  ['GET', '/api/v1/high-risk-cases?sort=age', undefined, 'sort'],
  ['GET', '/api/v1/high-risk-cases?township=33', undefined, 'township'],
  [
    'POST',
    '/api/v1/pregnancies/{preg}/referrals',
    { referredOn: '{today}', reason: '评估', urgency: 'now' },
    'urgency',
  ],
  ['POST', '/api/v1/pregnancies/{preg}/referrals', { referredOn: '{today}', reason: '评估' }, 'toInstitutionName'],
  [
    'POST',
    '/api/v1/maternal-referrals/{referral}/outcome',
    { version: 1, outcomeOn: '{today}', outcome: '' },
    'outcome',
  ],
  [
    'POST',
    '/api/v1/pregnancies/{preg}/delivery',
    { deliveryDate: '{today}', place: 'sky', mode: 'spontaneous', maternalCondition: 'good', babies: [] },
    'place',
  ],
  [
    'POST',
    '/api/v1/pregnancies/{preg}/delivery',
    {
      deliveryDate: '{today}',
      place: 'home',
      mode: 'caesarean',
      maternalCondition: 'good',
      babies: [{ outcome: 'live_birth', sex: 'male' }],
    },
    'caesareanIndication',
  ],
  [
    'POST',
    '/api/v1/pregnancies/{preg}/delivery',
    {
      deliveryDate: '{today}',
      place: 'home',
      mode: 'spontaneous',
      maternalCondition: 'good',
      babies: [{ outcome: 'live_birth', sex: 'male', weightG: 20000 }],
    },
    'babies.0.weightG',
  ],
  [
    'POST',
    '/api/v1/pregnancies/{preg}/delivery',
    {
      deliveryDate: '{today}',
      place: 'home',
      mode: 'spontaneous',
      maternalCondition: 'good',
      complications: ['pph'],
      babies: [{ outcome: 'live_birth', sex: 'male' }],
    },
    'bloodLossMl',
  ],
  [
    'POST',
    '/api/v1/pregnancies/{delivered}/postpartum-visits',
    { kind: 'home_visit', visitDate: '{today}', epdsScores: [0, 0, 0, 0, 0, 0, 0, 0, 0, 3] },
    'epdsAction',
  ],
  [
    'POST',
    '/api/v1/pregnancies/{delivered}/postpartum-visits',
    { kind: 'day42_check', visitDate: '{today}' },
    'visitDate',
  ],
  [
    'POST',
    '/api/v1/pregnancies/{delivered}/postpartum-visits',
    { kind: 'home_visit', visitDate: '{today}', pelvicFloor: 'weak' },
    'pelvicFloor',
  ],
  [
    'POST',
    '/api/v1/pregnancies/{preg}/pmtct-tests',
    { infection: 'flu', testedOn: '{today}', result: 'positive' },
    'infection',
  ],
  ['POST', '/api/v1/pregnancies/{preg}/prenatal-screenings', { method: 'tarot', screenedOn: '{today}' }, 'method'],
  [
    'POST',
    '/api/v1/maternal-deaths',
    { personId: '{person}', deathDate: '{today}', deathPlace: 'moon', underlyingCause: '出血', icd10: 'O72.1' },
    'deathPlace',
  ],
  [
    'POST',
    '/api/v1/maternal-deaths',
    { personId: '{person}', deathDate: '{today}', deathPlace: 'home', underlyingCause: '出血', icd10: '72' },
    'icd10',
  ],
  [
    'POST',
    '/api/v1/maternal-deaths',
    {
      personId: '{person}',
      deathDate: '{today}',
      deathPlace: 'home',
      underlyingCause: '出血',
      icd10: 'O72.1',
      birthAttendant: 'neighbour',
    },
    'birthAttendant',
  ],
  ['PUT', '/api/v1/maternal/schedule-choices', { regionCode: '33', scheduleId: 'anc-clinical-cma-2018' }, 'regionCode'],
  [
    'PUT',
    '/api/v1/maternal/schedule-choices',
    { regionCode: '999999', scheduleId: 'anc-clinical-cma-2018' },
    'regionCode',
  ],
  ['GET', '/api/v1/perinatal-deaths?from=yesterday', undefined, 'from'],
  ['GET', '/api/v1/maternal-worklist?kind=everything', undefined, 'kind'],
];

describe('bad input never gives a 500: a 4xx with a zh-CN message naming the field', () => {
  it.each(CASES)('%s %s %j → names %s', async (method, path, body, field) => {
    const p = path.replace(/\{(\w+)\}/g, (_, k: string) => ids[k] ?? k);
    const b =
      body === undefined
        ? undefined
        : JSON.parse(
            JSON.stringify(body)
              .replace(/\{today\}/g, daysAgo(0))
              .replace('{person}', ids.person!),
          );
    const r = await w.sup.request(method, p, b);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    const err = (r.body as any).error;
    expect(err.code).toBeTruthy();
    expect(err.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(err.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('a refused delivery leaves nothing behind: no delivery, no child', async () => {
    const before = await w.sup.get(`/api/v1/women/${ids.person}/maternal`);
    expect(before.body.current.delivered).toBe(false);
    const r = await w.sup.post(`/api/v1/pregnancies/${ids.preg}/delivery`, {
      deliveryDate: daysAgo(0),
      place: 'home',
      mode: 'spontaneous',
      maternalCondition: 'good',
      babies: [
        { outcome: 'live_birth', sex: 'male' },
        { outcome: 'stillbirth', sex: 'male', diedOn: daysAgo(0) },
      ],
    });
    expect(r.status).toBe(400);
    const after = await w.sup.get(`/api/v1/women/${ids.person}/maternal`);
    expect(after.body.current.delivered).toBe(false);
    expect(after.body.current.pregnancy.status).toBe('antenatal');
  });

  it('stale versions get 409: pregnancy, case, referral, death card', async () => {
    const preg = (await w.sup.get(`/api/v1/pregnancies/${ids.preg}`)).body;
    expect(
      (await w.sup.patch(`/api/v1/pregnancies/${ids.preg}`, { version: preg.version - 1, handbookNo: 'X' })).status,
    ).toBe(409);
    const c = (await w.sup.get(`/api/v1/high-risk-cases/${ids.case}`)).body;
    expect(
      (await w.sup.patch(`/api/v1/high-risk-cases/${ids.case}`, { version: c.version + 5, plan: '计划' })).status,
    ).toBe(409);
    const rec = await w.sup.post(`/api/v1/maternal-referrals/${ids.referral}/receive`, {
      version: 99,
      receivedOn: daysAgo(0),
    });
    expect(rec.status).toBe(409);
    const card = await w.sup.post('/api/v1/maternal-deaths', {
      personId: (await registered(w.sup, 20 * 7)).personId,
      deathDate: daysAgo(0),
      deathPlace: 'home',
      underlyingCause: '羊水栓塞',
      icd10: 'O88.1',
    });
    const stale = await w.sup.patch(`/api/v1/maternal-deaths/${card.body.id}`, {
      version: card.body.version + 1,
      reporter: 'x',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
  });
});
