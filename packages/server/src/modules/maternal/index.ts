import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../module-deps';
import type { Services } from '../../services';

/** Services of the maternal module. */
export function createMaternalServices(deps: ModuleDeps) {
  void deps;
  return {};
}
export type MaternalServices = ReturnType<typeof createMaternalServices>;

/** Routes of the maternal module under /api/v1. */
export function maternalRoutes(app: FastifyInstance, services: Services) {
  void app;
  void services;
}
