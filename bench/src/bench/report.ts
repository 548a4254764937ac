import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type { RunResult } from './run';

/** The machine a run happened on. */
export function machineInfo(): { cpu: string; cores: number; memoryGb: number; node: string } {
  const c = cpus();
  return {
    cpu: c[0]?.model.trim() ?? 'unknown',
    cores: c.length,
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
  };
}

const f = (n: number | undefined, d = 1) =>
  n === undefined ? '—' : n.toLocaleString('en-US', { maximumFractionDigits: d });

/** A goal and whether the run met it. */
interface Goal {
  what: string;
  target: string;
  value: string;
  met: boolean | null;
  gap?: string;
}

/** The issue's goals, checked against a run (null: not measured at this scale or not available yet). */
export function goals(r: RunResult): Goal[] {
  const out: Goal[] = [];
  const province = r.scale === 'province';
  const warm = r.dashboard.warm?.p95;
  out.push({
    what: 'dashboard warm p95 (province)',
    target: '< 1,000 ms',
    value: warm === undefined ? r.dashboard.status : `${f(warm)} ms`,
    met: warm === undefined || !province ? null : warm < 1000,
    ...(warm !== undefined && warm >= 1000 ? { gap: `${f(warm / 1000, 2)}× the goal` } : {}),
  });
  out.push({
    what: 'recompute / hand-written SQL',
    target: '≤ 1.5',
    value: r.recompute.ratio === undefined ? r.recompute.status : f(r.recompute.ratio, 2),
    met: r.recompute.ratio === undefined ? null : r.recompute.ratio <= 1.5,
    ...(r.recompute.ratio !== undefined && r.recompute.ratio > 1.5
      ? { gap: `${f(r.recompute.ratio / 1.5, 1)}× the goal` }
      : {}),
  });
  for (const l of r.load) {
    const none = l.requests === 0;
    const worklist = l.name.includes('worklist');
    const limit = worklist ? 100 : 50;
    out.push({
      what: `${l.name} p95`,
      target: `< ${limit} ms`,
      value: none ? 'no response within the test' : `${f(l.p95)} ms`,
      met: none ? false : l.p95 < limit,
      ...(none
        ? { gap: 'every request took longer than the test' }
        : l.p95 >= limit
          ? { gap: `${f(l.p95 / limit, 1)}× the goal` }
          : {}),
    });
    if (worklist)
      out.push({
        what: `${l.name} throughput`,
        target: '≥ 1,000 req/s',
        value: `${f(l.throughput, 0)} req/s`,
        met: l.throughput >= 1000,
        ...(l.throughput < 1000 ? { gap: `${f((l.throughput / 1000) * 100, 1)}% of the goal` } : {}),
      });
  }
  const wc = r.worklistCounty;
  if (wc) {
    const enough = wc.openPregnancies >= 10_000;
    for (const [label, t] of [
      ['whole county', wc.countyWide],
      ['one clinic', wc.clinic],
    ] as const)
      out.push({
        what: `maternal worklist p95, ${label}, county of ${f(wc.openPregnancies, 0)} open pregnancies (#3)`,
        target: '< 100 ms with ≥ 10,000 open',
        value: `${f(t.p95)} ms`,
        met: enough ? t.p95 < 100 : null,
        ...(enough && t.p95 >= 100 ? { gap: `${f(t.p95 / 100, 1)}× the goal` } : {}),
      });
    if (wc.load)
      out.push({
        what: `${wc.load.name}, 50 clients: p95 / throughput`,
        target: '< 100 ms, ≥ 1,000 req/s',
        value: `${f(wc.load.p95)} ms, ${f(wc.load.throughput, 0)} req/s`,
        met: enough ? wc.load.p95 < 100 && wc.load.throughput >= 1000 : null,
        ...(enough && (wc.load.p95 >= 100 || wc.load.throughput < 1000)
          ? {
              gap: `${f(wc.load.p95 / 100, 1)}× the latency, ${f((wc.load.throughput / 1000) * 100, 1)}% of the throughput`,
            }
          : {}),
      });
  }
  const cw = r.childWorklist;
  if (cw)
    for (const [label, t] of [
      ['whole county', cw.countyWide],
      ['one clinic', cw.atClinic],
    ] as const)
      out.push({
        what: `child worklist p95, ${label}, county of ${f(cw.activeChildren, 0)} active children (#4, #7)`,
        target: '< 100 ms',
        value: `${f(t.p95)} ms`,
        met: t.p95 < 100,
        ...(t.p95 >= 100 ? { gap: `${f(t.p95 / 100, 1)}× the goal` } : {}),
      });
  for (const w of r.writes) {
    out.push({
      what: `${w.name} (with audit)`,
      target: '≥ 500 /s',
      value: `${f(w.throughput, 0)} /s`,
      met: w.throughput >= 500,
      ...(w.throughput < 500 ? { gap: `${f((w.throughput / 500) * 100, 0)}% of the goal` } : {}),
    });
  }
  return out;
}

/** The result as Markdown tables. */
export function markdown(r: RunResult, command: string, date = new Date()): string {
  const m = machineInfo();
  const lines: string[] = [];
  lines.push(`### ${r.scale} on ${r.databaseVersion} — ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  lines.push('');
  lines.push(`- command: \`${command}\``);
  lines.push(
    `- machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}; database: ${r.databaseVersion}; load average at the end ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')} (other work on the machine counts against every figure)`,
  );
  lines.push(
    `- population: ${f(r.rows, 0)} rows (${r.seed.writer}, ${r.seed.counties} counties) seeded in ${f(r.seed.seconds)} s` +
      ` = ${f(r.rows / Math.max(r.seed.seconds, 1e-3), 0)} rows/s` +
      (r.seed.services ? `; ${f(r.seed.services.calls, 0)} service calls` : '') +
      `; ${f(r.seed.injectedErrors, 0)} injected data errors`,
  );
  lines.push('');
  lines.push('| benchmark | requests | req/s | p50 ms | p95 ms | p99 ms | errors / non-2xx |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|');
  if (r.dashboard.cold && r.dashboard.warm) {
    lines.push(`| 1. dashboard cold | 1 | — | ${f(r.dashboard.cold.p50)} | ${f(r.dashboard.cold.p95)} | — | 0 |`);
    lines.push(
      `| 1. dashboard warm | ${r.dashboard.warm.n} | — | ${f(r.dashboard.warm.p50)} | ${f(r.dashboard.warm.p95)} | — | 0 |`,
    );
  } else lines.push(`| 1. dashboard | — | — | — | — | — | ${r.dashboard.status} |`);
  lines.push(
    `| 2. recompute vs one SQL pass | — | — | ${r.recompute.recomputeSeconds === undefined ? '—' : `${f(r.recompute.recomputeSeconds, 2)} s`} | SQL ${f(r.recompute.sqlSeconds, 2)} s (${r.recompute.counties} counties) | — | ${r.recompute.ratio === undefined ? r.recompute.status : `ratio ${f(r.recompute.ratio, 2)}`} |`,
  );
  for (const l of [...r.load, ...r.writes]) {
    const label = r.writes.includes(l as never) ? `4. ${l.name}` : `3. ${l.name}`;
    const audit = 'auditEvents' in l ? ` (audit events +${f((l as { auditEvents: number }).auditEvents, 0)})` : '';
    lines.push(
      `| ${label}${audit} | ${f(l.requests, 0)} | ${f(l.throughput, 0)} | ${f(l.p50)} | ${f(l.p95)} | ${f(l.p99)} | ${l.errors + l.timeouts} / ${l.non2xx} |`,
    );
  }
  for (const q of r.sequential)
    lines.push(
      `| ${r.writes.some((w) => w.name === q.name) || q.name.startsWith('register') ? '4' : '3'}. ${q.name}, one client (sequential) | ${q.timing.n} | — | ${f(q.timing.p50)} | ${f(q.timing.p95)} | — | 0 |`,
    );
  const wc = r.worklistCounty;
  if (wc) {
    const what = `6. maternal worklist, ${wc.county} with ${f(wc.openPregnancies, 0)} open pregnancies`;
    lines.push(
      `| ${what}, whole county (sequential, no shared answers) | ${wc.countyWide.n} | — | ${f(wc.countyWide.p50)} | ${f(wc.countyWide.p95)} | — | 0 |`,
    );
    lines.push(
      `| ${what}, one clinic (sequential, no shared answers) | ${wc.clinic.n} | — | ${f(wc.clinic.p50)} | ${f(wc.clinic.p95)} | — | 0 |`,
    );
    if (wc.load)
      lines.push(
        `| ${what}, whole county, concurrent clients, no shared answers | ${f(wc.load.requests, 0)} | ${f(wc.load.throughput, 0)} | ${f(wc.load.p50)} | ${f(wc.load.p95)} | ${f(wc.load.p99)} | ${wc.load.errors + wc.load.timeouts} / ${wc.load.non2xx} |`,
      );
  }
  const cw = r.childWorklist;
  if (cw) {
    const what = `7. child worklist, ${cw.county} with ${f(cw.activeChildren, 0)} active children (${f(cw.listed, 0)} on the list)`;
    for (const [label, t] of [
      ['whole county', cw.countyWide],
      ['one clinic', cw.atClinic],
      ['kind=checkup_due', cw.byKind],
      [`township ${cw.township ?? '—'}`, cw.byTownship],
    ] as const)
      lines.push(
        `| ${what}, ${label} (sequential, no shared answers) | ${t.n} | — | ${f(t.p50)} | ${f(t.p95)} | — | 0 |`,
      );
  }
  lines.push('');
  if (wc?.loadSeconds !== undefined)
    lines.push(
      `- worklist county ${wc.county} generated (bulk) in ${f(wc.loadSeconds)} s, outside the region of benchmarks 1–5\n`,
    );
  lines.push('| goal | target | this run | met |');
  lines.push('|---|---|---|---|');
  for (const g of goals(r))
    lines.push(
      `| ${g.what} | ${g.target} | ${g.value} | ${g.met === null ? 'n/a' : g.met ? 'yes' : `no (${g.gap ?? ''})`} |`,
    );
  for (const n of r.notes) lines.push(`\n- ${n}`);
  lines.push('');
  return lines.join('\n');
}

/** PGlite against PostgreSQL on the same scale, side by side. */
export function comparison(a: RunResult, b: RunResult): string {
  const lines = [
    `### 5. PGlite against PostgreSQL at ${a.scale} scale`,
    '',
    `| measure | ${a.databaseVersion} | ${b.databaseVersion} |`,
    '|---|---:|---:|',
    `| seeding (${a.seed.writer}) | ${f(a.seed.seconds)} s | ${f(b.seed.seconds)} s |`,
  ];
  for (const l of [...a.load, ...a.writes]) {
    const o = [...b.load, ...b.writes].find((x) => x.name === l.name);
    lines.push(`| ${l.name} req/s | ${f(l.throughput, 0)} | ${f(o?.throughput, 0)} |`);
    lines.push(`| ${l.name} p95 ms | ${f(l.p95)} | ${f(o?.p95)} |`);
  }
  lines.push(`| hand-written indicator SQL | ${f(a.recompute.sqlSeconds, 3)} s | ${f(b.recompute.sqlSeconds, 3)} s |`);
  lines.push('');
  return lines.join('\n');
}

/** Appends a section to BENCHMARKS.md (created with its header when missing). */
export function appendToBenchmarks(file: string, text: string): void {
  if (!existsSync(file)) writeFileSync(file, '# Benchmarks\n\n');
  appendFileSync(file, `\n${text}\n`);
}
