import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../module-deps';
import type { Services } from '../../services';
import { createQualityRunService } from './quality-run.service';
import { qualityRoutes } from './quality.routes';
import { createQualityService } from './quality.service';

/** Services of the data-quality module (registers its job handlers on the queue). */
export function createQualityServices(deps: ModuleDeps) {
  const runs = createQualityRunService({ db: deps.db, audit: deps.audit, regions: deps.regions, jobs: deps.jobs });
  const queries = createQualityService({ db: deps.db, audit: deps.audit, regions: deps.regions });
  return { runs, queries };
}
export type QualityServices = ReturnType<typeof createQualityServices>;

/** Routes of the data-quality module under /api/v1. */
export function qualityModuleRoutes(app: FastifyInstance, services: Services) {
  qualityRoutes(app, services);
}
