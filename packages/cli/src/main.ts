#!/usr/bin/env node
import { Command } from 'commander';
import { ensureRegions, migrate, openDatabase, sql } from '@fuyou/db';
import {
  buildApp,
  loadConfig,
  loadKeyRing,
  systemContext,
  verifyAuditChain,
  purgeExpiredAudit,
  ROLES,
  type AppConfig,
} from '@fuyou/server';
import { writeFileSync } from 'node:fs';
import { ANNUAL_REPORT_TABLE_IDS, type AnnualReportTableId } from '@fuyou/core';
import { startServer } from '@fuyou/server/server';
import { annualReportPdf, annualReportXlsx } from '@fuyou/server/modules/indicators/annual-report.export';
import { isEmpty, seedDemo } from '@fuyou/server/seed/demo';

const program = new Command();
program.name('fuyou').description('Fuyou 妇幼健康信息平台 command line').version('0.1.0');

async function withApp<T>(
  fn: (app: Awaited<ReturnType<typeof buildApp>>, config: AppConfig) => Promise<T>,
): Promise<T> {
  const config = loadConfig(process.env, { logLevel: 'silent' });
  const database = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: `${config.dataDir}/pglite` },
  );
  try {
    await migrate(database.db);
    await ensureRegions(database.db);
    const app = await buildApp({ config, database, keys: loadKeyRing(config.dataDir) });
    try {
      return await fn(app, config);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

program
  .command('serve')
  .description('migrate, seed on first start (demo mode), and serve the API and web UI')
  .option('--demo', 'demo mode: demo data and accounts with the published password')
  .option('-p, --port <port>', 'port (default env PORT or 3000)')
  .action(async (opts: { demo?: boolean; port?: string }) => {
    const config = loadConfig(process.env, {
      ...(opts.demo ? { demo: true } : {}),
      ...(opts.port ? { port: Number(opts.port) } : {}),
      logLevel: process.env.LOG_LEVEL ?? 'warn',
    });
    const started = await startServer(config);
    const stop = async () => {
      await started.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const config = loadConfig();
    const database = await openDatabase(
      config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: `${config.dataDir}/pglite` },
    );
    const applied = await migrate(database.db, console.log);
    const regions = await ensureRegions(database.db);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    if (regions) console.log(`regions loaded: ${regions}`);
    await database.close();
  });

program
  .command('seed')
  .description(
    'synthetic population of a scale (demo: 舟山市 through the services, with the demo institutions and accounts on an empty database; county, city, province: bulk COPY into PostgreSQL)',
  )
  .option('--demo', 'same as --scale demo')
  .option('--scale <scale>', 'tiny, demo, county, city or province', 'demo')
  .option('--seed <n>', 'random seed', '20261122')
  .option('--years <n>', "calendar years up to the current one (default: the scale's)")
  .action(async (opts: { demo?: boolean; scale: string; seed: string; years?: string }) => {
    const { SCALES, seedScale } = await import('@fuyou/bench/generator');
    const scale = opts.demo ? 'demo' : opts.scale;
    const def = SCALES[scale as keyof typeof SCALES];
    if (!def) {
      console.error(`未知规模 unknown scale "${scale}" (${Object.keys(SCALES).join(', ')})`);
      process.exitCode = 2;
      return;
    }
    const seed = Number(opts.seed);
    const years = opts.years === undefined ? undefined : Number(opts.years);
    if (!Number.isInteger(seed) || (years !== undefined && (!Number.isInteger(years) || years < 1 || years > 20))) {
      console.error('--seed 应为整数，--years 应为1–20的整数 (--seed must be an integer, --years 1–20)');
      process.exitCode = 2;
      return;
    }
    await withApp(async (app) => {
      if (def.writer === 'bulk' && app.services.database.kind !== 'postgres') {
        console.error(
          `规模 ${scale} 需要 PostgreSQL（设置 DATABASE_URL） scale ${scale} needs PostgreSQL (set DATABASE_URL)`,
        );
        process.exitCode = 1;
        return;
      }
      const counties = def.regions.flatMap((r) => app.services.regions.countiesUnder(r));
      const existing = await sql<{ n: number }>`select count(*)::int as n from person
        where county_code = any(${counties}::text[])`.execute(app.services.db);
      if ((existing.rows[0]?.n ?? 0) > 0) {
        console.error(
          `这些县区已有人员数据，未重复生成 (the counties of ${scale} already hold people; seed into a fresh database)`,
        );
        process.exitCode = 1;
        return;
      }
      if (scale === 'demo' && (await isEmpty(app.services))) {
        await seedDemo(app.services, console.log, { seed });
        console.log('demo institutions, accounts and module records loaded');
      }
      let r: Awaited<ReturnType<typeof seedScale>>;
      try {
        r = await seedScale({
          services: app.services,
          scale,
          seed,
          ...(years !== undefined ? { years } : {}),
          log: (m) => console.error(m),
        });
      } catch (e) {
        console.error((e as Error).message);
        process.exitCode = 1;
        return;
      }
      console.log(
        `${r.scale}: ${r.rows.toLocaleString('en-US')} rows in ${r.seconds.toFixed(1)} s (${Math.round(r.rows / Math.max(r.seconds, 1e-3)).toLocaleString('en-US')} rows/s), ${r.counties} counties, writer ${r.writer}`,
      );
    });
  });

const user = program.command('user').description('manage accounts');
user
  .command('create')
  .description('create an account (a one-time password is printed unless --password is given)')
  .requiredOption('-u, --username <username>')
  .requiredOption('-r, --role <role>', `one of ${ROLES.join(', ')}`)
  .option('-n, --name <displayName>')
  .option('-i, --institution <code>', 'institution code (clinicians)')
  .option('-j, --jurisdiction <regionCode>', 'county, city or province code (supervisors, statisticians)')
  .option('--password <password>')
  .action(
    async (o: {
      username: string;
      role: string;
      name?: string;
      institution?: string;
      jurisdiction?: string;
      password?: string;
    }) => {
      await withApp(async (app) => {
        let institutionId: string | null = null;
        if (o.institution) {
          const list = await app.services.institutions.list(systemContext([]), {
            q: o.institution,
            page: 1,
            pageSize: 5,
          });
          institutionId = list.items.find((i) => i.code === o.institution)?.id ?? null;
          if (!institutionId) throw new Error(`机构编码不存在 unknown institution ${o.institution}`);
        }
        const r = await app.services.users.create(systemContext([]), {
          username: o.username,
          displayName: o.name ?? o.username,
          role: o.role as never,
          institutionId,
          jurisdictionCode: o.jurisdiction ?? null,
          permissions: [],
          ...(o.password ? { password: o.password } : {}),
        });
        console.log(`created ${r.user.username} (${r.user.role})`);
        if (r.initialPassword) console.log(`one-time password: ${r.initialPassword} (must be changed at first login)`);
      });
    },
  );
user
  .command('reset-password')
  .description('set a one-time password, unlock the account and end its sessions')
  .requiredOption('-u, --username <username>')
  .option('--password <password>')
  .action(async (o: { username: string; password?: string }) => {
    await withApp(async (app) => {
      const r = await app.services.users.resetPassword(null, o.username, o.password);
      console.log(`one-time password for ${o.username}: ${r.password} (must be changed at next login)`);
    });
  });

const audit = program.command('audit').description('audit log tools');
audit
  .command('purge')
  .description('delete audit events older than FUYOU_AUDIT_RETENTION_MONTHS (at least 6); the chain stays verifiable')
  .action(async () => {
    const config = loadConfig();
    const database = await openDatabase(
      config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: `${config.dataDir}/pglite` },
    );
    try {
      await migrate(database.db);
      const n = await purgeExpiredAudit(database.db, config.auditRetentionMonths);
      console.log(`purged ${n} audit events older than ${Math.max(6, config.auditRetentionMonths)} months`);
    } finally {
      await database.close();
    }
  });
audit
  .command('verify')
  .description('walk the hash chain of the audit log and name the first tampered row')
  .action(async () => {
    const config = loadConfig();
    const database = await openDatabase(
      config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: `${config.dataDir}/pglite` },
    );
    try {
      await migrate(database.db);
      const r = await verifyAuditChain(database.db);
      if (r.ok) console.log(`审计日志完整 audit chain intact: ${r.rows} events`);
      else {
        console.error(`审计日志被篡改 audit chain broken at seq ${r.firstBreak?.seq} (${r.firstBreak?.reason})`);
        process.exitCode = 2;
      }
    } finally {
      await database.close();
    }
  });

const report = program.command('report').description('reports (年报)');
report
  .command('annual')
  .description('the annual report (卫统41/42/43/44/46-style tables) of a region and report year, as xlsx or PDF')
  .requiredOption('-r, --region <code>', 'region code, e.g. 330900')
  .requiredOption('-y, --year <year>', 'report year (1 Oct of the year before to 30 Sep), e.g. 2026')
  .option('-f, --format <format>', 'xlsx or pdf', 'xlsx')
  .option('-t, --tables <ids>', `comma-separated tables (${ANNUAL_REPORT_TABLE_IDS.join(',')}); all by default`)
  .requiredOption('-o, --out <file>', 'file to write')
  .action(async (o: { region: string; year: string; format: string; tables?: string; out: string }) => {
    const year = Number(o.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw new Error('报告年度应为2000–2100之间的整数 (--year)');
    if (o.format !== 'xlsx' && o.format !== 'pdf') throw new Error('格式应为 xlsx 或 pdf (--format)');
    const tables = o.tables ? o.tables.split(',') : undefined;
    const unknown = tables?.filter((t) => !(ANNUAL_REPORT_TABLE_IDS as readonly string[]).includes(t));
    if (unknown?.length)
      throw new Error(`报表编号无效：${unknown.join(',')} (--tables: ${ANNUAL_REPORT_TABLE_IDS.join(',')})`);
    await withApp(async (app) => {
      const counties = app.services.regions.countiesUnder(o.region);
      if (!app.services.regions.get(o.region) || !counties.length)
        throw new Error(`区划代码不存在或没有县级单位：${o.region}`);
      const ctx = systemContext(counties, 'cli-report');
      const q = { regionCode: o.region, year, tables: tables as AnnualReportTableId[] | undefined };
      const r = await app.services.indicators.annualReport.compute(ctx, q);
      const file = o.format === 'pdf' ? await annualReportPdf(r) : await annualReportXlsx(r);
      writeFileSync(o.out, file.buffer);
      await app.services.indicators.annualReport.recordExport(ctx, q, o.format as 'xlsx' | 'pdf');
      console.log(`${r.region.name} ${year}年度年报：${r.tables.length} 张表 → ${o.out} (${file.buffer.length} bytes)`);
    });
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  const e = err as { messageZh?: string; message?: string };
  console.error(e.messageZh ?? e.message ?? err);
  process.exit(1);
});
