/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies in tests are checked field by field */
import { startTestServer, type Client, type TestServer } from '../../testing';

/** A test server with clinicians of two counties, the county MCH hospital and supervisors. */
export interface MaternalWorld {
  s: TestServer;
  /** Clinician of 定海 330902 at a community health centre (`inst`). */
  dh: Client;
  /** Clinician of 普陀 330903. */
  pt: Client;
  /** County MCH supervisor of 定海 (care.supervise and pmtct). */
  sup: Client;
  /** City MCH supervisor of 舟山 330900. */
  city: Client;
  /** A clinician of 定海 with the pmtct permission. */
  pmtct: Client;
  inst: string;
  /** 定海's county MCH hospital. */
  mch: string;
  /** A level-3 general hospital of 定海 (referral target). */
  hospital: string;
  ptInst: string;
}

/** Starts a server and makes the users of a maternal test file. */
export async function maternalWorld(): Promise<MaternalWorld> {
  const s = await startTestServer();
  const inst = await s.institution('330902');
  const mch = await s.institution('330902', { type: 'mch_hospital' });
  const hospital = await s.institution('330902', { type: 'general_hospital' });
  const ptInst = await s.institution('330903');
  const dh = await s.login(await s.user('clinician', { institutionId: inst }));
  const pt = await s.login(await s.user('clinician', { institutionId: ptInst }));
  const sup = await s.login(await s.user('mch_supervisor', { institutionId: mch, jurisdiction: '330902' }));
  const city = await s.login(await s.user('mch_supervisor', { jurisdiction: '330900' }));
  const pmtct = await s.login(await s.user('clinician', { institutionId: inst, permissions: ['pmtct'] }));
  return { s, dh, pt, sup, city, pmtct, inst, mch, hospital, ptInst };
}

/** 'YYYY-MM-DD' `days` before today (China). */
export function daysAgo(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' `years` before today, minus `extraDays`. */
export function yearsAgo(years: number, extraDays = 0): string {
  const d = new Date(Date.now() + 8 * 3_600_000);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return new Date(d.getTime() - extraDays * 86_400_000).toISOString().slice(0, 10);
}

let seq = 0;

/** Registers a woman in the person index and returns her id. */
export async function woman(c: Client, extra: Record<string, unknown> = {}): Promise<string> {
  seq++;
  const r = await c.post('/api/v1/people', {
    name: `测试孕妇${seq}`,
    sex: 'female',
    birthDate: yearsAgo(28),
    idType: 'none',
    residenceRegionCode: '330902',
    ...extra,
  });
  if (r.status !== 201) throw new Error(`woman: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id;
}

/** Body of POST /pregnancies for a woman `gaDays` pregnant today. */
export function pregnancyBody(personId: string, gaDays = 70, extra: Record<string, unknown> = {}) {
  return {
    personId,
    registeredOn: daysAgo(0),
    lmp: daysAgo(gaDays),
    gravidity: 2,
    parity: 1,
    heightCm: 160,
    prePregnancyWeightKg: 55,
    handbookNo: `HB-${seq}`,
    ...extra,
  };
}

/** Registers a woman and her pregnancy; returns the pregnancy body. */
export async function registered(
  c: Client,
  gaDays = 70,
  extra: Record<string, unknown> = {},
  person: Record<string, unknown> = {},
): Promise<any> {
  const personId = await woman(c, person);
  const r = await c.post('/api/v1/pregnancies', pregnancyBody(personId, gaDays, extra));
  if (r.status !== 201) throw new Error(`pregnancy: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
