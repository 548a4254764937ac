import { randomBytes } from 'node:crypto';
import { ensureRegions, migrate, openDatabase, type DatabaseHandle } from '@fuyou/db';
import { buildApp, type App } from './app';
import { purgeExpiredAudit } from './modules/audit/audit.service';
import type { AppConfig } from './platform/config';
import { systemContext } from './platform/context';
import { loadKeyRing } from './platform/crypto';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/demo-institutions';
import { isEmpty, seedDemo } from './seed/demo';

export interface Started {
  app: App;
  database: DatabaseHandle;
  url: string;
  close(): Promise<void>;
}

/** Opens the database, migrates, loads reference data, seeds on first start, and listens. */
export async function startServer(config: AppConfig, log: (m: string) => void = console.log): Promise<Started> {
  const database = await openDatabase({
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: `${config.dataDir}/pglite` }),
  });
  log(`数据库 database: ${database.description}`);
  const applied = await migrate(database.db, log);
  if (applied.length) log(`已执行迁移 migrations applied: ${applied.join(', ')}`);
  const regions = await ensureRegions(database.db);
  if (regions) log(`已载入行政区划 regions loaded: ${regions}`);
  const app = await buildApp({
    config,
    database,
    keys: loadKeyRing(config.dataDir),
    logger: config.logLevel !== 'silent',
  });
  if (await isEmpty(app.services)) {
    if (config.demo) {
      log('首次启动：生成演示数据 first start: seeding demo data…');
      await seedDemo(app.services, log);
    } else {
      const password = `Fy-${randomBytes(9).toString('base64url')}`;
      await app.services.users.create(systemContext([]), {
        username: 'secadmin',
        displayName: '安全管理员',
        role: 'secadmin',
        permissions: [],
        password,
      });
      log(
        `首次启动：已创建安全管理员 secadmin，一次性密码 one-time password: ${password}（首次登录须修改密码并设置动态验证码）`,
      );
    }
  }
  await app.listen({ port: config.port, host: config.host });
  app.services.jobs.start();
  // the nightly data-quality run (idempotent: one job per night whichever process schedules it)
  await app.services.quality.runs.scheduleNightly();
  // retention: once a day, purge audit events older than the configured months (never under 6)
  const purge = () =>
    purgeExpiredAudit(database.db, config.auditRetentionMonths).catch((err) => app.log.error({ err }, 'audit purge'));
  const purgeTimer = setInterval(purge, 24 * 3600_000);
  purgeTimer.unref();
  const url = `http://localhost:${config.port}`;
  log('');
  log(`Fuyou 妇幼 已启动: ${url}`);
  log(`API 文档 API docs: ${url}/api/docs`);
  if (config.demo) {
    log(`演示账号 demo logins (密码 password: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) log(`  ${u.username.padEnd(11)} ${u.displayName}`);
  }
  return {
    app,
    database,
    url,
    async close() {
      clearInterval(purgeTimer);
      await app.services.jobs.stop();
      await app.close();
      await database.close();
    },
  };
}
