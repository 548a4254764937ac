import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../module-deps';
import type { Services } from '../../services';
import { childProfileRoutes } from './child.routes';
import { createProfileService } from './profile.service';

/** Services of the child module. */
export function createChildServices(deps: ModuleDeps) {
  const profiles = createProfileService(deps);
  return { profiles };
}
export type ChildServices = ReturnType<typeof createChildServices>;

/** Routes of the child module under /api/v1. */
export function childRoutes(app: FastifyInstance, services: Services) {
  childProfileRoutes(app, services);
}
