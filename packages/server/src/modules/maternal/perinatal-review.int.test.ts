/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies in tests are checked field by field */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, withScope } from '@fuyou/db';
import type { Client } from '../../testing';
import { countMeasures, createTableCheck } from '../indicators/engine';
import { daysAgo, maternalWorld, registered, type MaternalWorld } from './maternal.fixtures';

let w: MaternalWorld;
/** County MCH supervisor of 普陀 330903 (care.supervise in another county). */
let ptSup: Client;
beforeAll(async () => {
  w = await maternalWorld();
  ptSup = await w.s.login(await w.s.user('mch_supervisor', { institutionId: w.ptInst, jurisdiction: '330903' }));
});
afterAll(async () => w?.s.close());

const delivery = (babies: unknown[]) => ({
  deliveryDate: daysAgo(1),
  deliveryTime: '10:00',
  place: 'institution',
  institutionId: w.hospital,
  mode: 'spontaneous',
  maternalCondition: 'good',
  babies,
});

const put = (c: Client, path: string, body: unknown) => c.request('PUT', path, body);

const review = (extra: Record<string, unknown> = {}) => ({
  level: 'county',
  reviewedOn: daysAgo(0),
  conclusion: 'conditionally_avoidable',
  factors: { 'health_system.knowledge_skill': '胎心监护异常未及时处理' },
  actions: '加强产时胎心监护培训',
  ...extra,
});

/** Infant deaths and perinatal stillbirths of 定海 in the last month, as the indicator engine counts them. */
async function indicatorCounts() {
  const req = {
    measureIds: ['infant_deaths', 'part_perinatal_stillbirths'],
    counties: ['330902'],
    scope: ['330902'],
    from: daysAgo(30),
    to: daysAgo(0),
    basis: 'residence' as const,
    factKey: w.s.app.services.crypto.factPads(),
  };
  const r = await withScope(w.s.db.db, { counties: req.scope }, (trx) => countMeasures(trx, req, createTableCheck()));
  return {
    infant: r.get('infant_deaths')?.byKey.get('330902') ?? 0,
    stillbirths: r.get('part_perinatal_stillbirths')?.byKey.get('330902') ?? 0,
  };
}

/** Twins at 30 weeks: the first born alive and dying on the day, the second stillborn. */
async function twins() {
  const p = await registered(w.dh, 30 * 7 + 1, { registeredOn: daysAgo(150) });
  const d = await w.dh.post(
    `/api/v1/pregnancies/${p.id}/delivery`,
    delivery([
      { outcome: 'live_birth', sex: 'male', weightG: 1500, diedOn: daysAgo(1), diedTime: '16:30' },
      { outcome: 'stillbirth', sex: 'female', weightG: 1300 },
    ]),
  );
  expect(d.status).toBe(201);
  const list = await w.dh.get(`/api/v1/perinatal-deaths?from=${daysAgo(2)}`);
  const mine = list.body.filter((x: { pregnancyId: string }) => x.pregnancyId === p.id);
  const still = mine.find((x: any) => x.kind === 'stillbirth');
  const neonatal = mine.find((x: any) => x.kind === 'early_neonatal');
  return { p, still, neonatal };
}

describe('perinatal death review of a stillbirth recorded at delivery (issue #3 §9, issue #4 §7)', () => {
  it('a stillborn twin is pending, is reviewed, and then shows reviewed; the review is audited', async () => {
    const { p, still, neonatal } = await twins();
    expect(still).toMatchObject({ birthOrder: 2, perinatal: true, reviewStatus: 'pending', reviews: [] });
    // the live-born twin is reviewed on the child's death card, not here
    expect(neonatal.reviewStatus).toBeNull();
    const pending = await w.dh.get(`/api/v1/perinatal-deaths?review=pending&from=${daysAgo(2)}`);
    expect(pending.body.map((x: any) => x.id)).toContain(still.id);
    expect(pending.body.map((x: any) => x.id)).not.toContain(neonatal.id);

    // the clinician has no care.supervise: 403, nothing written
    const denied = await put(w.dh, `/api/v1/perinatal-deaths/${still.id}/review`, review());
    expect(denied.status).toBe(403);

    const r = await put(w.sup, `/api/v1/perinatal-deaths/${still.id}/review`, review());
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      birthOutcomeId: still.id,
      level: 'county',
      conclusion: 'conditionally_avoidable',
      version: 1,
      factors: { 'health_system.knowledge_skill': '胎心监护异常未及时处理' },
    });

    const after = await w.dh.get(`/api/v1/perinatal-deaths?from=${daysAgo(2)}`);
    const row = after.body.find((x: any) => x.id === still.id);
    expect(row).toMatchObject({
      reviewStatus: 'reviewed',
      reviews: [{ level: 'county', reviewedOn: daysAgo(0), conclusion: 'conditionally_avoidable', version: 1 }],
    });
    const reviewed = await w.dh.get(`/api/v1/perinatal-deaths?review=reviewed&from=${daysAgo(2)}`);
    expect(reviewed.body.map((x: any) => x.id)).toEqual([still.id]);
    const stillPending = await w.dh.get(`/api/v1/perinatal-deaths?review=pending&from=${daysAgo(2)}`);
    expect(stillPending.body.map((x: any) => x.id)).not.toContain(still.id);

    // the county panel changes its review at the version it read
    const up = await put(
      w.sup,
      `/api/v1/perinatal-deaths/${still.id}/review`,
      review({ conclusion: 'avoidable', version: 1 }),
    );
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ level: 'county', conclusion: 'avoidable', version: 2 });

    const audit = await sql<{ action: string }>`select action from audit_event where entity_type = 'birth_outcome'
      and entity_id = ${still.id} and action like 'maternal.perinatal.review%' order by seq`.execute(w.s.db.db);
    expect(audit.rows.map((a) => a.action)).toEqual(['maternal.perinatal.review', 'maternal.perinatal.review.update']);
    expect(p.id).toBeTruthy();
  });

  it('bad input: 400 naming the field, nothing written', async () => {
    const { still } = await twins();
    const url = `/api/v1/perinatal-deaths/${still.id}/review`;
    const bad = await put(w.sup, url, review({ conclusion: 'maybe' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('conclusion');
    expect(bad.body.error.message).toContain('评审结论无效');
    const cell = await put(w.sup, url, review({ factors: { 'health_system.weather': 'x' } }));
    expect(cell.status).toBe(400);
    expect(JSON.stringify(cell.body.error.fields)).toContain('factors');
    const early = await put(w.sup, url, review({ reviewedOn: daysAgo(5) }));
    expect(early.status).toBe(400);
    expect(early.body.error.fields[0]).toMatchObject({
      field: 'reviewedOn',
      messageZh: '评审日期应在分娩日期与今天之间',
    });
    const list = await w.dh.get(`/api/v1/perinatal-deaths?from=${daysAgo(2)}`);
    expect(list.body.find((x: any) => x.id === still.id).reviewStatus).toBe('pending');
  });

  it('a stale version is 409 and does not overwrite; a second "first" review is 409 too', async () => {
    const { still } = await twins();
    const url = `/api/v1/perinatal-deaths/${still.id}/review`;
    expect((await put(w.sup, url, review())).status).toBe(201);
    const again = await put(w.sup, url, review({ conclusion: 'unavoidable' }));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('STALE_VERSION');
    expect((await put(w.sup, url, review({ conclusion: 'avoidable', version: 1 }))).status).toBe(200);
    const stale = await put(w.sup, url, review({ conclusion: 'unavoidable', version: 1 }));
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'STALE_VERSION', currentVersion: 2 });
    const list = await w.dh.get(`/api/v1/perinatal-deaths?from=${daysAgo(2)}`);
    expect(list.body.find((x: any) => x.id === still.id).reviews).toMatchObject([
      { level: 'county', conclusion: 'avoidable', version: 2 },
    ]);
  });

  it('another county neither sees nor reviews it (404); a live-born death is not reviewed here (409)', async () => {
    const { still, neonatal } = await twins();
    const pt = await ptSup.get('/api/v1/perinatal-deaths');
    expect(pt.status).toBe(200);
    expect(pt.body.map((x: any) => x.id)).not.toContain(still.id);
    const other = await put(ptSup, `/api/v1/perinatal-deaths/${still.id}/review`, review());
    expect(other.status).toBe(404);
    const live = await put(w.sup, `/api/v1/perinatal-deaths/${neonatal.id}/review`, review());
    expect(live.status).toBe(409);
    expect(live.body.error.code).toBe('NOT_PERINATAL_STILLBIRTH');
    const list = await w.dh.get(`/api/v1/perinatal-deaths?from=${daysAgo(2)}`);
    expect(list.body.find((x: any) => x.id === still.id).reviewStatus).toBe('pending');
  });

  it('a reviewed stillbirth is no child death: not in the child deaths, not an infant death', async () => {
    const before = await indicatorCounts();
    const deathsBefore = await w.sup.get('/api/v1/child-deaths?pageSize=100');
    expect(deathsBefore.status).toBe(200);
    const p = await registered(w.dh, 32 * 7, { registeredOn: daysAgo(150) });
    const d = await w.dh.post(
      `/api/v1/pregnancies/${p.id}/delivery`,
      delivery([{ outcome: 'stillbirth', sex: 'male', weightG: 1700 }]),
    );
    expect(d.status).toBe(201);
    expect(d.body.babies[0].childPersonId).toBeNull();
    const list = await w.dh.get(`/api/v1/perinatal-deaths?from=${daysAgo(2)}`);
    const still = list.body.find((x: any) => x.pregnancyId === p.id);
    expect((await put(w.sup, `/api/v1/perinatal-deaths/${still.id}/review`, review())).status).toBe(201);

    const deathsAfter = await w.sup.get('/api/v1/child-deaths?pageSize=100');
    expect(deathsAfter.body.total).toBe(deathsBefore.body.total);
    const after = await indicatorCounts();
    expect(after.infant).toBe(before.infant);
    // it does count where it belongs: a perinatal stillbirth of the county
    expect(after.stillbirths).toBe(before.stillbirths + 1);
  });
});

describe('perinatal death review kept per committee level (issue #3 §9: county, city, province)', () => {
  it('a county review then a city review of the same stillbirth: both kept, in level order, each versioned', async () => {
    const { still } = await twins();
    const url = `/api/v1/perinatal-deaths/${still.id}/review`;
    // the city panel reviews first in time, the county's comes later: the list still goes county, city
    const city = await put(
      w.city,
      url,
      review({ level: 'city', conclusion: 'avoidable', factors: { 'society.resources': '转运车辆不足' } }),
    );
    expect(city.status).toBe(201);
    expect(city.body).toMatchObject({ level: 'city', version: 1, factors: { 'society.resources': '转运车辆不足' } });
    const county = await put(w.sup, url, review());
    expect(county.status).toBe(201);
    expect(county.body).toMatchObject({ level: 'county', conclusion: 'conditionally_avoidable', version: 1 });

    const all = await w.dh.get(`/api/v1/perinatal-deaths/${still.id}/reviews`);
    expect(all.status).toBe(200);
    expect(all.body.map((r: any) => [r.level, r.conclusion, r.version])).toEqual([
      ['county', 'conditionally_avoidable', 1],
      ['city', 'avoidable', 1],
    ]);
    const listed = await w.dh.get(`/api/v1/perinatal-deaths?review=reviewed&from=${daysAgo(2)}`);
    const row = listed.body.find((x: any) => x.id === still.id);
    expect(row.reviewStatus).toBe('reviewed');
    expect(row.reviews.map((r: any) => r.level)).toEqual(['county', 'city']);

    // each level has its own version: the county's change leaves the city's review as it was
    const changed = await put(w.sup, url, review({ conclusion: 'unavoidable', version: 1 }));
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ level: 'county', conclusion: 'unavoidable', version: 2 });
    const stale = await put(w.city, url, review({ level: 'city', conclusion: 'unavoidable', version: 2 }));
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'STALE_VERSION', currentVersion: 1 });
    // a second "first" review of a level already reviewed is refused, it does not overwrite
    const again = await put(w.city, url, review({ level: 'city', conclusion: 'unavoidable' }));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('STALE_VERSION');

    const one = await w.dh.get(`/api/v1/perinatal-deaths/${still.id}/reviews/city`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ level: 'city', conclusion: 'avoidable', version: 1 });
    const none = await w.dh.get(`/api/v1/perinatal-deaths/${still.id}/reviews/province`);
    expect(none.status).toBe(404);

    const audit = await sql<{ action: string; level: string }>`select action, details->>'level' as level
      from audit_event where entity_type = 'birth_outcome' and entity_id = ${still.id}
      and action in ('maternal.perinatal.review', 'maternal.perinatal.review.update') order by seq`.execute(w.s.db.db);
    expect(audit.rows.map((a) => [a.action, a.level])).toEqual([
      ['maternal.perinatal.review', 'city'],
      ['maternal.perinatal.review', 'county'],
      ['maternal.perinatal.review.update', 'county'],
    ]);
    const reads = await sql<{ n: number }>`select count(*)::int as n from audit_event where entity_id = ${still.id}
      and action = 'maternal.perinatal.review.read'`.execute(w.s.db.db);
    expect(reads.rows[0]?.n).toBe(3);
  });

  it('a bad level is 400 with a zh-CN message naming the field, nothing written', async () => {
    const { still } = await twins();
    const bad = await put(w.sup, `/api/v1/perinatal-deaths/${still.id}/review`, review({ level: 'township' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({
      field: 'level',
      messageZh: '级别：评审级别应为 county/city/province',
    });
    expect(bad.body.error.messageZh).toContain('级别：评审级别应为');
    const path = await w.dh.get(`/api/v1/perinatal-deaths/${still.id}/reviews/township`);
    expect(path.status).toBe(400);
    expect(path.body.error.fields[0]).toMatchObject({
      field: 'level',
      messageZh: '级别：评审级别应为 county/city/province',
    });
    const all = await w.dh.get(`/api/v1/perinatal-deaths/${still.id}/reviews`);
    expect(all.body).toEqual([]);
    // another county's supervisor does not learn that the outcome exists
    expect((await ptSup.get(`/api/v1/perinatal-deaths/${still.id}/reviews`)).status).toBe(404);
  });
});
