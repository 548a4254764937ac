import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../module-deps';
import type { Services } from '../../services';

/** Services of the women module. */
export function createWomenServices(deps: ModuleDeps) {
  void deps;
  return {};
}
export type WomenServices = ReturnType<typeof createWomenServices>;

/** Routes of the women module under /api/v1. */
export function womenRoutes(app: FastifyInstance, services: Services) {
  void app;
  void services;
}
