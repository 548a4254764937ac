import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../module-deps';
import type { Services } from '../../services';

/** Services of the indicators module. */
export function createIndicatorsServices(deps: ModuleDeps) {
  void deps;
  return {};
}
export type IndicatorsServices = ReturnType<typeof createIndicatorsServices>;

/** Routes of the indicators module under /api/v1. */
export function indicatorsRoutes(app: FastifyInstance, services: Services) {
  void app;
  void services;
}
