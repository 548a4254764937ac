import { sql } from '@fuyou/db';
import { systemContext } from '../platform/context';
import type { Services } from '../services';
import { DEMO_INSTITUTIONS, DEMO_PASSWORD, DEMO_USERS } from './demo-institutions';

/** True when no account exists yet (a fresh database). */
export async function isEmpty(services: Services): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from app_user`.execute(services.db);
  return (r.rows[0]?.n ?? 0) === 0;
}

/** Creates the demo institutions (idempotent by code) and returns their ids by code. */
export async function seedDemoInstitutions(services: Services): Promise<Map<string, string>> {
  const ctx = systemContext([]);
  const ids = new Map<string, string>();
  const existing = await services.institutions.list(ctx, { page: 1, pageSize: 200 });
  for (const i of existing.items) ids.set(i.code, i.id);
  for (const inst of DEMO_INSTITUTIONS) {
    if (ids.has(inst.code)) continue;
    let regionCode = inst.region;
    if (regionCode.startsWith('township:')) {
      const [, county, n] = regionCode.split(':');
      const towns = services.regions.children(county!).sort((a, b) => a.code.localeCompare(b.code));
      const idx = Number(n);
      regionCode = (idx < 0 ? towns.at(idx) : towns[idx])?.code ?? county!;
    }
    const created = await services.institutions.create(ctx, {
      code: inst.code,
      name: inst.name,
      type: inst.type as never,
      level: inst.level,
      regionCode,
      capabilities: inst.capabilities as never,
    });
    ids.set(inst.code, created.id);
  }
  return ids;
}

/** Demo accounts, all with the published demo password, no forced change. Demo mode only. */
export async function seedDemoUsers(services: Services, institutionIds: Map<string, string>): Promise<void> {
  const ctx = systemContext([]);
  for (const u of DEMO_USERS) {
    await services.users.create(
      ctx,
      {
        username: u.username,
        displayName: u.displayName,
        role: u.role as never,
        institutionId: u.institution ? (institutionIds.get(u.institution) ?? null) : null,
        jurisdictionCode: u.jurisdiction ?? null,
        permissions: (u.permissions ?? []) as never,
        password: DEMO_PASSWORD,
      },
      { demo: true, mustChange: false },
    );
  }
}

/** Everything `npm start` puts into an empty database in demo mode: institutions, accounts, and each module's records. */
export async function seedDemo(
  services: Services,
  log: (m: string) => void,
  opts: { seed?: number } = {},
): Promise<void> {
  const ids = await seedDemoInstitutions(services);
  await seedDemoUsers(services, ids);
  const { seedDemoPopulation } = await import('./population');
  await seedDemoPopulation(services, log, opts.seed === undefined ? {} : { seed: opts.seed });
  const { seedDemoMaternal } = await import('./maternal-demo');
  await seedDemoMaternal(services, log);
  const { seedDemoChild } = await import('./child-demo');
  await seedDemoChild(services, log);
  const { seedDemoWomen } = await import('./women-demo');
  await seedDemoWomen(services, log);
  const { seedDemoGovernance } = await import('./governance-demo');
  await seedDemoGovernance(services, log);
}
