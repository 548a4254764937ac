import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../module-deps';
import type { Services } from '../../services';

/** Services of the child module. */
export function createChildServices(deps: ModuleDeps) {
  void deps;
  return {};
}
export type ChildServices = ReturnType<typeof createChildServices>;

/** Routes of the child module under /api/v1. */
export function childRoutes(app: FastifyInstance, services: Services) {
  void app;
  void services;
}
