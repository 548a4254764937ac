import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAuth } from '../../platform/http';
import type { Services } from '../../services';
import { programmeTargetDeleteSchema, programmeTargetPutSchema, programmeYearSchema } from './programme.service';

const tags = ['women 惠民项目目标与完成情况'];

/** Funded programmes: annual targets per county (sysadmin, commission) and completion counted from the records. */
export function programmeRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const p = services.women.programmes;

  r.get(
    '/programme-targets',
    { schema: { tags, summary: '各县区年度项目目标', querystring: programmeYearSchema } },
    async (req) => p.targets(requireAuth(req), req.query.year),
  );
  r.put(
    '/programme-targets',
    { schema: { tags, summary: '设置或修改县区年度项目目标（系统管理员、卫健委）', body: programmeTargetPutSchema } },
    async (req) => p.putTarget(requireAuth(req), req.body),
  );
  r.delete(
    '/programme-targets',
    { schema: { tags, summary: '删除县区年度项目目标（带版本号）', querystring: programmeTargetDeleteSchema } },
    async (req) => p.deleteTarget(requireAuth(req), req.query),
  );
  r.get(
    '/programmes/progress',
    { schema: { tags, summary: '项目完成情况：由服务记录统计的完成数与目标之比', querystring: programmeYearSchema } },
    async (req) => p.progress(requireAuth(req), req.query.year),
  );
}
