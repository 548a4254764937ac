import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysAgo, maternalWorld, registered, yearsAgo, type MaternalWorld } from './maternal.fixtures';

let w: MaternalWorld;
beforeAll(async () => {
  w = await maternalWorld();
});
afterAll(async () => w?.s.close());

type Item = { kind: string; pregnancyId: string; overdue: boolean; due: string | null; what: string };
const mine = (items: Item[], id: string) =>
  items
    .filter((i) => i.pregnancyId === id)
    .map((i) => i.kind)
    .sort();

describe('the clinic worklist', () => {
  it('lists visits due this week, overdue contacts, unassessed women, reports, referrals and follow-ups, with counts', async () => {
    // registered at 10 weeks today, no visit: the first contact is due, not assessed yet
    const due = await registered(w.dh, 10 * 7);
    // registered at 8 weeks 60 days ago, never seen: the first contact was missed while in care
    const missed = await registered(w.dh, 8 * 7 + 60, { registeredOn: daysAgo(60) });
    expect(missed).toMatchObject({ missedContact: 'anc1', overdue: true });
    // an orange woman with a referral not received in time
    const orange = await registered(w.dh, 20 * 7, { registeredOn: daysAgo(20) }, { birthDate: yearsAgo(41) });
    await w.dh.post(`/api/v1/pregnancies/${orange.id}/risk-assessments`, { assessedOn: daysAgo(0), items: [] });
    await w.dh.post(`/api/v1/pregnancies/${orange.id}/referrals`, {
      referredOn: daysAgo(10),
      toInstitutionId: w.hospital,
      reason: '高龄评估',
      urgency: 'urgent',
    });
    const r = await w.dh.get('/api/v1/maternal-worklist');
    expect(r.status).toBe(200);
    expect(mine(r.body.items, due.id)).toEqual(['unassessed', 'visit_due']);
    expect(mine(r.body.items, missed.id)).toEqual(expect.arrayContaining(['visit_overdue', 'unassessed']));
    const overdueItem = r.body.items.find((i: Item) => i.pregnancyId === missed.id && i.kind === 'visit_overdue');
    expect(overdueItem).toMatchObject({ overdue: true, what: '第1次产前检查（孕13周前）' });
    expect(mine(r.body.items, orange.id)).toEqual(expect.arrayContaining(['report_due', 'referral_not_received']));
    expect(r.body.counts.visit_due).toBeGreaterThanOrEqual(1);
    expect(r.body.counts.pmtct_action).toBeUndefined();
    // overdue items first
    const firstNotOverdue = r.body.items.findIndex((i: Item) => !i.overdue);
    expect(r.body.items.slice(firstNotOverdue).every((i: Item) => !i.overdue)).toBe(true);
    // the overdue count covers the whole list, also with a page of one item per kind
    expect(r.body.overdue).toBe(r.body.items.filter((i: Item) => i.overdue).length);
    const one = await w.dh.get('/api/v1/maternal-worklist?limit=1');
    expect(one.body.overdue).toBe(r.body.overdue);
    expect(one.body.items.filter((i: Item) => i.overdue).length).toBeLessThanOrEqual(one.body.overdue);
  });

  it('filters by institution, township and kind; another county sees none of it', async () => {
    const p = await registered(w.dh, 10 * 7);
    const byInst = await w.dh.get(`/api/v1/maternal-worklist?institutionId=${w.inst}&kind=unassessed`);
    expect(byInst.body.items.every((i: Item) => i.kind === 'unassessed')).toBe(true);
    expect(byInst.body.items.map((i: Item) => i.pregnancyId)).toContain(p.id);
    expect(Object.keys(byInst.body.counts)).toEqual(['unassessed']);
    const other = await w.dh.get(`/api/v1/maternal-worklist?institutionId=${w.hospital}`);
    expect(other.body.items.map((i: Item) => i.pregnancyId)).not.toContain(p.id);
    const town = await w.dh.get('/api/v1/maternal-worklist?township=330902999');
    expect(town.body.items).toHaveLength(0);
    expect(await w.dh.get('/api/v1/maternal-worklist?township=33')).toMatchObject({ status: 400 });
    const pt = await w.pt.get('/api/v1/maternal-worklist');
    expect(pt.body.items.map((i: Item) => i.pregnancyId)).not.toContain(p.id);
  });

  it('counts every matching row, not the page: a limit of 1 lists one item per kind with the same counts', async () => {
    // two orange women: two reports waiting, more than the page of one holds
    for (let i = 0; i < 2; i++) {
      const o = await registered(w.dh, 20 * 7, { registeredOn: daysAgo(5) }, { birthDate: yearsAgo(41) });
      await w.dh.post(`/api/v1/pregnancies/${o.id}/risk-assessments`, { assessedOn: daysAgo(0), items: [] });
    }
    const all = await w.dh.get('/api/v1/maternal-worklist?limit=500');
    const one = await w.dh.get('/api/v1/maternal-worklist?limit=1');
    expect(one.status).toBe(200);
    expect(one.body.counts).toEqual(all.body.counts);
    expect(all.body.counts.report_due).toBeGreaterThanOrEqual(2);
    expect(all.body.counts.visit_due).toBeGreaterThanOrEqual(2);
    for (const [kind, n] of Object.entries(all.body.counts as Record<string, number>)) {
      expect(all.body.items.filter((i: Item) => i.kind === kind)).toHaveLength(Math.min(n, 500));
      expect(one.body.items.filter((i: Item) => i.kind === kind)).toHaveLength(Math.min(n, 1));
    }
  });

  it('shows PMTCT actions to PMTCT users only', async () => {
    const p = await registered(w.pmtct, 12 * 7);
    await w.pmtct.post(`/api/v1/pregnancies/${p.id}/pmtct-tests`, {
      infection: 'syphilis',
      testedOn: daysAgo(0),
      result: 'positive',
    });
    const seen = await w.pmtct.get('/api/v1/maternal-worklist?kind=pmtct_action');
    expect(mine(seen.body.items, p.id)).toEqual(['pmtct_action']);
    const hidden = await w.dh.get('/api/v1/maternal-worklist?kind=pmtct_action');
    expect(hidden.body.items).toHaveLength(0);
  });
});

describe('the woman’s page', () => {
  it('shows pregnancies, timeline, colour chips, the weight-gain band, duties', async () => {
    const p = await registered(w.dh, 20 * 7, { registeredOn: daysAgo(70) }, { birthDate: yearsAgo(41) });
    await w.dh.post(`/api/v1/pregnancies/${p.id}/visits`, {
      visitDate: daysAgo(60),
      weightKg: 56,
      labs: { hbGL: 118 },
    });
    await w.dh.post(`/api/v1/pregnancies/${p.id}/visits`, {
      visitDate: daysAgo(0),
      weightKg: 60,
      systolicMmHg: 118,
      diastolicMmHg: 76,
      labs: { hbGL: 112 },
      assessment: { items: [] },
    });
    const page = await w.dh.get(`/api/v1/women/${p.personId}/maternal`);
    expect(page.status).toBe(200);
    expect(page.body.pregnancies).toHaveLength(1);
    const cur = page.body.current;
    expect(cur.pregnancy.id).toBe(p.id);
    expect(cur.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'registration',
      'anc_visit',
      'anc_visit',
      'assessment',
      'case_opened',
    ]);
    expect(cur.colours).toEqual([expect.objectContaining({ seq: 1, colour: 'orange', purple: false })]);
    expect(cur.charts.weightGain.category).toBe('normal');
    expect(cur.charts.weightGain.band).toHaveLength(41);
    expect(cur.charts.weightGain.band[20]).toMatchObject({ week: 20, minKg: 1.56, maxKg: 4.88 });
    expect(cur.charts.weightGain.points).toEqual([
      { date: daysAgo(60), weeks: 11.4, gainKg: 1 },
      { date: daysAgo(0), weeks: 20, gainKg: 5 },
    ]);
    expect(cur.charts.hb.map((x: { hbGL: number }) => x.hbGL)).toEqual([118, 112]);
    expect(cur.duties.map((d: { kind: string }) => d.kind)).toEqual(expect.arrayContaining(['contact', 'report']));
    expect((await w.pt.get(`/api/v1/women/${p.personId}/maternal`)).status).toBe(404);
  });

  it('a woman never registered has no current pregnancy', async () => {
    const personId = (
      await w.dh.post('/api/v1/people', {
        name: '未建册',
        sex: 'female',
        birthDate: yearsAgo(25),
        idType: 'none',
        residenceRegionCode: '330902',
      })
    ).body.id;
    const page = await w.dh.get(`/api/v1/women/${personId}/maternal`);
    expect(page.body).toMatchObject({ pregnancies: [], current: null });
  });
});
