/**
 * Freshness: a delivery recorded through the maternal API shows in the indicators without any rebuild, at the
 * latest when the count cache's freshness bound has passed (here 300 ms; 30 s by default, inside issue #6's minute).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysAgo, maternalWorld, type MaternalWorld } from '../maternal/maternal.fixtures';
import { currentReportYear } from './indicators.common';

let w: MaternalWorld;
const period = `${currentReportYear()}RY`;

beforeAll(async () => {
  process.env.FUYOU_INDICATOR_CACHE_MS = '300';
  w = await maternalWorld();
});
afterAll(async () => {
  await w?.s.close();
});

async function liveBirths(): Promise<number> {
  const r = await w.sup.get(`/api/v1/indicators/values/hospital_delivery_rate?regionCode=330902&period=${period}`);
  expect(r.status).toBe(200);
  return r.body.denominator as number;
}

describe('freshness of the live engine', () => {
  it('a delivery recorded through the maternal API is counted once the cache bound has passed', async () => {
    const before = await liveBirths();
    const person = await w.dh.post('/api/v1/people', {
      name: '新鲜度测试',
      sex: 'female',
      birthDate: '1995-03-03',
      idType: 'none',
      residenceRegionCode: '330902',
    });
    const preg = await w.dh.post('/api/v1/pregnancies', {
      personId: person.body.id,
      registeredOn: daysAgo(200),
      lmp: daysAgo(270),
      gravidity: 1,
      parity: 0,
    });
    expect(preg.status).toBe(201);
    const d = await w.dh.post(`/api/v1/pregnancies/${preg.body.id}/delivery`, {
      deliveryDate: daysAgo(1),
      place: 'institution',
      institutionId: w.hospital,
      mode: 'spontaneous',
      maternalCondition: 'good',
      babies: [{ outcome: 'live_birth', sex: 'female', weightG: 3100 }],
    });
    expect(d.status).toBe(201);
    // within the bound the cached figure may still be served …
    const cached = await liveBirths();
    expect([before, before + 1]).toContain(cached);
    // … and after it the new birth is there
    await new Promise((r) => setTimeout(r, 350));
    expect(await liveBirths()).toBe(before + 1);
  });
});
