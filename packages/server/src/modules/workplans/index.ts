import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../module-deps';
import type { IndicatorService } from '../indicators/indicator.service';
import type { Services } from '../../services';
import { workPlanRoutes } from './workplans.routes';
import { createWorkPlanService } from './workplans.service';

/** Services of the work-plan module (the indicators engine gives the live values of indicator targets). */
export function createWorkPlanServices(deps: ModuleDeps, engine: IndicatorService) {
  return createWorkPlanService({ db: deps.db, audit: deps.audit, regions: deps.regions, engine });
}
export type WorkPlanServices = ReturnType<typeof createWorkPlanServices>;

/** Routes of the work-plan module under /api/v1. */
export function workPlanModuleRoutes(app: FastifyInstance, services: Services) {
  workPlanRoutes(app, services);
}
