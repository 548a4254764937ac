/**
 * What the quality pages read: scores by county and institution from the current runs, the tallies of each rule,
 * the trend of the score across runs, the list of problems with links to the records (names only with person.read,
 * identifiers masked, every read of names audited), its xlsx export, and the configuration of a region.
 */
import ExcelJS from 'exceljs';
import {
  addQualityTotals,
  getQualityRule,
  QUALITY_RECORD_TYPE_LABELS,
  QUALITY_RULE_IDS,
  QUALITY_RULE_KIND_LABELS,
  QUALITY_SEVERITY_LABELS,
  qualityDetailText,
  qualityRuleCatalogue,
  qualityScoreOf,
  validateQualityOverride,
  type QualityConfig,
  type QualityConfigOverride,
  type QualityRecordType,
  type QualityRuleKind,
  type QualitySeverity,
} from '@fuyou/core';
import { sql, withScope, type Database, type Kysely, type Transaction } from '@fuyou/db';
import type { AuditWriter } from '../../platform/audit';
import type { AuthContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import type { RegionIndex } from '../../platform/regions';
import { configChain, defaultRegion, effectiveConfig, regionInScope } from './quality.common';

/** Scores of one unit (a county or an institution) in its county's current run. */
export interface QualityScoreRow {
  countyCode: string;
  countyName: string | null;
  /** Null for a county row; '' for the records that name no institution. */
  institutionId: string | null;
  institutionName: string | null;
  runId: string | null;
  finishedAt: string | null;
  checks: number;
  failedChecks: number;
  weightedChecks: number;
  weightedFailed: number;
  score: number | null;
  problemCount: number;
}

/** A problem in the list. */
export interface QualityProblemDto {
  countyCode: string;
  countyName: string | null;
  runId: string;
  ruleId: string;
  ruleNameZh: string;
  ruleNameEn: string;
  kind: QualityRuleKind;
  severity: QualitySeverity;
  recordType: QualityRecordType;
  recordId: string;
  personId: string | null;
  /** Only with person.read. */
  personName: string | null;
  idNumberMasked: string | null;
  institutionId: string | null;
  institutionName: string | null;
  serviceDate: string | null;
  detail: Record<string, unknown>;
  detailZh: string;
  detailEn: string;
  fixZh: string;
  fixEn: string;
  firstSeenAt: string;
  /** The page where the record is fixed (null without person.read). */
  link: string | null;
}

/** Filters of the problem list. */
export interface ProblemQuery {
  regionCode: string;
  countyCode?: string | undefined;
  ruleId?: string | undefined;
  kind?: QualityRuleKind | undefined;
  severity?: QualitySeverity | undefined;
  recordType?: QualityRecordType | undefined;
  /** An institution id, or 'none' for records naming no institution. */
  institutionId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

const EXPORT_LIMIT = 20_000;

/** The link to the page where a record of `type` is fixed. */
export function problemLink(type: string, personId: string | null, contextId: string | null): string | null {
  if (!personId) return null;
  switch (type) {
    case 'pregnancy':
    case 'anc_visit':
    case 'delivery':
    case 'birth_outcome':
    case 'postpartum_visit':
    case 'maternal_death':
      return `/maternal/women/${personId}${contextId ? `?pregnancyId=${contextId}` : ''}`;
    case 'child_profile':
    case 'child_checkup':
    case 'child_death':
      return `/children/${personId}`;
    default:
      return `/people/${personId}`;
  }
}

/** The quality query service. */
export function createQualityService(deps: { db: Kysely<Database>; audit: AuditWriter; regions: RegionIndex }) {
  const { db, audit, regions } = deps;

  async function institutionNames(trx: Transaction<Database>, ids: string[]): Promise<Map<string, string>> {
    const real = [...new Set(ids.filter((x) => x && /^[0-9a-f-]{36}$/.test(x)))];
    if (!real.length) return new Map();
    const rows = await trx.selectFrom('institution').select(['id', 'name']).where('id', 'in', real).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Rule ids matching the kind/severity/record-type/rule filters (undefined: no filter). */
  function ruleFilter(q: Pick<ProblemQuery, 'ruleId' | 'kind' | 'severity' | 'recordType'>): string[] | undefined {
    if (q.ruleId && !getQualityRule(q.ruleId))
      throw errors.field('ruleId', '没有该质控规则', 'No such quality rule', 'UNKNOWN_RULE');
    if (!q.ruleId && !q.kind && !q.severity && !q.recordType) return undefined;
    return qualityRuleCatalogue
      .filter(
        (r) =>
          (!q.ruleId || r.id === q.ruleId) &&
          (!q.kind || r.kind === q.kind) &&
          (!q.severity || r.severity === q.severity) &&
          (!q.recordType || r.recordType === q.recordType),
      )
      .map((r) => r.id);
  }

  function countiesOf(ctx: AuthContext, regionCode: string, countyCode?: string): string[] {
    const { counties } = regionInScope(regions, ctx, regionCode);
    if (countyCode) {
      if (!counties.includes(countyCode))
        throw errors.field('countyCode', '该县区不在所选地区内', 'The county is not in the region');
      return [countyCode];
    }
    return counties;
  }

  function problemWhere(q: ProblemQuery, counties: string[], rules: string[] | undefined, withNames: boolean) {
    const parts = [
      sql`qp.county_code = any(${counties}::bpchar[])`,
      sql`qp.run_id in (select id from quality_run r where r.county_code = any(${counties}::bpchar[]) and r.is_current)`,
    ];
    if (rules) parts.push(sql`qp.rule_id = any(${rules}::text[])`);
    if (q.institutionId === 'none') parts.push(sql`qp.institution_id is null`);
    else if (q.institutionId) parts.push(sql`qp.institution_id = ${q.institutionId}::uuid`);
    if (q.from) parts.push(sql`qp.service_date >= ${q.from}::date`);
    if (q.to) parts.push(sql`qp.service_date <= ${q.to}::date`);
    if (q.q && withNames) parts.push(sql`p.name like ${`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
    return sql.join(parts, sql` and `);
  }

  async function fetchProblems(
    trx: Transaction<Database>,
    ctx: AuthContext,
    q: ProblemQuery,
    limit: number,
    offset: number,
  ): Promise<{ items: QualityProblemDto[]; total: number }> {
    const counties = countiesOf(ctx, q.regionCode, q.countyCode);
    const rules = ruleFilter(q);
    if (rules && !rules.length) return { items: [], total: 0 };
    const withNames = ctx.permissions.has('person.read');
    if (q.q && !withNames)
      throw errors.forbidden('按姓名查询需要查看个人档案的权限', 'Searching by name needs the person.read permission');
    const where = problemWhere(q, counties, rules, withNames);
    const join = sql`left join person p on p.county_code = qp.county_code and p.id = qp.person_id`;
    const total = (
      await sql<{ n: number }>`select count(*)::int as n from quality_problem qp ${join} where ${where}`.execute(trx)
    ).rows[0]!.n;
    // errors first, then the most recent service
    const severityOrder = sql`case when qp.rule_id = any(${qualityRuleCatalogue
      .filter((r) => r.severity === 'error')
      .map((r) => r.id)}::text[]) then 0 else 1 end`;
    const rows = (
      await sql<{
        county_code: string;
        run_id: string;
        rule_id: string;
        record_type: string;
        record_id: string;
        person_id: string | null;
        context_id: string | null;
        institution_id: string | null;
        institution_name: string | null;
        service_date: string | null;
        detail: Record<string, unknown>;
        first_seen_at: Date;
        name: string | null;
        id_number_masked: string | null;
      }>`
        select qp.county_code, qp.run_id, qp.rule_id, qp.record_type, qp.record_id, qp.person_id, qp.context_id,
          qp.institution_id, i.name as institution_name, qp.service_date, qp.detail, qp.first_seen_at,
          p.name, p.id_number_masked
        from quality_problem qp ${join}
        left join institution i on i.id = qp.institution_id
        where ${where}
        order by ${severityOrder}, qp.service_date desc nulls last, qp.rule_id, qp.record_id
        limit ${limit} offset ${offset}`.execute(trx)
    ).rows;
    const items = rows.map((r): QualityProblemDto => {
      const rule = getQualityRule(r.rule_id);
      const text = qualityDetailText(r.rule_id, r.detail ?? {});
      return {
        countyCode: r.county_code.trim(),
        countyName: regions.get(r.county_code.trim())?.name ?? null,
        runId: r.run_id,
        ruleId: r.rule_id,
        ruleNameZh: rule?.nameZh ?? r.rule_id,
        ruleNameEn: rule?.nameEn ?? r.rule_id,
        kind: rule?.kind ?? 'logic',
        severity: rule?.severity ?? 'warning',
        recordType: r.record_type as QualityRecordType,
        recordId: r.record_id,
        personId: r.person_id,
        personName: withNames ? r.name : null,
        idNumberMasked: withNames ? r.id_number_masked : null,
        institutionId: r.institution_id,
        institutionName: r.institution_name,
        serviceDate: r.service_date,
        detail: r.detail ?? {},
        detailZh: text.zh,
        detailEn: text.en,
        fixZh: rule?.fixZh ?? '',
        fixEn: rule?.fixEn ?? '',
        firstSeenAt: new Date(r.first_seen_at).toISOString(),
        link: withNames ? problemLink(r.record_type, r.person_id, r.context_id) : null,
      };
    });
    return { items, total };
  }

  return {
    setConfigAsSystem,

    /** The default region of the user and the rule catalogue with the region's effective configuration. */
    async home(ctx: AuthContext) {
      const code = defaultRegion(regions, ctx);
      const list: { code: string; name: string; level: string; parentCode: string | null }[] = [];
      const walk = (c: string) => {
        const n = regions.get(c);
        if (!n) return;
        const under = regions.countiesUnder(c);
        if (!under.length || !under.every((x) => ctx.counties.includes(x))) return;
        list.push({ code: n.code, name: n.name, level: n.level, parentCode: n.parentCode });
        if (n.level !== 'county') for (const k of regions.children(c)) walk(k.code);
      };
      if (code) walk(code);
      return {
        regionCode: code,
        regionName: code ? (regions.get(code)?.name ?? null) : null,
        regions: list,
        canRun: ctx.permissions.has('quality.run'),
        canSeePeople: ctx.permissions.has('person.read'),
        canConfigure: ctx.permissions.has('quality.configure'),
      };
    },

    /** The catalogue with each rule's weight and whether it runs under a region's configuration. */
    async rules(ctx: AuthContext, regionCode?: string) {
      const code = regionCode ?? defaultRegion(regions, ctx) ?? '000000';
      if (!regions.get(code)) throw errors.notFound('行政区划', 'region');
      const { config } = await withScope(db, { counties: [] }, (trx) => effectiveConfig(trx, regions, code));
      const off = new Set(config.disabledRules);
      return qualityRuleCatalogue.map((r) => ({
        ...r,
        kindZh: QUALITY_RULE_KIND_LABELS[r.kind].zh,
        kindEn: QUALITY_RULE_KIND_LABELS[r.kind].en,
        recordTypeZh: QUALITY_RECORD_TYPE_LABELS[r.recordType].zh,
        recordTypeEn: QUALITY_RECORD_TYPE_LABELS[r.recordType].en,
        severityZh: QUALITY_SEVERITY_LABELS[r.severity].zh,
        weight: config.ruleWeights[r.id] ?? config.severityWeights[r.severity],
        enabled: !off.has(r.id),
      }));
    },

    /** Scores of the counties of a region (or of their institutions) from each county's current run. */
    async scores(
      ctx: AuthContext,
      q: { regionCode: string; groupBy: 'county' | 'institution' },
    ): Promise<{ region: QualityScoreRow; rows: QualityScoreRow[] }> {
      const { region, counties } = regionInScope(regions, ctx, q.regionCode);
      return withScope(db, ctx, async (trx) => {
        const runs = await trx
          .selectFrom('quality_run')
          .select(['county_code', 'id', 'finished_at', 'checks', 'failed_checks', 'weighted_checks', 'weighted_failed'])
          .where('county_code', 'in', counties)
          .where('is_current', '=', true)
          .execute();
        const runOf = new Map(runs.map((r) => [r.county_code.trim(), r]));
        const problemCounts = await sql<{ county_code: string; institution_id: string | null; n: number }>`
          select qp.county_code, qp.institution_id, count(*)::int as n from quality_problem qp
          join quality_run r on r.county_code = qp.county_code and r.id = qp.run_id and r.is_current
          where qp.county_code = any(${counties}::bpchar[])
          group by qp.county_code, qp.institution_id`.execute(trx);
        const probs = new Map<string, number>();
        for (const p of problemCounts.rows) {
          const c = p.county_code.trim();
          probs.set(c, (probs.get(c) ?? 0) + p.n);
          probs.set(`${c}|${p.institution_id ?? ''}`, p.n);
        }
        const countyRows: QualityScoreRow[] = counties.map((c) => {
          const r = runOf.get(c);
          const wc = Number(r?.weighted_checks ?? 0);
          const wf = Number(r?.weighted_failed ?? 0);
          return {
            countyCode: c,
            countyName: regions.get(c)?.name ?? null,
            institutionId: null,
            institutionName: null,
            runId: r?.id ?? null,
            finishedAt: r?.finished_at ? new Date(r.finished_at).toISOString() : null,
            checks: Number(r?.checks ?? 0),
            failedChecks: Number(r?.failed_checks ?? 0),
            weightedChecks: wc,
            weightedFailed: wf,
            score: r ? qualityScoreOf({ weightedChecks: wc, weightedFailed: wf }) : null,
            problemCount: probs.get(c) ?? 0,
          };
        });
        const t = addQualityTotals(
          countyRows.map((r) => ({
            checks: r.checks,
            failedChecks: r.failedChecks,
            weightedChecks: r.weightedChecks,
            weightedFailed: r.weightedFailed,
          })),
        );
        const regionRow: QualityScoreRow = {
          countyCode: region.code,
          countyName: region.name,
          institutionId: null,
          institutionName: null,
          runId: null,
          finishedAt: countyRows.reduce<string | null>(
            (m, r) => (r.finishedAt && (!m || r.finishedAt < m) ? r.finishedAt : m),
            null,
          ),
          ...t,
          score: runs.length ? qualityScoreOf(t) : null,
          problemCount: countyRows.reduce((s, r) => s + r.problemCount, 0),
        };
        if (q.groupBy === 'county') return { region: regionRow, rows: countyRows };
        const ids = runs.map((r) => r.id);
        const stats = ids.length
          ? await trx
              .selectFrom('quality_run_stat')
              .select(['county_code', 'institution_key', 'checked', 'failed', 'weighted_checked', 'weighted_failed'])
              .where('county_code', 'in', counties)
              .where('run_id', 'in', ids)
              .where('rule_id', '=', '*')
              .execute()
          : [];
        const names = await institutionNames(
          trx,
          stats.map((s) => s.institution_key),
        );
        const rows = stats
          .map((s): QualityScoreRow => {
            const c = s.county_code.trim();
            const r = runOf.get(c)!;
            return {
              countyCode: c,
              countyName: regions.get(c)?.name ?? null,
              institutionId: s.institution_key,
              institutionName: s.institution_key ? (names.get(s.institution_key) ?? null) : null,
              runId: r.id,
              finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
              checks: s.checked,
              failedChecks: s.failed,
              weightedChecks: Number(s.weighted_checked),
              weightedFailed: Number(s.weighted_failed),
              score: qualityScoreOf({
                weightedChecks: Number(s.weighted_checked),
                weightedFailed: Number(s.weighted_failed),
              }),
              problemCount: probs.get(`${c}|${s.institution_key}`) ?? 0,
            };
          })
          .sort((a, b) => (a.score ?? 101) - (b.score ?? 101) || a.countyCode.localeCompare(b.countyCode));
        return { region: regionRow, rows };
      });
    },

    /** Tallies of each rule over the current runs of a region (optionally one institution). */
    async ruleSummary(ctx: AuthContext, q: { regionCode: string; institutionId?: string | undefined }) {
      const { counties } = regionInScope(regions, ctx, q.regionCode);
      return withScope(db, ctx, async (trx) => {
        const inst =
          q.institutionId === 'none'
            ? sql`and s.institution_key = ''`
            : q.institutionId
              ? sql`and s.institution_key = ${q.institutionId}`
              : sql``;
        const rows = (
          await sql<{ rule_id: string; checked: number; failed: number; wc: number; wf: number }>`
            select s.rule_id, sum(s.checked)::int as checked, sum(s.failed)::int as failed,
              sum(s.weighted_checked)::float8 as wc, sum(s.weighted_failed)::float8 as wf
            from quality_run_stat s
            join quality_run r on r.county_code = s.county_code and r.id = s.run_id and r.is_current
            where s.county_code = any(${counties}::bpchar[]) and s.rule_id <> '*' ${inst}
            group by s.rule_id`.execute(trx)
        ).rows;
        const by = new Map(rows.map((r) => [r.rule_id, r]));
        return qualityRuleCatalogue.map((r) => {
          const x = by.get(r.id);
          return {
            ruleId: r.id,
            nameZh: r.nameZh,
            nameEn: r.nameEn,
            kind: r.kind,
            severity: r.severity,
            recordType: r.recordType,
            checked: x?.checked ?? 0,
            failed: x?.failed ?? 0,
            failRate: x && x.checked ? Math.round((x.failed / x.checked) * 10_000) / 100 : null,
            weightedFailed: x?.wf ?? 0,
          };
        });
      });
    },

    /**
     * The score of a region (or an institution) after each day with a finished run, over the last `days` days: for
     * every day, each county's latest run up to that day (a county that did not run that day keeps its last score).
     */
    async trend(ctx: AuthContext, q: { regionCode: string; institutionId?: string | undefined; days: number }) {
      const { counties } = regionInScope(regions, ctx, q.regionCode);
      return withScope(db, ctx, async (trx) => {
        const since = new Date(Date.now() - q.days * 86_400_000);
        const runs = (
          await sql<{ county_code: string; id: string; day: string; wc: number; wf: number; score: number | null }>`
            select distinct on (county_code, day) county_code, id, day, wc, wf, score from (
              select r.county_code, r.id, ((r.finished_at at time zone 'UTC') + interval '8 hours')::date::text as day,
                r.finished_at,
                ${
                  q.institutionId
                    ? sql`coalesce(s.weighted_checked, 0)::float8 as wc, coalesce(s.weighted_failed, 0)::float8 as wf, null::numeric as score`
                    : sql`r.weighted_checks::float8 as wc, r.weighted_failed::float8 as wf, r.score`
                }
              from quality_run r
              ${
                q.institutionId
                  ? sql`join quality_run_stat s on s.county_code = r.county_code and s.run_id = r.id and s.rule_id = '*'
                      and s.institution_key = ${q.institutionId === 'none' ? '' : q.institutionId}`
                  : sql``
              }
              where r.county_code = any(${counties}::bpchar[]) and r.status = 'done' and r.finished_at >= ${since}
            ) x
            order by county_code, day, finished_at desc`.execute(trx)
        ).rows;
        const days = [...new Set(runs.map((r) => r.day))].sort();
        const latest = new Map<string, { wc: number; wf: number }>();
        const points = days.map((day) => {
          for (const r of runs) if (r.day === day) latest.set(r.county_code.trim(), { wc: r.wc, wf: r.wf });
          const sums = [...latest.values()].reduce((a, b) => ({ wc: a.wc + b.wc, wf: a.wf + b.wf }), { wc: 0, wf: 0 });
          return {
            date: day,
            score: qualityScoreOf({ weightedChecks: sums.wc, weightedFailed: sums.wf }),
            counties: latest.size,
            runsThatDay: runs.filter((r) => r.day === day).length,
          };
        });
        return {
          regionCode: q.regionCode,
          institutionId: q.institutionId ?? null,
          countiesInRegion: counties.length,
          points,
        };
      });
    },

    /** A page of the current problems of a region; reading names is audited. */
    async problems(ctx: AuthContext, q: ProblemQuery) {
      return withScope(db, ctx, async (trx) => {
        const r = await fetchProblems(trx, ctx, q, q.pageSize, (q.page - 1) * q.pageSize);
        if (ctx.permissions.has('person.read') && r.items.length) {
          await audit.write(trx, ctx, {
            action: 'quality.problems.read',
            entityType: 'quality_problem',
            countyCode: q.countyCode ?? null,
            details: {
              regionCode: q.regionCode,
              ruleId: q.ruleId ?? null,
              kind: q.kind ?? null,
              institutionId: q.institutionId ?? null,
              page: q.page,
              shown: r.items.length,
              people: [...new Set(r.items.map((i) => i.personId).filter(Boolean))].length,
            },
          });
        }
        return { ...r, page: q.page, pageSize: q.pageSize };
      });
    },

    /** The filtered problems as xlsx (identifiers masked), audited. */
    async exportXlsx(ctx: AuthContext, q: Omit<ProblemQuery, 'page' | 'pageSize'>) {
      return withScope(db, ctx, async (trx) => {
        const { items, total } = await fetchProblems(
          trx,
          ctx,
          { ...q, page: 1, pageSize: EXPORT_LIMIT },
          EXPORT_LIMIT,
          0,
        );
        await audit.write(trx, ctx, {
          action: 'quality.problems.export',
          entityType: 'quality_problem',
          countyCode: q.countyCode ?? null,
          details: {
            regionCode: q.regionCode,
            ruleId: q.ruleId ?? null,
            kind: q.kind ?? null,
            total,
            exported: items.length,
          },
        });
        const wb = new ExcelJS.Workbook();
        wb.creator = 'Fuyou';
        const ws = wb.addWorksheet('质控问题');
        ws.addRow([`数据质控问题清单 · ${regions.get(q.regionCode)?.name ?? q.regionCode}`]).font = {
          bold: true,
          size: 14,
        };
        ws.addRow([
          `导出时间 ${new Date().toISOString()}；共 ${total} 条${total > items.length ? `，仅导出前 ${items.length} 条` : ''}`,
        ]);
        ws.addRow([]);
        const header = ws.addRow([
          '县区',
          '规则',
          '类别',
          '严重程度',
          '记录类型',
          '姓名',
          '证件号码',
          '机构',
          '服务日期',
          '问题详情',
          '处理建议',
          '首次发现',
        ]);
        header.font = { bold: true };
        for (const p of items) {
          ws.addRow([
            p.countyName ?? p.countyCode,
            p.ruleNameZh,
            QUALITY_RULE_KIND_LABELS[p.kind].zh,
            QUALITY_SEVERITY_LABELS[p.severity].zh,
            QUALITY_RECORD_TYPE_LABELS[p.recordType]?.zh ?? p.recordType,
            p.personName ?? '',
            p.idNumberMasked ?? '',
            p.institutionName ?? '',
            p.serviceDate ?? '',
            p.detailZh,
            p.fixZh,
            p.firstSeenAt.slice(0, 10),
          ]);
        }
        ws.columns.forEach((c, idx) => (c.width = [10, 26, 10, 8, 14, 10, 22, 24, 12, 48, 40, 12][idx] ?? 12));
        return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), filename: `质控问题-${q.regionCode}.xlsx` };
      });
    },

    /** The effective configuration of a region, its own override and the overrides it inherits. */
    async config(ctx: AuthContext, regionCode: string) {
      if (!regions.get(regionCode)) throw errors.notFound('行政区划', 'region');
      return withScope(db, { counties: [] }, async (trx) => {
        const { config, overrides } = await effectiveConfig(trx, regions, regionCode);
        const own = await trx
          .selectFrom('quality_config')
          .selectAll()
          .where('region_code', '=', regionCode)
          .executeTakeFirst();
        return {
          regionCode,
          regionName: regions.get(regionCode)?.name ?? null,
          chain: configChain(regions, regionCode),
          effective: config,
          own: own ? { config: own.config as QualityConfigOverride, note: own.note, rowVersion: own.version } : null,
          inherited: overrides.filter((o) => o.regionCode !== regionCode),
          canEdit: canConfigure(ctx, regionCode),
        };
      });
    },

    /** Sets (replaces) a region's override; null removes it. Audited; stale rowVersion → 409. */
    async setConfig(
      ctx: AuthContext,
      input: { regionCode: string; config: unknown; note?: string | undefined; rowVersion?: number | undefined },
    ): Promise<{ effective: QualityConfig; rowVersion: number | null }> {
      if (!regions.get(input.regionCode)) throw errors.field('regionCode', '区划代码不存在', 'Unknown region code');
      if (!canConfigure(ctx, input.regionCode))
        throw errors.forbidden(
          '仅系统管理员和本辖区卫生健康委员会用户可以修改质控配置',
          'Only the sysadmin and commission users may change it',
        );
      let value: QualityConfigOverride | null = null;
      if (input.config !== null) {
        const v = validateQualityOverride(input.config, QUALITY_RULE_IDS);
        if (!v.ok)
          throw errors.validation(
            v.issues.map((i) => ({
              field: `config${i.path ? `.${i.path}` : ''}`,
              messageZh: `质控配置 ${i.path || ''}：${i.messageZh}`,
              messageEn: `quality config ${i.path}: ${i.messageEn}`,
            })),
          );
        value = v.value;
      }
      return withScope(db, { counties: [], userId: ctx.userId }, async (trx) => {
        const cur = await trx
          .selectFrom('quality_config')
          .selectAll()
          .where('region_code', '=', input.regionCode)
          .forUpdate()
          .executeTakeFirst();
        if (cur && input.rowVersion !== undefined && cur.version !== input.rowVersion)
          throw errors.staleVersion(cur.version);
        if (!cur && input.rowVersion !== undefined && input.rowVersion !== 0) throw errors.staleVersion(0);
        let rowVersion: number | null = null;
        if (value === null) {
          if (cur) await trx.deleteFrom('quality_config').where('region_code', '=', input.regionCode).execute();
        } else if (cur) {
          const r = await trx
            .updateTable('quality_config')
            .set({
              config: JSON.stringify(value),
              note: input.note ?? null,
              version: cur.version + 1,
              updated_at: new Date(),
              updated_by: ctx.userId,
            })
            .where('region_code', '=', input.regionCode)
            .returning('version')
            .executeTakeFirstOrThrow();
          rowVersion = r.version;
        } else {
          await trx
            .insertInto('quality_config')
            .values({
              region_code: input.regionCode,
              config: JSON.stringify(value),
              note: input.note ?? null,
              updated_by: ctx.userId,
            })
            .execute();
          rowVersion = 1;
        }
        await audit.write(trx, ctx, {
          action: value === null ? 'quality.config.delete' : 'quality.config.set',
          entityType: 'quality_config',
          entityId: input.regionCode,
          details: { regionCode: input.regionCode, config: value },
        });
        const { config } = await effectiveConfig(trx, regions, input.regionCode);
        return { effective: config, rowVersion };
      });
    },
  };

  /** Sets a region's override as the system (demo seeding, installation scripts); validated and audited. */
  async function setConfigAsSystem(regionCode: string, config: QualityConfigOverride, note: string): Promise<void> {
    const v = validateQualityOverride(config, QUALITY_RULE_IDS);
    if (!v.ok)
      throw new Error(`invalid quality configuration: ${v.issues.map((i) => `${i.path} ${i.messageZh}`).join('; ')}`);
    await withScope(db, { counties: [] }, async (trx) => {
      await trx
        .insertInto('quality_config')
        .values({ region_code: regionCode, config: JSON.stringify(v.value), note })
        .onConflict((oc) =>
          oc.column('region_code').doUpdateSet({
            config: JSON.stringify(v.value),
            note,
            version: sql<number>`quality_config.version + 1`,
            updated_at: new Date(),
          }),
        )
        .execute();
      await audit.write(trx, null, {
        action: 'quality.config.set',
        entityType: 'quality_config',
        entityId: regionCode,
        details: { regionCode, config: v.value, note },
      });
    });
  }

  function canConfigure(ctx: AuthContext, regionCode: string): boolean {
    if (!ctx.permissions.has('quality.configure')) return false;
    if (ctx.role === 'sysadmin') return true;
    const chain = [regionCode, ...regions.ancestors(regionCode).map((r) => r.code)];
    return !!ctx.jurisdictionCode && chain.includes(ctx.jurisdictionCode);
  }
}

/** The quality query service type. */
export type QualityService = ReturnType<typeof createQualityService>;
