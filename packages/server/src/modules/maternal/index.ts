import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../module-deps';
import type { Services } from '../../services';
import { createAlertService } from './alert.service';
import { createCaseService } from './case.service';
import { createDeathService } from './death.service';
import { createDeliveryService } from './delivery.service';
import { createPageService } from './page.service';
import { createPmtctService } from './pmtct.service';
import { createScreeningService } from './screening.service';
import { careRoutes } from './care.routes';
import { pregnancyRoutes } from './maternal.routes';
import { createPerinatalReviewService } from './perinatal-review.service';
import { pmtctDeathRoutes } from './pmtct.routes';
import { createPregnancyService } from './pregnancy.service';
import { createRiskService } from './risk.service';
import { createScheduleChoiceService } from './schedule-choice.service';
import { createVisitService } from './visit.service';
import { createWorklistService } from './worklist.service';

/** Services of the maternal module. */
export function createMaternalServices(deps: ModuleDeps) {
  const alerts = createAlertService(deps);
  const cases = createCaseService(deps);
  const risk = createRiskService(deps, cases);
  const visits = createVisitService(deps, cases, risk);
  const deliveries = createDeliveryService(deps, cases, risk);
  const pmtct = createPmtctService(deps, risk);
  const screening = createScreeningService(deps);
  const deaths = createDeathService(deps, { alerts, cases, pmtct, screening });
  const perinatalReviews = createPerinatalReviewService(deps);
  const worklist = createWorklistService(deps);
  const page = createPageService(deps);
  const scheduleChoice = createScheduleChoiceService(deps);
  const pregnancies = createPregnancyService(deps, {
    assessAtRegistration: (trx, ctx, preg, person, input) =>
      risk.assessInTx(
        trx,
        ctx,
        preg,
        person,
        { ...input, assessedOn: preg.registered_on },
        { kind: 'registration', id: preg.id },
      ),
    closeDutiesInTx: async (trx, ctx, preg, on, reason) => {
      await cases.closeDutiesInTx(trx, ctx, preg, on, reason);
      await pmtct.closeInTx(trx, preg);
      await screening.closeInTx(trx, preg);
    },
  });
  return {
    alerts,
    cases,
    risk,
    visits,
    deliveries,
    pmtct,
    screening,
    deaths,
    perinatalReviews,
    worklist,
    page,
    pregnancies,
    scheduleChoice,
  };
}
export type MaternalServices = ReturnType<typeof createMaternalServices>;

/** Routes of the maternal module under /api/v1. */
export function maternalRoutes(app: FastifyInstance, services: Services) {
  // a live birth opens the child's record in the child module, in the delivery's transaction
  services.maternal.deliveries.bindChildHook((trx, ctx, person, input) =>
    services.child.profiles.createFromBirthInTx(trx, ctx, person, input),
  );
  // a mother with a positive PMTCT result: the exposed-infant duties become due on the child, same transaction
  services.maternal.deliveries.bindExposureHook((trx, ctx, child, input) =>
    services.child.exposure.openFromBirthInTx(trx, ctx, child, input),
  );
  pregnancyRoutes(app, services);
  careRoutes(app, services);
  pmtctDeathRoutes(app, services);
}
