/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies in tests are checked field by field */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, withScope } from '@fuyou/db';
import { systemContext, type AuthContext } from '../../platform/context';
import { daysAgo, maternalWorld, registered, yearsAgo, type MaternalWorld } from './maternal.fixtures';
import { addDays, today } from './maternal.common';
import { liveWorklist } from './worklist.reference';
import {
  HOSPITAL_FROM_DAYS,
  storedWorklist,
  WORK_KINDS,
  type MaternalWorkItem,
  type MaternalWorklistFilter,
} from './worklist.service';

let w: MaternalWorld;
beforeAll(async () => {
  w = await maternalWorld();
});
afterAll(async () => w?.s.close());

const COLS = `county_code, pregnancy_id, kind, item, person_id, institution_id, township, list_from, from_today,
  list_until, sort_on, due_at, ref_id, day, rep_colour, edd, status, risk_colour, risk_purple, next_contact, next_due_on,
  next_due_end, missed_contact, missed_end, next_appointment, registered_on`;

/** The stored rows and their recomputation from the live tables (view maternal_work_due), every county. */
async function storedAndDue() {
  const q = (from: string) =>
    sql<Record<string, unknown>>`select ${sql.raw(COLS)} from ${sql.raw(from)}
      order by county_code, pregnancy_id, kind, item`.execute(w.s.db.db);
  const [stored, due] = await Promise.all([q('maternal_work'), q('maternal_work_due')]);
  return { stored: stored.rows, due: due.rows };
}

/** After a write: the stored rows are exactly the recomputation of every open pregnancy's duties. */
async function expectRowsRight(what: string) {
  const { stored, due } = await storedAndDue();
  expect(stored, what).toEqual(due);
}

/** A write through the API that must succeed, then the rows checked. */
async function write(what: string, r: Promise<{ status: number; body: any }>) {
  const res = await r;
  expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  await expectRowsRight(what);
  return res.body;
}

const canonical = (items: MaternalWorkItem[]) => items.map((i) => JSON.stringify(i)).sort();

describe('the stored maternal worklist (migration 0014) is the worklist computed from the live tables', () => {
  // a varied population: every kind of work present, in two townships, two institutions and two counties
  beforeAll(async () => {
    // registered today at 10 weeks (contact due, unassessed), and 60 days ago never seen (contact missed)
    await registered(w.dh, 10 * 7);
    await registered(w.dh, 8 * 7 + 60, { registeredOn: daysAgo(60) });
    // another township of the county, registered at the MCH hospital by its supervisor
    await registered(w.sup, 12 * 7, { registeredOn: daysAgo(2) }, { residenceRegionCode: '330902003' });
    // screen-positive at a primary institution (36 years old): to be referred within 2 weeks
    await registered(w.dh, 11 * 7, { registeredOn: daysAgo(20) }, { birthDate: yearsAgo(36) });
    // an appointment not kept
    const appt = await registered(w.dh, 14 * 7, { registeredOn: daysAgo(30) });
    await write(
      'visit with an appointment',
      w.dh.post(`/api/v1/pregnancies/${appt.id}/visits`, {
        visitDate: daysAgo(28),
        weightKg: 55,
        nextAppointment: daysAgo(6),
      }),
    );
  }, 120_000);

  it('every write keeps the rows right: registration, visit, assessment, case, follow-up, referral, delivery, postpartum, screening, PMTCT, death, transfer, end', async () => {
    await expectRowsRight('registrations');
    // orange women: assessment opens a case and a report; delivery hospital from 28 weeks
    const orange = async (gaDays: number, registeredOn = daysAgo(40)) => {
      const p = await registered(w.dh, gaDays, { registeredOn }, { birthDate: yearsAgo(41) });
      const a = await write(
        'assessment',
        w.dh.post(`/api/v1/pregnancies/${p.id}/risk-assessments`, { assessedOn: daysAgo(0), items: [] }),
      );
      return { p, caseId: a.case.caseId as string };
    };
    const o1 = await orange(20 * 7);
    const o2 = await orange(30 * 7);
    const o3 = await orange(37 * 7 + 1, daysAgo(40));
    await write(
      'case follow-up',
      w.dh.post(`/api/v1/high-risk-cases/${o1.caseId}/followups`, {
        followupDate: daysAgo(0),
        method: 'phone',
        condition: '一般情况好',
        nextDue: daysAgo(-3),
      }),
    );
    const reports = (await w.sup.get(`/api/v1/high-risk-cases/${o2.caseId}`)).body.reports;
    expect(reports.length).toBeGreaterThan(0);
    await write('report acknowledged', w.sup.post(`/api/v1/high-risk-reports/${reports[0].id}/acknowledge`));
    await write(
      'delivery hospital chosen',
      (async () => {
        const c = await w.dh.get(`/api/v1/high-risk-cases/${o3.caseId}`);
        return w.dh.patch(`/api/v1/high-risk-cases/${o3.caseId}`, {
          version: c.body.version,
          deliveryHospitalId: w.hospital,
        });
      })(),
    );
    // referrals: one not received in time, one received whose result is late, one returned
    await write(
      'referral sent',
      w.dh.post(`/api/v1/pregnancies/${o1.p.id}/referrals`, {
        referredOn: daysAgo(10),
        toInstitutionId: w.hospital,
        reason: '高龄评估',
        urgency: 'urgent',
      }),
    );
    const late = await write(
      'referral sent (to be received)',
      w.dh.post(`/api/v1/pregnancies/${o2.p.id}/referrals`, {
        referredOn: daysAgo(20),
        toInstitutionId: w.mch,
        reason: '筛查阳性转诊评估',
        sourceKind: 'screening',
      }),
    );
    const rec = await write(
      'referral received',
      w.sup.post(`/api/v1/maternal-referrals/${late.id}/receive`, { version: late.version, receivedOn: daysAgo(19) }),
    );
    const back = await write(
      'referral sent (to be returned)',
      w.dh.post(`/api/v1/pregnancies/${o3.p.id}/referrals`, {
        referredOn: daysAgo(20),
        toInstitutionId: w.mch,
        reason: '会诊',
      }),
    );
    const backRec = await write(
      'referral received (2)',
      w.sup.post(`/api/v1/maternal-referrals/${back.id}/receive`, { version: back.version, receivedOn: daysAgo(19) }),
    );
    await write(
      'referral result returned',
      w.sup.post(`/api/v1/maternal-referrals/${back.id}/outcome`, {
        version: backRec.version,
        outcomeOn: daysAgo(0),
        outcome: '评估为橙色，专案管理',
      }),
    );
    expect(rec.status).toBe('received');
    // prenatal screening: a high risk to diagnose (due in 3 days, and in 28 days), one diagnosed and counselled
    const s1 = await registered(w.dh, 17 * 7, { registeredOn: daysAgo(30) });
    await write(
      'prenatal screening (high, due soon)',
      w.dh.post(`/api/v1/pregnancies/${s1.id}/prenatal-screenings`, {
        method: 'serum_second',
        screenedOn: daysAgo(25),
        t21: 'high',
        t18: 'low',
        ntd: 'low',
      }),
    );
    const s2 = await registered(w.dh, 17 * 7);
    const high = await write(
      'prenatal screening (high)',
      w.dh.post(`/api/v1/pregnancies/${s2.id}/prenatal-screenings`, {
        method: 'serum_second',
        screenedOn: daysAgo(0),
        t21: 'high',
      }),
    );
    const d1 = await write(
      'prenatal diagnosis',
      w.dh.post(`/api/v1/prenatal-screenings/${high.id}/diagnosis`, {
        version: high.version,
        diagnosisMethod: 'amniocentesis',
        diagnosisTest: 'karyotype',
        diagnosedOn: daysAgo(0),
        diagnosisResult: '46,XX',
      }),
    );
    await write(
      'counselling closes the follow-up',
      w.dh.post(`/api/v1/prenatal-screenings/${high.id}/diagnosis`, {
        version: d1.version,
        counsellingOutcome: '核型正常，继续妊娠',
      }),
    );
    // PMTCT: a positive syphilis test opens the record's action
    const px = await registered(w.pmtct, 12 * 7);
    await write(
      'PMTCT test',
      w.pmtct.post(`/api/v1/pregnancies/${px.id}/pmtct-tests`, {
        infection: 'syphilis',
        testedOn: daysAgo(0),
        result: 'positive',
      }),
    );
    // deliveries: yesterday (home visit due) and 20 days ago (home visit overdue); a postpartum visit
    const delivery = (on: string) => ({
      deliveryDate: on,
      deliveryTime: '08:30',
      place: 'institution',
      institutionId: w.hospital,
      mode: 'spontaneous',
      maternalCondition: 'good',
      babies: [{ outcome: 'live_birth', sex: 'female', weightG: 3400, lengthCm: 50, apgar1: 9, apgar5: 10 }],
    });
    const b1 = await registered(w.dh, 39 * 7, { registeredOn: daysAgo(150) });
    await write('delivery', w.dh.post(`/api/v1/pregnancies/${b1.id}/delivery`, delivery(daysAgo(1))));
    const b2 = await registered(w.dh, 41 * 7, { registeredOn: daysAgo(150) });
    await write('delivery (20 days ago)', w.dh.post(`/api/v1/pregnancies/${b2.id}/delivery`, delivery(daysAgo(20))));
    const b3 = await registered(w.dh, 39 * 7, { registeredOn: daysAgo(150) });
    await write('delivery (5 days ago)', w.dh.post(`/api/v1/pregnancies/${b3.id}/delivery`, delivery(daysAgo(5))));
    await write(
      'postpartum home visit',
      w.dh.post(`/api/v1/pregnancies/${b3.id}/postpartum-visits`, {
        kind: 'home_visit',
        visitDate: daysAgo(0),
        epdsScores: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        breastfeeding: 'exclusive',
      }),
    );
    // a death with an open case and a PMTCT record closes every duty
    const dp = await registered(w.pmtct, 30 * 7, { registeredOn: daysAgo(60) }, { birthDate: yearsAgo(41) });
    await write(
      'assessment (to die)',
      w.pmtct.post(`/api/v1/pregnancies/${dp.id}/risk-assessments`, { assessedOn: daysAgo(0), items: [] }),
    );
    await write(
      'PMTCT test (to die)',
      w.pmtct.post(`/api/v1/pregnancies/${dp.id}/pmtct-tests`, {
        infection: 'syphilis',
        testedOn: daysAgo(50),
        result: 'positive',
      }),
    );
    const card = await write(
      'death card',
      w.pmtct.post('/api/v1/maternal-deaths', {
        personId: dp.personId,
        deathDate: daysAgo(0),
        deathPlace: 'county_hospital',
        causeA: '失血性休克',
        underlyingCause: '胎盘早剥',
        icd10: 'O45.9',
        diagnosisBasis: 'clinical',
      }),
    );
    await write(
      'death submitted',
      w.pmtct.post(`/api/v1/maternal-deaths/${card.id}/submit`, { version: card.version }),
    );
    const dead = await sql<{ n: number }>`select count(*)::int as n from maternal_work
      where pregnancy_id = ${dp.id}`.execute(w.s.db.db);
    expect(dead.rows[0]!.n).toBe(0);
    // a transfer moves the woman's rows to the other county; a change of residence to another township
    const moved = await orange(20 * 7);
    const person = await w.dh.get(`/api/v1/people/${moved.p.personId}`);
    await write(
      'transfer',
      w.dh.post(`/api/v1/people/${moved.p.personId}/transfer`, {
        toResidenceRegionCode: '330903',
        reason: '随丈夫迁居',
        version: person.body.version,
      }),
    );
    const there = await sql<{ county_code: string }>`select distinct county_code from maternal_work
      where pregnancy_id = ${moved.p.id}`.execute(w.s.db.db);
    expect(there.rows.map((r) => r.county_code)).toEqual(['330903']);
    const mover = await registered(w.dh, 15 * 7);
    const mp = await w.dh.get(`/api/v1/people/${mover.personId}`);
    await write(
      'change of residence',
      w.dh.patch(`/api/v1/people/${mover.personId}`, { version: mp.body.version, residenceRegionCode: '330902002' }),
    );
    const town = await sql<{ township: string }>`select distinct township from maternal_work
      where pregnancy_id = ${mover.id}`.execute(w.s.db.db);
    expect(town.rows.map((r) => r.township)).toEqual(['330902002']);
    // a pregnancy ended: no duty left
    const ended = await registered(w.dh, 60);
    await write(
      'end of pregnancy',
      w.dh.post(`/api/v1/pregnancies/${ended.id}/end`, {
        version: ended.version,
        reason: 'miscarriage',
        endedOn: daysAgo(0),
        note: '孕9周自然流产',
      }),
    );

    // every kind is present in the population (so that the comparison below compares something of each)
    const kinds = await sql<{ kind: string }>`select distinct kind from maternal_work order by 1`.execute(w.s.db.db);
    expect(kinds.rows.map((r) => r.kind).sort()).toEqual([...WORK_KINDS].sort());
  }, 300_000);

  it('gives the same counts and items as the live computation, for every day, horizon, filter and page size', async () => {
    const t0 = today();
    const now = new Date();
    const dh = systemContext(['330902']);
    const clinician: AuthContext = { ...dh, permissions: new Set([...dh.permissions].filter((p) => p !== 'pmtct')) };
    const filters: MaternalWorklistFilter[] = [
      {},
      { institutionId: w.inst },
      { township: '330902003' },
      { kind: 'visit_overdue' },
      { kind: 'report_due', institutionId: w.inst },
    ];
    let compared = 0;
    let listed = 0;
    let overdueSeen = 0;
    for (const ctx of [dh, clinician])
      for (const shift of [-30, -10, -3, 0, 1, 4, 9, 20, 45, 90])
        for (const horizon of [0, 7, 60])
          for (const f of filters) {
            const t = addDays(t0, shift);
            const at = new Date(now.getTime() + shift * 86_400_000);
            await withScope(w.s.db.db, ctx, async (trx) => {
              const full = { ...f, horizon, limit: 500 };
              const [stored, live] = [
                await storedWorklist(trx, ctx, full, t, at),
                await liveWorklist(trx, ctx, full, t, at),
              ];
              const what = `${shift} days, horizon ${horizon}, ${JSON.stringify(f)}`;
              expect(stored.counts, what).toEqual(live.counts);
              expect(canonical(stored.items), what).toEqual(canonical(live.items));
              // the overdue count of the whole list (SQL) is the items' own overdue flags (no kind has 500 here)
              expect(stored.overdue, what).toBe(live.items.filter((i) => i.overdue).length);
              overdueSeen += stored.overdue;
              // a page of one per kind: the same counts, and items of the full list
              const one = await storedWorklist(trx, ctx, { ...full, limit: 1 }, t, at);
              expect(one.counts, what).toEqual(live.counts);
              expect(one.overdue, what).toBe(stored.overdue);
              const all = new Set(canonical(live.items));
              for (const i of canonical(one.items)) expect(all.has(i), what).toBe(true);
              compared++;
              listed += stored.items.length;
            });
          }
    expect(compared).toBe(2 * 10 * 3 * filters.length);
    expect(listed).toBeGreaterThan(1_000);
    expect(overdueSeen).toBeGreaterThan(100);
  }, 300_000);

  it('gives the same list on every day from 40 days back to 100 days ahead (each duty’s first and last day)', async () => {
    const t0 = today();
    const now = new Date();
    const ctx = systemContext(['330902']);
    for (let shift = -40; shift <= 100; shift++)
      for (const horizon of [0, 7]) {
        const t = addDays(t0, shift);
        const at = new Date(now.getTime() + shift * 86_400_000);
        await withScope(w.s.db.db, ctx, async (trx) => {
          const f = { horizon, limit: 500 };
          const [stored, live] = [await storedWorklist(trx, ctx, f, t, at), await liveWorklist(trx, ctx, f, t, at)];
          expect(stored.counts, `${shift} days, horizon ${horizon}`).toEqual(live.counts);
          expect(canonical(stored.items), `${shift} days, horizon ${horizon}`).toEqual(canonical(live.items));
        });
      }
  }, 300_000);

  it('the delivery-hospital duty starts at 28+0 weeks in the migration as in core (edd − 84 days)', () => {
    expect(280 - HOSPITAL_FROM_DAYS).toBe(84);
    const migration = readFileSync(
      fileURLToPath(new URL('../../../../db/src/migrations/0014_maternal_work.sql', import.meta.url)),
      'utf8',
    );
    expect(migration).toContain('g.edd - 84');
  });

  it('a user without the pmtct permission is never shown a PMTCT action, with or without the kind filter', async () => {
    const mine = await w.dh.get('/api/v1/maternal-worklist?kind=pmtct_action&horizon=60');
    expect(mine.body.items).toHaveLength(0);
    expect((await w.dh.get('/api/v1/maternal-worklist?horizon=60')).body.counts.pmtct_action).toBeUndefined();
    const seen = await w.pmtct.get('/api/v1/maternal-worklist?kind=pmtct_action&horizon=60');
    expect(seen.body.counts.pmtct_action).toBeGreaterThanOrEqual(1);
  });
});
