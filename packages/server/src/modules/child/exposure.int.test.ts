import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childWorld, daysAgo, registerChild, type ChildWorld } from './child.fixtures';
import type { Client } from '../../testing';

let w: ChildWorld;
let pmtct: Client;
beforeAll(async () => {
  w = await childWorld();
  pmtct = await w.s.login(await w.s.user('clinician', { institutionId: w.inst, permissions: ['pmtct'] }));
});
afterAll(async () => w?.s.close());

const duty = (body: { duties: { code: string; state: string }[] }, code: string) =>
  body.duties.find((d) => d.code === code);

describe('exposed infants (PMTCT 2020)', () => {
  it('is restricted to the pmtct permission', async () => {
    const child = await registerChild(w.dh, 3);
    const r = await w.dh.request('PUT', `/api/v1/children/${child.person.id}/exposure`, { infections: ['hbv'] });
    expect(r.status).toBe(403);
    const ok = await pmtct.request('PUT', `/api/v1/children/${child.person.id}/exposure`, { infections: ['hbv'] });
    expect(ok.status).toBe(201);
    const read = await w.dh.get(`/api/v1/children/${child.person.id}/exposure`);
    expect(read.status).toBe(403);
  });

  it('checks the HBV birth doses against 12 h and schedules the serology at 7–12 months', async () => {
    const child = await registerChild(w.dh, 2, { birthTime: '08:30' });
    const birth = daysAgo(2);
    const r = await pmtct.request('PUT', `/api/v1/children/${child.person.id}/exposure`, { infections: ['hbv'] });
    expect(duty(r.body, 'hbv.infant_hbig')).toMatchObject({ dueBy: `${birth}T20:30`, state: 'overdue' });
    expect(duty(r.body, 'hbv.infant_serology')).toMatchObject({ state: 'upcoming' });
    const onTime = await pmtct.post(`/api/v1/children/${child.person.id}/exposure/records`, {
      code: 'hbv.infant_hbig',
      at: `${birth}T09:10`,
      version: r.body.version,
    });
    expect(onTime.status).toBe(200);
    expect(duty(onTime.body, 'hbv.infant_hbig')?.state).toBe('done');
    const late = await pmtct.post(`/api/v1/children/${child.person.id}/exposure/records`, {
      code: 'hbv.infant_hepb1',
      at: `${daysAgo(1)}T10:00`,
      version: onTime.body.version,
    });
    expect(duty(late.body, 'hbv.infant_hepb1')?.state).toBe('late');
    const dateOnly = await pmtct.post(`/api/v1/children/${child.person.id}/exposure/records`, {
      code: 'hbv.infant_hepb1',
      at: birth,
      version: late.body.version,
    });
    expect(dateOnly.status).toBe(400);
    expect(dateOnly.body.error.fields[0].field).toBe('at');
  });

  it('lists HIV tests as overdue when their date has passed, and records the final status', async () => {
    const child = await registerChild(w.dh, 130);
    const r = await pmtct.request('PUT', `/api/v1/children/${child.person.id}/exposure`, {
      infections: ['hiv'],
      highExposure: true,
    });
    expect(duty(r.body, 'hiv.infant_nat_6w')?.state).toBe('overdue');
    expect(r.body.overdue).toBeGreaterThan(0);
    const test = await pmtct.post(`/api/v1/children/${child.person.id}/exposure/records`, {
      code: 'hiv.infant_nat_6w',
      at: daysAgo(85),
      result: 'negative',
      version: r.body.version,
    });
    expect(duty(test.body, 'hiv.infant_nat_6w')).toMatchObject({ state: 'done', record: { result: 'negative' } });
    const noResult = await pmtct.post(`/api/v1/children/${child.person.id}/exposure/records`, {
      code: 'hiv.infant_nat_3m',
      at: daysAgo(40),
      version: test.body.version,
    });
    expect(noResult.status).toBe(400);
    expect(noResult.body.error.fields[0].field).toBe('result');
    const wrong = await pmtct.request('PUT', `/api/v1/children/${child.person.id}/exposure/final`, {
      infection: 'syphilis',
      status: 'not_infected',
      decidedOn: daysAgo(0),
      version: test.body.version,
    });
    expect(wrong.status).toBe(400);
    const fin = await pmtct.request('PUT', `/api/v1/children/${child.person.id}/exposure/final`, {
      infection: 'hiv',
      status: 'not_infected',
      decidedOn: daysAgo(0),
      version: test.body.version,
    });
    expect(fin.body).toMatchObject({ closed: true, finalStatus: { hiv: { status: 'not_infected' } } });
    const stale = await pmtct.request('PUT', `/api/v1/children/${child.person.id}/exposure/final`, {
      infection: 'hiv',
      status: 'infected',
      decidedOn: daysAgo(0),
      version: test.body.version,
    });
    expect(stale.status).toBe(409);
  });

  describe('syphilis: the final status must agree with the congenital-syphilis criteria (PMTCT 2020 [R])', () => {
    async function exposed(ageDays: number) {
      const child = await registerChild(w.dh, ageDays);
      const r = await pmtct.request('PUT', `/api/v1/children/${child.person.id}/exposure`, {
        infections: ['syphilis'],
      });
      expect(r.status).toBe(201);
      return { id: child.person.id as string, version: r.body.version as number, birth: daysAgo(ageDays) };
    }
    async function test(c: { id: string; version: number }, code: string, at: string, result: string, titre?: string) {
      const r = await pmtct.post(`/api/v1/children/${c.id}/exposure/records`, {
        code,
        at,
        result,
        ...(titre ? { titre } : {}),
        version: c.version,
      });
      expect(r.status).toBe(200);
      c.version = r.body.version;
      return r.body;
    }
    const final = (c: { id: string; version: number }, body: Record<string, unknown>) =>
      pmtct.request('PUT', `/api/v1/children/${c.id}/exposure/final`, {
        infection: 'syphilis',
        decidedOn: daysAgo(0),
        version: c.version,
        ...body,
      });

    it('non-treponemal negative and treponemal negative at 18 months: "infected" is refused, "not infected" recorded', async () => {
      const c = await exposed(600);
      await test(c, 'syphilis.infant_birth_titre', `${c.birth}T10:00`, 'positive', '1:2');
      await test(c, 'syphilis.infant_nontreponemal_3m', daysAgo(600 - 91), 'positive', '1:1');
      await test(c, 'syphilis.infant_nontreponemal_6m', daysAgo(600 - 183), 'negative');
      const last = await test(c, 'syphilis.infant_treponemal_18m', daysAgo(600 - 548), 'negative');
      expect(last.suggestedFinal.syphilis).toMatchObject({ status: 'not_infected' });
      const wrong = await final(c, { status: 'infected' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.fields[0].field).toBe('status');
      expect(wrong.body.error.message).toContain('未感染');
      const ok = await final(c, { status: 'not_infected' });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ closed: true, finalStatus: { syphilis: { status: 'not_infected' } } });
    });

    it('a birth titre ≥4× the mother\'s at delivery is congenital syphilis: "not infected" is refused', async () => {
      const c = await exposed(40);
      const rec = await test(c, 'syphilis.infant_birth_titre', `${c.birth}T09:00`, 'positive', '1:16');
      // without the mother's titre the birth titre cannot be compared: undetermined
      expect(rec.suggestedFinal.syphilis).toMatchObject({ status: 'undetermined' });
      const wrong = await final(c, { status: 'not_infected', syphilisEvidence: { motherTitre: '1:2' } });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.fields[0].field).toBe('status');
      expect(wrong.body.error.message).toContain('先天梅毒');
      const bad = await final(c, { status: 'infected', syphilisEvidence: { motherTitre: '2' } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields[0].field).toBe('syphilisEvidence.motherTitre');
      const ok = await final(c, { status: 'infected', syphilisEvidence: { motherTitre: '1:2' } });
      expect(ok.status).toBe(200);
      expect(ok.body.finalStatus.syphilis).toMatchObject({ status: 'infected', evidence: { motherTitre: '1:2' } });
      expect(ok.body.suggestedFinal.syphilis.status).toBe('infected');
    });

    it('treponemal IgM positive is congenital syphilis; with nothing decisive "not infected" is refused and "undetermined" kept', async () => {
      const c = await exposed(100);
      await test(c, 'syphilis.infant_nontreponemal_3m', daysAgo(8), 'negative');
      const early = await final(c, { status: 'not_infected' });
      expect(early.status).toBe(400);
      expect(early.body.error.message).toContain('待定');
      expect(early.body.error.message).toContain('18月龄梅毒螺旋体');
      const pending = await final(c, { status: 'undetermined' });
      expect(pending.status).toBe(200);
      expect(pending.body.closed).toBe(false);
      c.version = pending.body.version;
      const igm = await final(c, { status: 'infected', syphilisEvidence: { treponemalIgm: 'positive' } });
      expect(igm.status).toBe(200);
      expect(igm.body).toMatchObject({ closed: true, finalStatus: { syphilis: { status: 'infected' } } });
    });
  });
});
