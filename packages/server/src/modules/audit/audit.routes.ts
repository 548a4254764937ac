import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePermission } from '../../platform/http';
import type { Services } from '../../services';
import { auditSearchSchema } from './audit.service';

const tags = ['audit 审计'];

export function auditRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/audit/events', { schema: { tags, summary: '查询审计日志', querystring: auditSearchSchema } }, async (req) => {
    const ctx = requirePermission(req, 'audit.read');
    return services.auditLog.search(ctx, req.query);
  });
  r.post('/audit/verify', { schema: { tags, summary: '校验审计日志哈希链' } }, async (req) => {
    const ctx = requirePermission(req, 'audit.read');
    return services.auditLog.verify(ctx);
  });
}
