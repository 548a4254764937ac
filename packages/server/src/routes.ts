import type { FastifyInstance } from 'fastify';
import { auditRoutes } from './modules/audit/audit.routes';
import { personRoutes } from './modules/people/person.routes';
import { authRoutes } from './modules/platform/auth.routes';
import { platformRoutes } from './modules/platform/platform.routes';
import { childRoutes } from './modules/child/index';
import { indicatorsRoutes } from './modules/indicators/index';
import { maternalRoutes } from './modules/maternal/index';
import { womenRoutes } from './modules/women/index';
import { qualityModuleRoutes } from './modules/quality/index';
import { workPlanModuleRoutes } from './modules/workplans/index';
import type { Services } from './services';

/** All API routes under /api/v1. */
export async function registerRoutes(api: FastifyInstance, services: Services) {
  authRoutes(api, services);
  platformRoutes(api, services);
  personRoutes(api, services);
  auditRoutes(api, services);
  maternalRoutes(api, services);
  childRoutes(api, services);
  womenRoutes(api, services);
  indicatorsRoutes(api, services);
  qualityModuleRoutes(api, services);
  workPlanModuleRoutes(api, services);
}
