import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../module-deps';
import type { Services } from '../../services';
import { createIndicatorService } from './indicator.service';
import { indicatorEngineRoutes } from './indicators.routes';
import { createTargetsService } from './targets.service';

/** Services of the indicators module. */
export function createIndicatorsServices(deps: ModuleDeps) {
  const targets = createTargetsService({ db: deps.db, audit: deps.audit, regions: deps.regions });
  const engine = createIndicatorService({ db: deps.db, regions: deps.regions, targets });
  return { targets, engine };
}
export type IndicatorsServices = ReturnType<typeof createIndicatorsServices>;

/** Routes of the indicators module under /api/v1. */
export function indicatorsRoutes(app: FastifyInstance, services: Services) {
  indicatorEngineRoutes(app, services);
}
