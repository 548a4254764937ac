/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies in tests are checked field by field */
import { startTestServer, type Client, type TestServer } from '../../testing';

/** A test server with two counties' clinicians and supervisors. */
export interface WomenWorld {
  s: TestServer;
  /** Clinician of 定海 330902 (institution `inst`). */
  dh: Client;
  /** Clinician of 普陀 330903. */
  pt: Client;
  /** MCH supervisor of 定海 (care.supervise, pmtct). */
  sup: Client;
  inst: string;
  ptInst: string;
}

/** Starts a server and makes the users of a women-module test file. */
export async function womenWorld(): Promise<WomenWorld> {
  const s = await startTestServer();
  const inst = await s.institution('330902', { type: 'mch_hospital' });
  const ptInst = await s.institution('330903', { type: 'mch_hospital' });
  const dh = await s.login(await s.user('clinician', { institutionId: inst }));
  const pt = await s.login(await s.user('clinician', { institutionId: ptInst }));
  const sup = await s.login(await s.user('mch_supervisor', { institutionId: inst, jurisdiction: '330902' }));
  return { s, dh, pt, sup, inst, ptInst };
}

let seq = 0;

/** 'YYYY-MM-DD' `days` before today (China time). */
export function daysAgo(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' `years` years before today. */
export function yearsAgo(years: number, extraDays = 0): string {
  const d = new Date(Date.now() + 8 * 3_600_000 - extraDays * 86_400_000);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}

/** Registers a person (a woman of `age` by default) in 定海 or the given county and returns her id. */
export async function registerPerson(
  c: Client,
  opts: { age?: number; sex?: 'female' | 'male'; county?: string; name?: string } = {},
): Promise<string> {
  seq++;
  const r = await c.post('/api/v1/people', {
    name: opts.name ?? `测试妇女${seq}`,
    sex: opts.sex ?? 'female',
    birthDate: yearsAgo(opts.age ?? 45, 30),
    idType: 'none',
    residenceRegionCode: opts.county ?? '330902',
  });
  if (r.status !== 201) throw new Error(`register person: ${r.status} ${JSON.stringify(r.body)}`);
  return (r.body as any).id as string;
}
