/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies in tests are checked field by field */
import { startTestServer, type Client, type TestServer } from '../../testing';

/** A test server with two counties' clinicians, a supervisor and a PMTCT-less clinician. */
export interface ChildWorld {
  s: TestServer;
  /** Clinician of 定海 330902 (institution `inst`). */
  dh: Client;
  /** Clinician of 普陀 330903. */
  pt: Client;
  /** MCH supervisor of 定海 (has care.supervise and pmtct). */
  sup: Client;
  inst: string;
  ptInst: string;
}

/** Starts a server and makes the users of a child-module test file. */
export async function childWorld(): Promise<ChildWorld> {
  const s = await startTestServer();
  const inst = await s.institution('330902');
  const ptInst = await s.institution('330903');
  const dh = await s.login(await s.user('clinician', { institutionId: inst }));
  const pt = await s.login(await s.user('clinician', { institutionId: ptInst }));
  const sup = await s.login(await s.user('mch_supervisor', { jurisdiction: '330902' }));
  return { s, dh, pt, sup, inst, ptInst };
}

let seq = 0;

/** Days before today, 'YYYY-MM-DD'. */
export function daysAgo(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);
}

/** Body of POST /children for a child born `ageDays` ago. */
export function childBody(ageDays: number, extra: Record<string, unknown> = {}) {
  seq++;
  return {
    name: `测试宝宝${seq}`,
    sex: seq % 2 ? 'male' : 'female',
    birthDate: daysAgo(ageDays),
    residenceRegionCode: '330902',
    registrationReason: 'born_elsewhere',
    gestationalWeeks: 39,
    gestationalDays: 2,
    birthWeightG: 3300,
    birthLengthCm: 50,
    ...extra,
  };
}

/** Registers a child and returns its person id. */
export async function registerChild(c: Client, ageDays: number, extra: Record<string, unknown> = {}): Promise<any> {
  const r = await c.post('/api/v1/children', childBody(ageDays, extra));
  if (r.status !== 201) throw new Error(`register child: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
