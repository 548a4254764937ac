import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../module-deps';
import type { Services } from '../../services';
import { createAlertService } from './alert.service';
import { pregnancyRoutes } from './maternal.routes';
import { createPregnancyService } from './pregnancy.service';

/** Services of the maternal module. */
export function createMaternalServices(deps: ModuleDeps) {
  const alerts = createAlertService(deps);
  const pregnancies = createPregnancyService(deps);
  return { alerts, pregnancies };
}
export type MaternalServices = ReturnType<typeof createMaternalServices>;

/** Routes of the maternal module under /api/v1. */
export function maternalRoutes(app: FastifyInstance, services: Services) {
  pregnancyRoutes(app, services);
}
