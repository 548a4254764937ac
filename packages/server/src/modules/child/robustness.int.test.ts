import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childWorld, daysAgo, registerChild, type ChildWorld } from './child.fixtures';

let w: ChildWorld;
let personId: string;
beforeAll(async () => {
  w = await childWorld();
  personId = (await registerChild(w.dh, 200)).person.id;
});
afterAll(async () => w?.s.close());

describe('bad input never gives a 500', () => {
  it.each([
    ['POST', '/api/v1/children', { name: 1, sex: 'x', birthDate: 'yesterday' }],
    ['POST', '/api/v1/children/not-a-uuid/checkups', { visitDate: '2024-01-01' }],
    [
      'POST',
      '/api/v1/children/{id}/checkups',
      { visitDate: '2024-01-01', weightKg: 'abc', exam: { liver: { normal: true } } },
    ],
    [
      'POST',
      '/api/v1/children/{id}/checkups',
      { visitDate: 'D', warningSigns: { checked: 'x' }, illness: [{ kind: 'flu' }] },
    ],
    [
      'POST',
      '/api/v1/children/{id}/checkups',
      { visitDate: '{today}', teeth: { caries: -1 }, referral: { reason: '' } },
    ],
    [
      'POST',
      '/api/v1/children/{id}/newborn-screening/liver/steps',
      { event: { step: 'sample', at: '2024-01-01T10:00' } },
    ],
    ['POST', '/api/v1/children/{id}/newborn-screening/metabolic/steps', { event: { step: 'fly', date: '2024-01-01' } }],
    [
      'POST',
      '/api/v1/children/{id}/newborn-screening/metabolic/steps',
      { event: { step: 'sample', at: '2024-13-01T25:00' } },
    ],
    [
      'POST',
      '/api/v1/children/{id}/death',
      { deathDate: '{today}', deathPlace: 'moon', underlyingCause: 'x', icd10: 'X' },
    ],
    ['PUT', '/api/v1/children/{id}/exposure', { infections: ['flu'] }],
    ['GET', '/api/v1/child-cases?page=0&status=open', undefined],
    ['GET', '/api/v1/child-worklist?horizon=1000', undefined],
    ['GET', '/api/v1/children/{id}/growth?indicator=iq', undefined],
    [
      'POST',
      '/api/v1/child-cases/00000000-0000-4000-8000-000000000000/confirm',
      { version: 1, openedOn: '2024-01-01' },
    ],
    ['PUT', '/api/v1/childcare-facilities/00000000-0000-4000-8000-000000000000/evaluation', { year: 1900 }],
  ])('%s %s', async (method, path, body) => {
    const p = path.replace('{id}', personId);
    const b = body === undefined ? undefined : JSON.parse(JSON.stringify(body).replace(/\{today\}/g, daysAgo(0)));
    const r = await (method === 'PUT' ? w.sup : w.dh).request(method, p, b);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.body.error.code).toBeTruthy();
  });
});
