/**
 * Freshness: a delivery recorded through the maternal API shows in the indicators without any rebuild, at the
 * latest when the count cache's freshness bound has passed (here 300 ms; 30 s by default, inside issue #6's minute).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysAgo, maternalWorld, type MaternalWorld } from '../maternal/maternal.fixtures';
import { currentReportYear } from './indicators.common';

let w: MaternalWorld;
// the report year of yesterday's delivery (on 1 October that is the year just ended)
const period = `${daysAgo(1) >= `${currentReportYear() - 1}-10-01` ? currentReportYear() : currentReportYear() - 1}RY`;

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

  it('the dashboard shows a new delivery after the bound, with a later data-as-of time', async () => {
    const card = async () => {
      const r = await w.sup.get(`/api/v1/indicators/dashboard?regionCode=330902&period=${period}`);
      expect(r.status).toBe(200);
      return {
        asOf: r.body.dataAsOf as string,
        births: r.body.cards.find((c: { indicatorId: string }) => c.indicatorId === 'hospital_delivery_rate')
          .denominator as number,
      };
    };
    const before = await card();
    const person = await w.dh.post('/api/v1/people', {
      name: '看板新鲜度',
      sex: 'female',
      birthDate: '1994-04-04',
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
    const recordedAt = new Date().toISOString();
    const d = await w.dh.post(`/api/v1/pregnancies/${preg.body.id}/delivery`, {
      deliveryDate: daysAgo(1),
      place: 'institution',
      institutionId: w.hospital,
      mode: 'spontaneous',
      maternalCondition: 'good',
      babies: [{ outcome: 'live_birth', sex: 'male', weightG: 3300 }],
    });
    expect(d.status).toBe(201);
    await new Promise((r) => setTimeout(r, 350));
    const after = await card();
    expect(after.births).toBe(before.births + 1);
    expect(after.asOf >= recordedAt).toBe(true);
  });
});
