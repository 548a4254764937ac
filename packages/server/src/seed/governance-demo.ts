/**
 * Demo governance data: the Zhoushan 2019 work plan (seed 003) with its tasks, its responsible units resolved to
 * the demo institutions, and a first data-quality run of every demo county. The demo records were back-filled at
 * seeding time, so the timeliness rules judge only what is entered afterwards.
 */
import { ZHOUSHAN_2019_PLAN } from '@fuyou/core';
import { systemContext } from '../platform/context';
import type { Services } from '../services';
import { uuidFromName } from '../modules/quality/quality.common';
import { DEMO_CITY, DEMO_COUNTIES } from './demo-institutions';

/** The id of the preloaded Zhoushan 2019 plan (stable, so seeding twice does nothing). */
export const ZHOUSHAN_2019_PLAN_ID = uuidFromName('workplan:zhoushan-2019');

export async function seedDemoGovernance(services: Services, log: (m: string) => void): Promise<void> {
  const all = (await services.institutions.list(systemContext([]), { page: 1, pageSize: 200 })).items;
  const byCode = (codes: string[]) => all.filter((i) => codes.includes(i.code));
  const withCapability = (...caps: string[]) =>
    all.filter((i) => (i.capabilities as string[]).some((c) => caps.includes(c)));
  // the classes of units the document names, as the demo city's institutions
  const units: Record<string, { id: string; name: string }[]> = {
    市妇保院: byCode(['ZS-FY']),
    市卫生健康委员会: byCode(['ZS-WJW']),
    '危重孕产妇、危重新生儿救治中心': withCapability('critical_maternal_centre', 'critical_newborn_centre'),
    '县（区）妇计中心': byCode(['DH-FY', 'PT-FY', 'DS-FY', 'SS-FY']),
    各级助产机构: withCapability('midwifery'),
    各妇幼保健机构: all.filter((i) => i.type === 'mch_hospital'),
  };
  const r = await services.workplans.importSeed(ZHOUSHAN_2019_PLAN, ZHOUSHAN_2019_PLAN_ID, (name) =>
    (units[name] ?? []).map((i) => ({ id: i.id, name: i.name })),
  );
  if (r.created) log(`  工作计划 work plan: ${ZHOUSHAN_2019_PLAN.title}（${r.tasks} 项任务 tasks）`);
  await services.quality.queries.setConfigAsSystem(
    DEMO_CITY,
    { timelinessCheckedFrom: new Date().toISOString() },
    '演示数据为启动时补录，及时性规则只判断此后录入的记录',
  );
  const runs = await services.quality.runs.request(systemContext([...DEMO_COUNTIES]), { regionCode: DEMO_CITY });
  log(`  数据质控 quality runs queued: ${runs.length}`);
}
