import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childWorld, daysAgo, registerChild, type ChildWorld } from './child.fixtures';

let w: ChildWorld;
beforeAll(async () => {
  w = await childWorld();
});
afterAll(async () => w?.s.close());

const step = (personId: string, kind: string, body: Record<string, unknown>) =>
  w.dh.post(`/api/v1/children/${personId}/newborn-screening/${kind}/steps`, body);

describe('newborn metabolic screening: the recall chain', () => {
  it('sample → suspected positive → recall → re-test → confirmation → treatment, each with its due date', async () => {
    const child = await registerChild(w.dh, 20, { birthTime: '08:00' });
    const id = child.person.id;
    const s1 = await step(id, 'metabolic', { event: { step: 'sample', at: `${daysAgo(16)}T09:00` } });
    expect(s1.status).toBe(200);
    expect(s1.body).toMatchObject({ status: 'awaiting_result', nextStep: 'result', flags: [] });
    const s2 = await step(id, 'metabolic', {
      event: { step: 'result', date: daysAgo(12), result: 'suspected_positive', conditions: ['CH'] },
      version: 1,
    });
    expect(s2.body).toMatchObject({
      status: 'suspected_positive',
      nextStep: 'recall',
      nextDue: daysAgo(5),
      positive: true,
    });
    const outOfOrder = await step(id, 'metabolic', { event: { step: 'treatment', date: daysAgo(10) }, version: 2 });
    expect(outOfOrder.status).toBe(400);
    expect(outOfOrder.body.error.code).toBe('SCREENING_STEP_REFUSED');
    expect(outOfOrder.body.error.fields[0].field).toBe('event.step');
    const stale = await step(id, 'metabolic', { event: { step: 'recall', date: daysAgo(10) }, version: 1 });
    expect(stale.status).toBe(409);
    const s3 = await step(id, 'metabolic', { event: { step: 'recall', date: daysAgo(10) }, version: 2 });
    const s4 = await step(id, 'metabolic', {
      event: { step: 'retest', date: daysAgo(9), result: 'positive' },
      version: s3.body.version,
    });
    expect(s4.body).toMatchObject({ status: 'retest_positive', nextStep: 'confirm' });
    const s5 = await step(id, 'metabolic', {
      event: { step: 'confirm', date: daysAgo(5), result: 'positive', diagnosis: '先天性甲状腺功能减低症' },
      version: s4.body.version,
    });
    expect(s5.body).toMatchObject({ status: 'confirmed', nextStep: 'treatment', nextDue: daysAgo(-2), overdue: false });
    const s6 = await step(id, 'metabolic', {
      event: { step: 'treatment', date: daysAgo(4) },
      version: s5.body.version,
    });
    expect(s6.body).toMatchObject({ closed: true, outcome: 'under_treatment' });
    expect(s6.body.events).toHaveLength(6);
  });

  it('flags an early sample for a repeat, and lists an overdue recall and an unscreened child as missed', async () => {
    const early = await registerChild(w.dh, 12, { birthTime: '10:00' });
    const r = await step(early.person.id, 'metabolic', { event: { step: 'sample', at: `${daysAgo(11)}T08:00` } });
    expect(r.body).toMatchObject({ status: 'repeat_sample_needed', flags: ['sample_too_early'] });
    const late = await registerChild(w.dh, 20);
    await step(late.person.id, 'metabolic', { event: { step: 'sample', at: `${daysAgo(16)}T12:00` } });
    await step(late.person.id, 'metabolic', {
      event: { step: 'result', date: daysAgo(14), result: 'suspected_positive' },
      version: 1,
    });
    const none = await registerChild(w.dh, 30);
    const missed = await w.dh.get('/api/v1/newborn-screening/missed');
    expect(missed.status).toBe(200);
    const of = (id: string) => missed.body.items.filter((i: { personId: string }) => i.personId === id);
    expect(of(late.person.id)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'metabolic', reason: 'next_step_overdue', nextStep: 'recall' }),
      ]),
    );
    expect(of(none.person.id).map((i: { kind: string }) => i.kind)).toEqual(['metabolic', 'hearing', 'heart']);
    expect(of(early.person.id).some((i: { kind: string }) => i.kind === 'metabolic')).toBe(true);
    const theirs = await w.pt.get('/api/v1/newborn-screening/missed');
    expect(theirs.body.total).toBe(0);
    const worklist = await w.dh.get('/api/v1/child-worklist?kind=screening_step');
    expect(worklist.body.items.some((i: { personId: string }) => i.personId === late.person.id)).toBe(true);
  });
});

describe('hearing and CHD screening', () => {
  it('hearing: a referred ear is due for re-screening by day 42; CHD: a positive screen needs an echo', async () => {
    const child = await registerChild(w.dh, 10, { birthTime: '06:00' });
    const h = await step(child.person.id, 'hearing', {
      event: { step: 'initial', date: daysAgo(8), left: 'refer', right: 'pass', method: 'OAE' },
    });
    expect(h.body).toMatchObject({ status: 'rescreen_needed', nextDue: daysAgo(10 - 42) });
    const c = await step(child.person.id, 'heart', {
      event: { step: 'screen', at: `${daysAgo(9)}T10:00`, spo2Hand: 97, spo2Foot: 92, murmurGrade: 0 },
    });
    expect(c.body).toMatchObject({ status: 'echo_needed', nextStep: 'echo', positive: true });
    const bad = await step(child.person.id, 'heart', {
      event: { step: 'screen', at: `${daysAgo(9)}T10:00`, spo2Hand: 120, spo2Foot: 92, murmurGrade: 9 },
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['event.spo2Hand', 'event.murmurGrade']));
    const page = await w.dh.get(`/api/v1/children/${child.person.id}`);
    expect(page.body.screenings.newborn.map((n: { kind: string; status: string }) => [n.kind, n.status])).toEqual([
      ['metabolic', 'awaiting_sample'],
      ['hearing', 'rescreen_needed'],
      ['heart', 'echo_needed'],
    ]);
  });
});

describe('child screening', () => {
  it('records a developmental screening with tool and score; an abnormal result needs a follow-up or referral', async () => {
    const child = await registerChild(w.dh, 400);
    const noTool = await w.dh.post(`/api/v1/children/${child.person.id}/screenings`, {
      kind: 'development',
      screenedOn: daysAgo(0),
      result: 'normal',
    });
    expect(noTool.status).toBe(400);
    expect(noTool.body.error.fields[0].field).toBe('tool');
    const noPlan = await w.dh.post(`/api/v1/children/${child.person.id}/screenings`, {
      kind: 'autism',
      screenedOn: daysAgo(0),
      tool: 'M-CHAT-R',
      score: 5,
      result: 'suspected',
    });
    expect(noPlan.status).toBe(400);
    expect(noPlan.body.error.fields[0].field).toBe('followUpDue');
    const ok = await w.dh.post(`/api/v1/children/${child.person.id}/screenings`, {
      kind: 'development',
      screenedOn: daysAgo(0),
      tool: '儿心量表-II',
      score: 68,
      result: 'abnormal',
      referral: { reason: '发育商68，转上级复评', toInstitutionName: '舟山市妇幼保健院' },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ tool: '儿心量表-II', score: 68, followUpDue: daysAgo(-30) });
    const fu = await w.dh.post(`/api/v1/child-screenings/${ok.body.id}/follow-up`, {
      version: ok.body.version,
      doneOn: daysAgo(0),
      result: '复评正常',
    });
    expect(fu.body).toMatchObject({ followUpResult: '复评正常', overdue: false });
    const cases = await w.dh.get(`/api/v1/children/${child.person.id}/cases`);
    expect(cases.body.referrals[0]).toMatchObject({ sourceKind: 'screening', sourceId: ok.body.id });
  });
});
