import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../module-deps';
import type { Services } from '../../services';
import { childCareRoutes } from './care.routes';
import { createCaseService } from './case.service';
import { childProfileRoutes } from './child.routes';
import { createCheckupService } from './checkup.service';
import { createDeathService } from './death.service';
import { createExposureService } from './exposure.service';
import { createFacilityService } from './facility.service';
import { createGrowthService } from './growth.service';
import { createChildPageService } from './page.service';
import { createProfileService } from './profile.service';
import { createScreeningService } from './screening.service';
import { createWorklistService } from './worklist.service';

/** Services of the child module. */
export function createChildServices(deps: ModuleDeps) {
  const profiles = createProfileService(deps);
  const cases = createCaseService(deps);
  const checkups = createCheckupService(deps, {
    propose: (trx, ctx, checkup, proposals) => cases.proposeInTx(trx, ctx, checkup, proposals),
    refer: (trx, ctx, checkup, referral) => cases.referFromCheckupInTx(trx, ctx, checkup, referral),
  });
  const growth = createGrowthService(deps);
  const facilities = createFacilityService(deps);
  const screenings = createScreeningService(deps, (trx, ctx, profile, id, date, r) =>
    cases.referScreeningInTx(trx, ctx, profile, id, date, r),
  );
  const page = createChildPageService(deps, profiles, screenings);
  const deaths = createDeathService(deps);
  const exposure = createExposureService(deps);
  const worklist = createWorklistService(deps);
  return { profiles, checkups, cases, growth, facilities, page, deaths, exposure, worklist, screenings };
}
export type ChildServices = ReturnType<typeof createChildServices>;

/** Routes of the child module under /api/v1. */
export function childRoutes(app: FastifyInstance, services: Services) {
  childProfileRoutes(app, services);
  childCareRoutes(app, services);
}
