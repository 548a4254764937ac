import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clearSessionCookie, requireAuth, setSessionCookie } from '../../platform/http';
import type { Services } from '../../services';

const tags = ['auth 登录'];

export function authRoutes(app: FastifyInstance, services: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config } = services;
  const cookieAge = config.sessionAbsoluteHours * 3600;
  r.post(
    '/auth/login',
    {
      config: { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '登录（设置会话 Cookie）',
        body: z.object({
          username: z.string().trim().min(1, '请输入用户名').max(64),
          password: z.string().min(1, '请输入密码').max(200),
          otp: z.string().trim().max(10).optional(),
        }),
      },
    },
    async (req, reply) => {
      const { token, me } = await services.auth.login({
        username: req.body.username,
        password: req.body.password,
        otp: req.body.otp,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        requestId: req.id,
      });
      setSessionCookie(reply, token, config.secureCookies, cookieAge);
      return { user: me };
    },
  );
  r.post('/auth/logout', { schema: { tags, summary: '退出登录' } }, async (req, reply) => {
    if (req.sessionToken) await services.auth.logout(req.sessionToken, req.auth);
    clearSessionCookie(reply);
    return { ok: true };
  });
  r.get('/auth/me', { schema: { tags, summary: '当前用户' } }, async (req) => {
    requireAuth(req);
    return { user: req.me };
  });
  r.post(
    '/auth/change-password',
    {
      schema: {
        tags,
        summary: '修改密码（结束该用户的所有其他会话）',
        body: z.object({
          oldPassword: z.string().min(1, '请输入原密码'),
          newPassword: z.string().min(1, '请输入新密码').max(200),
        }),
      },
    },
    async (req, reply) => {
      const ctx = requireAuth(req);
      const { token } = await services.auth.changePassword(ctx, req.body.oldPassword, req.body.newPassword);
      setSessionCookie(reply, token, config.secureCookies, cookieAge);
      return { ok: true };
    },
  );
  r.post('/auth/totp/setup', { schema: { tags, summary: '生成动态验证码密钥' } }, async (req) => {
    const ctx = requireAuth(req);
    return services.auth.totpBegin(ctx);
  });
  r.post(
    '/auth/totp/enable',
    {
      schema: {
        tags,
        summary: '验证并启用动态验证码',
        body: z.object({
          code: z
            .string()
            .trim()
            .regex(/^\d{6}$/, '应为6位数字'),
        }),
      },
    },
    async (req) => {
      const ctx = requireAuth(req);
      await services.auth.totpEnable(ctx, req.body.code);
      return { ok: true };
    },
  );
}
