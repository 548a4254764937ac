import type { FastifyInstance } from 'fastify';
import type { AuthContext } from '../../platform/context';
import type { ModuleDeps } from '../module-deps';
import { currentReportYear, homeRegion } from './indicators.common';
import type { Services } from '../../services';
import { createDashboardService } from './dashboard.service';
import { createDrilldownService } from './drilldown.service';
import { createIndicatorService } from './indicator.service';
import { indicatorEngineRoutes } from './indicators.routes';
import { createTargetsService } from './targets.service';
import { createAnnualReportService } from './annual-report.service';
import { annualReportRoutes } from './annual-report.routes';
import { createAccountabilityService } from './accountability.service';
import { accountabilityRoutes } from './accountability.routes';
import { createSummonsService } from './summons.service';

/** Services of the indicators module. */
export function createIndicatorsServices(deps: ModuleDeps) {
  const targets = createTargetsService({ db: deps.db, audit: deps.audit, regions: deps.regions });
  const engine = createIndicatorService({
    db: deps.db,
    regions: deps.regions,
    targets,
    crypto: deps.crypto,
    ...(deps.database.parallelDb ? { parallelDb: deps.database.parallelDb } : {}),
  });
  const drilldown = createDrilldownService({
    db: deps.db,
    audit: deps.audit,
    regions: deps.regions,
    targets,
    crypto: deps.crypto,
  });
  const dashboard = createDashboardService({ db: deps.db, regions: deps.regions, engine, targets });
  const annualReport = createAnnualReportService({
    db: deps.db,
    audit: deps.audit,
    regions: deps.regions,
    engine,
    targets,
  });
  const accountability = createAccountabilityService({
    db: deps.db,
    audit: deps.audit,
    regions: deps.regions,
    engine,
    targets,
  });
  const summons = createSummonsService({ db: deps.db, audit: deps.audit, regions: deps.regions });
  return {
    targets,
    engine,
    drilldown,
    dashboard,
    annualReport,
    accountability,
    summons,
    /** The region a user lands on, the regions she may pick (it and the regions under it), the report year. */
    home(ctx: AuthContext) {
      const code = homeRegion(deps.regions, ctx);
      const list: { code: string; name: string; level: string; parentCode: string | null }[] = [];
      const walk = (c: string) => {
        const n = deps.regions.get(c);
        if (!n) return;
        const under = deps.regions.countiesUnder(c);
        if (!under.length || !under.every((x) => ctx.counties.includes(x))) return;
        list.push({ code: n.code, name: n.name, level: n.level, parentCode: n.parentCode });
        if (n.level !== 'county') for (const k of deps.regions.children(c)) walk(k.code);
      };
      if (code) walk(code);
      return {
        regionCode: code,
        regionName: code ? (deps.regions.get(code)?.name ?? null) : null,
        regions: list,
        reportYear: currentReportYear(),
        role: ctx.role,
        canSeePeople: ctx.permissions.has('person.read'),
        canEditTargets: ctx.role === 'sysadmin' || ctx.role === 'commission_viewer',
      };
    },
  };
}
export type IndicatorsServices = ReturnType<typeof createIndicatorsServices>;

/** Routes of the indicators module under /api/v1. */
export function indicatorsRoutes(app: FastifyInstance, services: Services) {
  indicatorEngineRoutes(app, services);
  annualReportRoutes(app, services);
  accountabilityRoutes(app, services);
}
