import { withScope, type Database, type DatabaseHandle, type Kysely } from '@fuyou/db';
import type { AuditWriter } from './platform/audit';
import type { AuthService } from './platform/auth.service';
import type { AppConfig } from './platform/config';
import type { FieldCrypto } from './platform/crypto';
import { errors } from './platform/errors';
import type { RegionIndex, RegionNode } from './platform/regions';
import { createAuditService } from './modules/audit/audit.service';
import { createJobQueue } from './platform/jobs';
import { AnswerCache } from './platform/answer-cache';
import { createPersonService } from './modules/people/person.service';
import { createInstitutionService } from './modules/platform/institution.service';
import { createRegionAltitudeService } from './modules/platform/region-altitude.service';
import { createUserService } from './modules/platform/user.service';
import { createMaternalServices } from './modules/maternal/index';
import { createChildServices } from './modules/child/index';
import { createWomenServices } from './modules/women/index';
import { createIndicatorsServices } from './modules/indicators/index';
import { createQualityServices } from './modules/quality/index';
import { createWorkPlanServices } from './modules/workplans/index';

export interface ServiceDeps {
  db: Kysely<Database>;
  database: DatabaseHandle;
  audit: AuditWriter;
  config: AppConfig;
  crypto: FieldCrypto;
  regions: RegionIndex;
  auth: AuthService;
}

/** Every service of the app, built once with plain factory functions. */
export function createServices(deps: ServiceDeps) {
  const { db, audit, regions, crypto, auth } = deps;
  const people = createPersonService({ db, audit, crypto, regions });
  const institutions = createInstitutionService({ db, audit, regions });
  const users = createUserService({ db, audit, auth, regions });
  const auditLog = createAuditService({ db, audit });
  // answers of the worklists, dropped by every committed write that changes their list in their counties, and
  // after every job
  const answers = new AnswerCache(deps.config.worklistCacheMs);
  audit.onWriteCommitted((counties, lists) => {
    // a write that changed no stored list (the database said so) changes no answer
    if (!lists || lists.length) answers.invalidate(counties, lists);
  });
  const jobs = createJobQueue(db, { afterJob: () => answers.invalidate() });
  const moduleDeps = { ...deps, people, institutions, jobs, answers };
  const indicators = createIndicatorsServices(moduleDeps);
  return {
    ...deps,
    people,
    institutions,
    regionAltitude: createRegionAltitudeService({ db, audit, regions }),
    users,
    auditLog,
    jobs,
    answers,
    maternal: createMaternalServices(moduleDeps),
    child: createChildServices(moduleDeps),
    women: createWomenServices(moduleDeps),
    indicators,
    quality: createQualityServices(moduleDeps),
    workplans: createWorkPlanServices(moduleDeps, indicators.engine),
    regionSearch(q: string): RegionNode[] {
      const out: RegionNode[] = [];
      for (const level of ['province', 'city', 'county', 'township']) {
        for (const code of allCodes(regions)) {
          const n = regions.get(code);
          if (n && n.level === level && n.name.includes(q)) out.push(n);
          if (out.length >= 50) return out;
        }
      }
      return out;
    },
    async usernameOf(userId: string): Promise<string> {
      const row = await withScope(db, { counties: [] }, (trx) =>
        trx.selectFrom('app_user').select('username').where('id', '=', userId).executeTakeFirst(),
      );
      if (!row) throw errors.notFound('用户', 'user');
      return row.username;
    },
  };
}
export type Services = ReturnType<typeof createServices>;

function allCodes(regions: RegionIndex): string[] {
  const out: string[] = [];
  const stack = ['000000'];
  while (stack.length) {
    const c = stack.pop()!;
    out.push(c);
    for (const k of regions.children(c)) stack.push(k.code);
  }
  return out;
}
