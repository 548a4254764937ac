import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql, type DatabaseHandle } from '@fuyou/db';
import { createAuditWriter } from './platform/audit';
import { createAuthService } from './platform/auth.service';
import type { AppConfig } from './platform/config';
import { createFieldCrypto, type KeyRing } from './platform/crypto';
import { AppError, fromDatabaseError } from './platform/errors';
import { SESSION_COOKIE } from './platform/http';
import { createRegionIndex } from './platform/regions';
import { registerGrowthReferencesFromDir } from './platform/growth-reference-loader';
import { zodIssuesToFields } from './platform/validation';
import { createServices, type Services } from './services';
import { registerRoutes } from './routes';

export interface BuildAppOptions {
  config: AppConfig;
  database: DatabaseHandle;
  keys: KeyRing;
  logger?: boolean;
}

export type App = FastifyInstance & { services: Services };

// Paths a session that must first change its password or set up TOTP may still use.
const RESTRICTED_ALLOWED = /^\/api\/v1\/auth\/(me|logout|change-password|totp\/.*)$/;

/** Builds the Fastify app: platform hooks, the API under /api/v1, OpenAPI, and the web UI. */
export async function buildApp(opts: BuildAppOptions): Promise<App> {
  const { config, database } = opts;
  const app = Fastify({
    logger: opts.logger ? { level: config.logLevel } : false,
    genReqId: () => randomUUID(),
    trustProxy: true,
    bodyLimit: 20 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // WHO 2007 (5–19 y) and WHO's daily 0–5 y tables live outside the repository; without them the built-in
  // WHO 2006 reference is used and older children get "reference not available".
  if (config.growthRefDir) {
    const loaded = registerGrowthReferencesFromDir(config.growthRefDir);
    if (opts.logger && loaded.errors.length) app.log.warn({ errors: loaded.errors }, 'growth references');
  }
  const regions = await createRegionIndex(database.db);
  const crypto = createFieldCrypto(opts.keys);
  const audit = createAuditWriter(database.db);
  const auth = createAuthService({ db: database.db, audit, config, crypto, regions });
  const services = createServices({ db: database.db, audit, config, crypto, regions, auth, database });
  (app as unknown as App).services = services;

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(rateLimit, { global: false });

  await app.register(swagger, {
    openapi: {
      info: { title: 'Fuyou 妇幼 API', version: '1.0.0', description: '妇幼健康信息平台 API' },
      servers: [],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('auth', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('sessionFlags', null);
  app.decorateRequest('me', null);

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/v1/')) return;
    // CSRF: the session cookie is SameSite=Strict, and a state-changing request from a browser must come from
    // our own origin (Origin or Referer); non-browser clients send neither.
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      const origin = req.headers.origin ?? req.headers.referer;
      if (origin) {
        const host = req.headers['x-forwarded-host'] ?? req.headers.host;
        let ok = false;
        try {
          ok = new URL(origin).host === host;
        } catch {
          ok = false;
        }
        if (!ok) throw new AppError('CSRF_REJECTED', 403, '请求来源不被信任', 'Cross-site request refused');
      }
    }
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const found = await auth.authenticate(token, req.id, req.ip);
    if (!found) return;
    req.auth = found.ctx;
    req.sessionToken = token;
    req.me = found.me;
    req.sessionFlags = {
      mustChangePassword: found.me.mustChangePassword,
      totpSetupRequired: found.me.totpSetupRequired,
    };
    if (
      (found.me.mustChangePassword || found.me.totpSetupRequired) &&
      !RESTRICTED_ALLOWED.test(req.url.split('?')[0] ?? '')
    ) {
      throw found.me.mustChangePassword
        ? new AppError('PASSWORD_CHANGE_REQUIRED', 403, '请先修改密码', 'Change your password first')
        : new AppError(
            'TOTP_SETUP_REQUIRED',
            403,
            '请先设置动态验证码（双因素认证）',
            'Set up two-factor authentication first',
          );
    }
  });

  app.setErrorHandler((err: Error, req, reply) => {
    let e: AppError | undefined;
    if (err instanceof AppError) e = err;
    else if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = zodIssuesToFields(
        err.validation.map(
          (v) =>
            ({
              ...v.params,
              code: v.keyword,
              message: v.message,
              path: v.instancePath.split('/').filter(Boolean),
            }) as never,
        ),
      );
      e = new AppError(
        'VALIDATION_FAILED',
        400,
        `输入有误：${fields.map((f) => f.messageZh).join('；')}`,
        `Invalid input: ${fields.map((f) => `${f.field}: ${f.messageEn}`).join('; ')}`,
        fields,
      );
    } else if ((err as { statusCode?: number }).statusCode === 429) {
      e = new AppError('RATE_LIMITED', 429, '请求过于频繁，请稍后再试', 'Too many requests; try again later');
    } else if ((err as { code?: string }).code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      e = new AppError('UNSUPPORTED_MEDIA_TYPE', 415, '请求内容类型应为 application/json', 'Send application/json');
    } else if (
      (err as { code?: string }).code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      (err as { code?: string }).code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      err instanceof SyntaxError
    ) {
      e = new AppError('BAD_JSON', 400, '请求内容不是有效的 JSON', 'The body is not valid JSON');
    } else if (((err as { statusCode?: number }).statusCode ?? 500) < 500) {
      const status = (err as { statusCode?: number }).statusCode ?? 400;
      e = new AppError('BAD_REQUEST', status, '请求无效', err.message);
    } else {
      e = fromDatabaseError(err);
    }
    if (!e) {
      req.log.error({ err }, 'unhandled error');
      if (process.env.FUYOU_DEBUG_ERRORS) console.error(err);
      e = new AppError('INTERNAL', 500, '服务器内部错误，请稍后重试', 'Internal error; please try again');
    }
    const wantsEn = (req.headers['accept-language'] ?? '').toLowerCase().startsWith('en');
    void reply.status(e.status).send({
      error: {
        code: e.code,
        message: wantsEn ? e.messageEn : e.messageZh,
        messageZh: e.messageZh,
        messageEn: e.messageEn,
        fields: e.fields,
        ...e.details,
        requestId: req.id,
      },
    });
  });

  app.get('/api/health', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await sql`select 1`.execute(database.db);
      return { status: 'ok', database: database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(async (api) => registerRoutes(api, services), { prefix: '/api/v1' });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !existsSync(config.webDistDir)) {
      void reply.status(404).send({
        error: {
          code: 'NOT_FOUND',
          message: '接口不存在',
          messageZh: '接口不存在',
          messageEn: 'No such endpoint',
          fields: [],
          requestId: req.id,
        },
      });
      return;
    }
    void reply.type('text/html').sendFile('index.html');
  });
  if (existsSync(config.webDistDir)) {
    await app.register(fastifyStatic, { root: config.webDistDir, wildcard: false });
  }

  return app as unknown as App;
}
