import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../module-deps';
import type { Services } from '../../services';
import { createAidService } from './aid.service';
import { birthDefectRoutes } from './birth-defect.routes';
import { createBirthDefectService } from './birth-defect.service';
import { createCoverageService } from './coverage.service';
import { createFamilyPlanningService } from './family-planning.service';
import { createFolicAcidService } from './folic-acid.service';
import { gynFpRoutes } from './gyn-fp.routes';
import { createGynPelvicService } from './gyn-pelvic.service';
import { preconceptionRoutes } from './preconception.routes';
import { programmeRoutes } from './programme.routes';
import { createProgrammeService } from './programme.service';
import { createPreconceptionService } from './preconception.service';
import { premaritalRoutes } from './premarital.routes';
import { createPremaritalService } from './premarital.service';
import { screeningRoutes } from './screening.routes';
import { createScreeningService } from './screening.service';
import { thalassaemiaRoutes } from './thalassaemia.routes';
import { createThalassaemiaService } from './thalassaemia.service';

/** Services of the women module. */
export function createWomenServices(deps: ModuleDeps) {
  const screenings = createScreeningService(deps);
  const coverage = createCoverageService(deps);
  const premarital = createPremaritalService(deps);
  const preconception = createPreconceptionService(deps);
  const folicAcid = createFolicAcidService(deps);
  const thalassaemia = createThalassaemiaService(deps);
  const gynPelvic = createGynPelvicService(deps);
  const familyPlanning = createFamilyPlanningService(deps);
  const birthDefects = createBirthDefectService(deps);
  const aid = createAidService(deps);
  const programmes = createProgrammeService(deps);
  return {
    screenings,
    coverage,
    premarital,
    preconception,
    folicAcid,
    thalassaemia,
    gynPelvic,
    familyPlanning,
    birthDefects,
    aid,
    programmes,
  };
}
export type WomenServices = ReturnType<typeof createWomenServices>;

/** Routes of the women module under /api/v1. */
export function womenRoutes(app: FastifyInstance, services: Services) {
  screeningRoutes(app, services);
  premaritalRoutes(app, services);
  preconceptionRoutes(app, services);
  thalassaemiaRoutes(app, services);
  gynFpRoutes(app, services);
  birthDefectRoutes(app, services);
  programmeRoutes(app, services);
}
