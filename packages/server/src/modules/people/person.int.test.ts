import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId } from '@fuyou/core';
import { sql } from '@fuyou/db';
import { startTestServer, type Client, type TestServer } from '../../testing';

let s: TestServer;
let dinghai: Client;
let putuo: Client;
let supervisor: Client;
let stat: Client;
let sysadmin: Client;

// Each test file has its own database; these counties and users exist only here.
beforeAll(async () => {
  s = await startTestServer();
  const dh = await s.institution('330902');
  const pt = await s.institution('330903');
  dinghai = await s.login(await s.user('clinician', { institutionId: dh }));
  putuo = await s.login(await s.user('clinician', { institutionId: pt }));
  supervisor = await s.login(await s.user('mch_supervisor', { jurisdiction: '330902' }));
  stat = await s.login(await s.user('statistician', { jurisdiction: '330900' }));
  sysadmin = await s.login(await s.user('sysadmin'));
});
afterAll(async () => s?.close());

let seq = 0;
function woman(county = '330902', extra: Record<string, unknown> = {}) {
  seq++;
  const birthDate = `1993-0${1 + (seq % 9)}-1${seq % 10}`;
  return {
    name: `测试${seq}`,
    sex: 'female',
    birthDate,
    idType: 'resident_id',
    idNumber: makeResidentId(county, birthDate, 100 + seq, 'female'),
    phone: `139${String(10000000 + seq).padStart(8, '0')}`,
    residenceRegionCode: county,
    hukouRegionCode: county,
    ...extra,
  };
}

describe('person index: register, find, read', () => {
  it('registers a woman and masks her identifiers; the database holds them encrypted', async () => {
    const input = woman();
    const r = await dinghai.post('/api/v1/people', input);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ name: input.name, countyCode: '330902', version: 1 });
    expect(r.body.idNumberMasked).toBe(`${input.idNumber.slice(0, 6)}********${input.idNumber.slice(14)}`);
    expect(r.body.phoneMasked).toMatch(/^139\*\*\*\*\d{4}$/);
    expect(JSON.stringify(r.body)).not.toContain(input.idNumber);
    const raw = await sql<{
      id_number_enc: string;
      phone_enc: string;
    }>`select id_number_enc, phone_enc from person where id = ${r.body.id}`.execute(s.db.db);
    expect(raw.rows[0]?.id_number_enc).toMatch(/^v1:k1:/);
    expect(raw.rows[0]?.id_number_enc).not.toContain(input.idNumber);
    expect(raw.rows[0]?.phone_enc).not.toContain(input.phone);
  });

  it('finds her by ID number, by name and by phone', async () => {
    const input = woman();
    const created = await dinghai.post('/api/v1/people', input);
    for (const q of [input.idNumber, input.name, input.phone]) {
      const r = await dinghai.get(`/api/v1/people?q=${encodeURIComponent(q)}`);
      expect(r.status).toBe(200);
      expect(r.body.items.map((p: { id: string }) => p.id)).toContain(created.body.id);
    }
  });

  it('paginates search results', async () => {
    for (let i = 0; i < 3; i++) await dinghai.post('/api/v1/people', { ...woman(), name: `分页测试${i}` });
    const p1 = await dinghai.get('/api/v1/people?q=分页测试&pageSize=2&page=1');
    const p2 = await dinghai.get('/api/v1/people?q=分页测试&pageSize=2&page=2');
    expect(p1.body.total).toBe(3);
    expect(p1.body.items).toHaveLength(2);
    expect(p2.body.items).toHaveLength(1);
    // one statement gives a name's page and its total (a window over the matches): pages in name order, every
    // column of the person, and a page past the end still counts
    expect([...p1.body.items, ...p2.body.items].map((p: { name: string }) => p.name)).toEqual([
      '分页测试0',
      '分页测试1',
      '分页测试2',
    ]);
    expect(p2.body).toMatchObject({ total: 3, page: 2 });
    expect(p1.body.items[0]).toMatchObject({ countyCode: '330902', sex: 'female', version: 1 });
    expect(p1.body.items[0]).not.toHaveProperty('total_count');
    const p3 = await dinghai.get('/api/v1/people?q=分页测试&pageSize=2&page=3');
    expect(p3.body).toMatchObject({ total: 3, page: 3, items: [] });
    expect((await putuo.get('/api/v1/people?q=分页测试')).body).toMatchObject({ total: 0, items: [] });
  });

  it('an ID number or phone search gives its page and total in one statement; a page past the end still counts', async () => {
    const input = woman();
    const created = await dinghai.post('/api/v1/people', input);
    for (const q of [input.idNumber, input.phone]) {
      const p1 = await dinghai.get(`/api/v1/people?q=${q}&pageSize=1&page=1`);
      expect(p1.body).toMatchObject({ total: 1, page: 1 });
      expect(p1.body.items.map((p: { id: string }) => p.id)).toEqual([created.body.id]);
      expect(p1.body.items[0].idNumberMasked).not.toContain(input.idNumber.slice(6, 14));
      expect(p1.body.items[0]).not.toHaveProperty('total_count');
      const p2 = await dinghai.get(`/api/v1/people?q=${q}&pageSize=1&page=2`);
      expect(p2.body).toMatchObject({ total: 1, page: 2, items: [] });
    }
    // another county's clinician finds nothing by the same number (row-level security)
    expect((await putuo.get(`/api/v1/people?q=${input.idNumber}`)).body).toMatchObject({ total: 0, items: [] });
  });

  it('a name is matched as a prefix, character for character (no LIKE wildcards)', async () => {
    await dinghai.post('/api/v1/people', { ...woman(), name: '前缀甲乙' });
    await dinghai.post('/api/v1/people', { ...woman(), name: '前缀丙' });
    await dinghai.post('/api/v1/people', { ...woman(), name: '后前缀' });
    const r = await dinghai.get(`/api/v1/people?q=${encodeURIComponent('前缀')}`);
    expect(r.body.items.map((p: { name: string }) => p.name)).toEqual(['前缀丙', '前缀甲乙']);
    for (const q of ['前_', '前%', '%缀']) {
      const w = await dinghai.get(`/api/v1/people?q=${encodeURIComponent(q)}`);
      expect(w.status).toBe(200);
      expect(w.body.total).toBe(0);
    }
  });

  it('audits every search, also when many run at once, and the chain still verifies', async () => {
    const input = woman();
    await dinghai.post('/api/v1/people', input);
    const before = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_event where action = 'person.search'`.execute(s.db.db);
    const qs = Array.from({ length: 24 }, (_, i) => [input.idNumber, input.name, input.phone][i % 3]!);
    const results = await Promise.all(qs.map((q) => dinghai.get(`/api/v1/people?q=${encodeURIComponent(q)}`)));
    expect(results.map((r) => r.status)).toEqual(qs.map(() => 200));
    const after = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_event where action = 'person.search'`.execute(s.db.db);
    expect(after.rows[0]!.n - before.rows[0]!.n).toBe(24);
    expect((await sql`select * from audit_chain_break`.execute(s.db.db)).rows).toEqual([]);
  });

  it('reveals the full ID number only on request, and audits the reveal', async () => {
    const input = woman();
    const created = await dinghai.post('/api/v1/people', input);
    const r = await dinghai.post(`/api/v1/people/${created.body.id}/reveal`, { field: 'idNumber' });
    expect(r.status).toBe(200);
    expect(r.body.value).toBe(input.idNumber);
    const ev = await sql<{
      action: string;
    }>`select action from audit_event where person_id = ${created.body.id} order by seq`.execute(s.db.db);
    expect(ev.rows.map((e) => e.action)).toEqual(['person.create', 'person.reveal']);
  });

  it('audits every read of a person', async () => {
    const created = await dinghai.post('/api/v1/people', woman());
    await dinghai.get(`/api/v1/people/${created.body.id}`);
    const ev = await sql<{
      action: string;
      username: string;
    }>`select action, username from audit_event where person_id = ${created.body.id} and action = 'person.read'`.execute(
      s.db.db,
    );
    expect(ev.rows).toHaveLength(1);
  });
});

describe('search by name: a prefix of whole characters', () => {
  it('finds the names that start with the text, at the edges of the range too', async () => {
    // 举 (U+4E3E) follows 丽 (U+4E3D): the first name above the range of 周丽, and 丼 (U+4E3C) is just below it;
    // 𠀀 (U+20000) is a rare character of a name outside the BMP
    const names = ['周丽', '周丽娜', '周丽\u{20000}', '周举', '周丼', '周\u{20000}', '周\u{20000}华'];
    for (const name of names)
      expect((await dinghai.post('/api/v1/people', woman('330902', { name }))).status).toBe(201);
    const found = async (q: string) =>
      ((await dinghai.get(`/api/v1/people?q=${encodeURIComponent(q)}`)).body.items as { name: string }[])
        .map((p) => p.name)
        .sort();
    expect(await found('周丽')).toEqual(['周丽', '周丽娜', '周丽\u{20000}'].sort());
    expect(await found('周举')).toEqual(['周举']);
    expect(await found('周丼')).toEqual(['周丼']);
    expect(await found('周\u{20000}')).toEqual(['周\u{20000}', '周\u{20000}华'].sort());
    expect(await found('周')).toEqual([...names].sort());
    expect(await found('周丽娜娜')).toEqual([]);
    // the page and its total: past the end, the total is still counted
    const page2 = await dinghai.get(`/api/v1/people?q=${encodeURIComponent('周')}&page=2&pageSize=5`);
    expect(page2.body).toMatchObject({ total: names.length, page: 2 });
    expect(page2.body.items).toHaveLength(2);
    const past = await dinghai.get(`/api/v1/people?q=${encodeURIComponent('周')}&page=3&pageSize=5`);
    expect(past.body).toMatchObject({ total: names.length, items: [] });
  });
});

describe('scope by county (row-level security and services)', () => {
  it('a clinician of 定海区 cannot read a 普陀区 person: 404, not 403', async () => {
    const created = await putuo.post('/api/v1/people', woman('330903'));
    expect(created.status).toBe(201);
    const r = await dinghai.get(`/api/v1/people/${created.body.id}`);
    expect(r.status).toBe(404);
    const search = await dinghai.get(`/api/v1/people?q=${encodeURIComponent(created.body.name)}`);
    expect(search.body.items).toHaveLength(0);
    const reveal = await dinghai.post(`/api/v1/people/${created.body.id}/reveal`, { field: 'idNumber' });
    expect(reveal.status).toBe(404);
  });

  it('a clinician cannot register a person who lives outside her county', async () => {
    const r = await dinghai.post('/api/v1/people', woman('330903'));
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('FORBIDDEN');
  });

  it('the county supervisor sees her county; statisticians and administrators see no person records', async () => {
    const created = await dinghai.post('/api/v1/people', woman());
    expect((await supervisor.get(`/api/v1/people/${created.body.id}`)).status).toBe(200);
    expect((await stat.get(`/api/v1/people/${created.body.id}`)).status).toBe(403);
    expect((await sysadmin.get(`/api/v1/people?q=x`)).status).toBe(403);
  });

  it('anonymous requests get 401', async () => {
    expect((await s.anonymous().get('/api/v1/people?q=x')).status).toBe(401);
  });
});

describe('duplicates', () => {
  it('the same ID number returns 409 with a link to the existing person', async () => {
    const input = woman();
    const first = await dinghai.post('/api/v1/people', input);
    const again = await dinghai.post('/api/v1/people', { ...input, name: '另一个名字' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'PERSON_EXISTS', personId: first.body.id, inScope: true });
    expect(again.body.error.message).toContain('已登记');
  });

  it('an ID number registered in another county is refused without revealing that person', async () => {
    const input = woman('330903');
    await putuo.post('/api/v1/people', input);
    const moved = { ...input, residenceRegionCode: '330902' };
    const r = await dinghai.post('/api/v1/people', moved);
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'PERSON_EXISTS', countyCode: '330903', inScope: false });
    expect(r.body.error.personId).toBeUndefined();
  });

  it('likely duplicates (same name and birth date, or same phone) are listed before creating', async () => {
    const input = woman();
    const first = await dinghai.post('/api/v1/people', input);
    const r = await dinghai.get(
      `/api/v1/people/duplicates?name=${encodeURIComponent(input.name)}&birthDate=${input.birthDate}`,
    );
    expect(r.body.likely.map((p: { id: string }) => p.id)).toContain(first.body.id);
    const byPhone = await dinghai.get(`/api/v1/people/duplicates?phone=${input.phone}`);
    expect(byPhone.body.likely.map((p: { id: string }) => p.id)).toContain(first.body.id);
  });

  it('a retried create with the same client id returns the same person', async () => {
    const id = crypto.randomUUID();
    const input = { ...woman(), id };
    const a = await dinghai.post('/api/v1/people', input);
    const b = await dinghai.post('/api/v1/people', input);
    expect(a.status).toBe(201);
    expect(b.status).toBe(200);
    expect(b.body.id).toBe(id);
  });
});

describe('ID number validation', () => {
  it.each([
    [{ idNumber: '110105194912310021' }, 'INVALID_ID_NUMBER', '校验码'],
    [{ idNumber: '110105194902300021' }, 'INVALID_ID_NUMBER', '出生日期'],
    [{ idNumber: '990105194912310021' }, 'INVALID_ID_NUMBER', '地区码'],
  ])('%j → %s', async (patch, code, text) => {
    const r = await dinghai.post('/api/v1/people', { ...woman(), ...patch });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe(code);
    expect(r.body.error.message).toContain(text);
    expect(r.body.error.fields[0].field).toBe('idNumber');
  });

  it('refuses an ID number whose sex or birth date disagrees with the form', async () => {
    const w = woman();
    const sexR = await dinghai.post('/api/v1/people', { ...w, sex: 'male' });
    expect(sexR.body.error.code).toBe('ID_SEX_MISMATCH');
    const dateR = await dinghai.post('/api/v1/people', { ...w, birthDate: '1990-01-01' });
    expect(dateR.body.error.code).toBe('ID_BIRTHDATE_MISMATCH');
  });

  it('accepts a 15-digit number and stores it upgraded to 18', async () => {
    const r = await dinghai.post('/api/v1/people', {
      name: '旧证',
      sex: 'female',
      birthDate: '1949-12-31',
      idType: 'resident_id',
      idNumber: '330902491231002',
      residenceRegionCode: '330902',
    });
    expect(r.status).toBe(201);
    const reveal = await dinghai.post(`/api/v1/people/${r.body.id}/reveal`, { field: 'idNumber' });
    expect(reveal.body.value).toHaveLength(18);
  });
});

describe('bad input gives 4xx naming the field, never 500, never a half-written record', () => {
  it.each([
    [{}, 'name'],
    [{ name: '' }, 'name'],
    [{ sex: 'x' }, 'sex'],
    [{ birthDate: '2024-02-30' }, 'birthDate'],
    [{ birthDate: '01/02/2024' }, 'birthDate'],
    [{ idType: 'nope' }, 'idType'],
    [{ residenceRegionCode: 'abc' }, 'residenceRegionCode'],
    [{ residenceRegionCode: '999999' }, 'residenceRegionCode'],
    [{ ethnicity: '77' }, 'ethnicity'],
    [{ phone: '12345' }, 'phone'],
    [{ birthDate: '2999-01-01', idType: 'none', idNumber: undefined }, 'birthDate'],
  ])('%j', async (patch, field) => {
    const before = await sql<{ n: number }>`select count(*)::int as n from person`.execute(s.db.db);
    const body = Object.keys(patch).length ? { ...woman(), ...patch } : {};
    const r = await dinghai.post('/api/v1/people', body);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(r.body.error.requestId).toBeTruthy();
    expect(r.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    const after = await sql<{ n: number }>`select count(*)::int as n from person`.execute(s.db.db);
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });

  it('malformed JSON and unknown ids', async () => {
    const bad = await dinghai.request('POST', '/api/v1/people', '{"name":', {});
    expect(bad.status).toBe(400);
    expect((await dinghai.get('/api/v1/people/not-a-uuid')).status).toBe(400);
    expect((await dinghai.get(`/api/v1/people/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await dinghai.post(`/api/v1/people/${crypto.randomUUID()}/reveal`, { field: 'x' })).status).toBe(400);
  });
});

describe('optimistic concurrency', () => {
  it('an update with a stale version gets 409 and changes nothing', async () => {
    const created = await dinghai.post('/api/v1/people', woman());
    const ok = await dinghai.patch(`/api/v1/people/${created.body.id}`, { address: '新地址1号', version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
    const stale = await dinghai.patch(`/api/v1/people/${created.body.id}`, { address: '旧版本写入', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    const now = await dinghai.get(`/api/v1/people/${created.body.id}`);
    expect(now.body.address).toBe('新地址1号');
  });
});

describe('transfer between counties (转出/转入)', () => {
  it('moves the person and her children to the new county with an audit trail', async () => {
    const mother = await dinghai.post('/api/v1/people', woman());
    const child = await dinghai.post('/api/v1/people', {
      name: '宝宝',
      sex: 'male',
      birthDate: '2026-01-05',
      idType: 'none',
      residenceRegionCode: '330902',
      motherId: mother.body.id,
    });
    expect(child.status).toBe(201);
    const r = await dinghai.post(`/api/v1/people/${mother.body.id}/transfer`, {
      toResidenceRegionCode: '330903',
      reason: '随配偶迁居',
      version: 1,
    });
    expect(r.status).toBe(200);
    expect(r.body.countyCode).toBe('330903');
    expect((await dinghai.get(`/api/v1/people/${mother.body.id}`)).status).toBe(404);
    const there = await putuo.get(`/api/v1/people/${mother.body.id}`);
    expect(there.status).toBe(200);
    const trail = await sql<{
      from_county: string;
      to_county: string;
    }>`select from_county, to_county from person_transfer where person_id = ${mother.body.id}`.execute(s.db.db);
    expect(trail.rows).toEqual([{ from_county: '330902', to_county: '330903' }]);
    const childRow = await sql<{
      mother_county_code: string;
    }>`select mother_county_code from person where id = ${child.body.id}`.execute(s.db.db);
    expect(childRow.rows[0]?.mother_county_code).toBe('330903');
  });
});
