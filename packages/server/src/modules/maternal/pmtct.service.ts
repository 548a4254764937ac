import { randomUUID } from 'node:crypto';
import {
  isEarlyTest,
  maternalHbvAntiviralIndicated,
  pmtctDutiesFor,
  pmtctInfantPlan,
  type PmtctInfection,
} from '@fuyou/core';
import { withScope, type Database, type Transaction } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import type { ModuleDeps } from '../module-deps';
import {
  daysBetween,
  gaOf,
  gaText,
  iso,
  loadPregnancy,
  today,
  type PersonRow,
  type PregnancyRow,
} from './maternal.common';
import type { PmtctTestInput, PmtctTreatmentInput } from './maternal.schemas';
import { canSeePmtct, latestPmtctResults, openResult, sealResult, type PmtctResultData } from './pmtct.common';
import type { RiskService } from './risk.service';

/** The encrypted content of a PMTCT record. */
interface PmtctRecordData {
  infections: PmtctInfection[];
  hivExposure: 'standard' | 'high';
  treatments: Array<{
    id: string;
    infection: PmtctInfection;
    dutyCode?: string | undefined;
    kind: string;
    startedOn: string;
    detail?: string | undefined;
  }>;
}

function requirePmtct(ctx: AuthContext) {
  if (!canSeePmtct(ctx))
    throw new AppError('FORBIDDEN', 403, '查看或记录三病检测结果需要母婴阻断权限', 'The PMTCT permission is needed');
}

/**
 * PMTCT of HIV, syphilis and hepatitis B (W4): test results with dates (encrypted at rest; visible only with the
 * pmtct permission, otherwise "restricted"), early-test and first-visit flags, the PMTCT record opened by a
 * positive result (maternal duties from core, treatments), and the infant's duties once delivered.
 */
export function createPmtctService(deps: ModuleDeps, risk: RiskService) {
  const { db, audit, crypto } = deps;

  async function recordOf(trx: Transaction<Database>, preg: Pick<PregnancyRow, 'county_code' | 'id'>) {
    const row = await trx
      .selectFrom('pmtct_record')
      .selectAll()
      .where('county_code', '=', preg.county_code)
      .where('pregnancy_id', '=', preg.id)
      .executeTakeFirst();
    return row ? { row, data: JSON.parse(crypto.decrypt(row.data_enc)) as PmtctRecordData } : null;
  }

  /** Maternal duties of the infections, each done when a treatment of its infection is recorded. */
  function maternalDuties(data: PmtctRecordData) {
    const { maternal } = pmtctDutiesFor({
      hivPositive: data.infections.includes('hiv'),
      syphilisPositive: data.infections.includes('syphilis'),
      hbsagPositive: data.infections.includes('hbv'),
      hivExposure: data.hivExposure,
    });
    return maternal.map((d) => ({
      code: d.code,
      infection: d.infection,
      category: d.category,
      zh: d.zh,
      en: d.en,
      confirmed: d.confirmed,
      done:
        d.category !== 'treatment' ||
        data.treatments.some((t) => t.dutyCode === d.code || (t.infection === d.infection && !t.dutyCode)),
    }));
  }

  async function saveRecord(
    trx: Transaction<Database>,
    preg: PregnancyRow,
    existing: Awaited<ReturnType<typeof recordOf>>,
    data: PmtctRecordData,
  ) {
    const pending = maternalDuties(data).filter((d) => !d.done && d.category === 'treatment');
    const nextDue = pending.length ? today() : null;
    if (existing) {
      await trx
        .updateTable('pmtct_record')
        .set({
          data_enc: crypto.encrypt(JSON.stringify(data)),
          next_action_due: existing.row.next_action_due && nextDue ? existing.row.next_action_due : nextDue,
          version: existing.row.version + 1,
          updated_at: new Date(),
        })
        .where('county_code', '=', preg.county_code)
        .where('pregnancy_id', '=', preg.id)
        .execute();
    } else {
      await trx
        .insertInto('pmtct_record')
        .values({
          county_code: preg.county_code,
          pregnancy_id: preg.id,
          person_id: preg.person_id,
          data_enc: crypto.encrypt(JSON.stringify(data)),
          next_action_due: nextDue,
        })
        .execute();
    }
  }

  return {
    /** Records a test result; a positive result opens (or extends) the PMTCT record and re-grades the woman. */
    async addTest(ctx: AuthContext, pregnancyId: string, input: PmtctTestInput) {
      requirePmtct(ctx);
      return withScope(db, ctx, async (trx) => {
        const { preg, person } = await loadPregnancy(trx, pregnancyId);
        if (preg.status === 'closed')
          throw errors.conflict('PREGNANCY_STATE', '保健册已结案', 'The pregnancy is closed');
        if (input.testedOn > today()) throw errors.field('testedOn', '检测日期不能晚于今天', 'Test date in the future');
        const gaDays = daysBetween(preg.edd, input.testedOn) + 280;
        if (gaDays < 0) throw errors.field('testedOn', '检测日期早于末次月经', 'Test before the LMP');
        const antenatal = !preg.delivered_on || input.testedOn <= preg.delivered_on;
        const id = input.id ?? randomUUID();
        const data: PmtctResultData = {
          result: input.result,
          method: input.method,
          titre: input.titre,
          hbeagPositive: input.hbeagPositive,
          hbvDnaIuPerMl: input.hbvDnaIuPerMl,
          note: input.note,
        };
        await trx
          .insertInto('pmtct_test')
          .values({
            county_code: preg.county_code,
            id,
            pregnancy_id: preg.id,
            person_id: preg.person_id,
            infection: input.infection,
            tested_on: input.testedOn,
            ga_days: antenatal && gaDays <= 315 ? gaDays : null,
            at_labour: input.atLabour,
            early_test: antenatal && isEarlyTest(gaOf(gaDays)),
            result_enc: sealResult(crypto, data),
            created_by: ctx.userId,
          })
          .execute();
        await audit.write(trx, ctx, {
          action: 'maternal.pmtct.test',
          entityType: 'pmtct_test',
          entityId: id,
          personId: preg.person_id,
          countyCode: preg.county_code,
        });
        let assessment = null;
        if (input.result === 'positive') {
          const existing = await recordOf(trx, preg);
          const infections = [...new Set([...(existing?.data.infections ?? []), input.infection])];
          await saveRecord(trx, preg, existing, {
            infections,
            hivExposure: existing?.data.hivExposure ?? 'standard',
            treatments: existing?.data.treatments ?? [],
          });
          if (!preg.risk_purple) {
            // a positive result makes her purple: re-grade at once with her last ticked items (same transaction)
            const last = await trx
              .selectFrom('risk_assessment')
              .select(['ticked_items'])
              .where('county_code', '=', preg.county_code)
              .where('pregnancy_id', '=', preg.id)
              .orderBy('seq', 'desc')
              .executeTakeFirst();
            const fresh = (await loadPregnancy(trx, preg.id)).preg;
            const on = input.testedOn < preg.registered_on ? preg.registered_on : input.testedOn;
            assessment = await risk.assessInTx(
              trx,
              ctx,
              fresh,
              person as PersonRow,
              { items: last?.ticked_items ?? [], assessedOn: on, note: '三病检测阳性，自动重新评估' },
              { kind: 'standalone', id },
            );
          }
        }
        return { id, infection: input.infection, testedOn: input.testedOn, ...data, assessment };
      });
    },

    /** Records a maternal treatment (ART, penicillin course, HBV antiviral). */
    async addTreatment(ctx: AuthContext, pregnancyId: string, input: PmtctTreatmentInput) {
      requirePmtct(ctx);
      return withScope(db, ctx, async (trx) => {
        const { preg } = await loadPregnancy(trx, pregnancyId);
        const rec = await recordOf(trx, preg);
        if (!rec)
          throw errors.conflict('NO_PMTCT_RECORD', '该孕产妇没有阳性检测结果，无需母婴阻断治疗', 'No positive result');
        if (rec.row.version !== input.version) throw errors.staleVersion(rec.row.version);
        if (!rec.data.infections.includes(input.infection))
          throw errors.field('infection', '该感染没有阳性检测结果', 'No positive result for this infection');
        if (input.startedOn > today())
          throw errors.field('startedOn', '开始日期不能晚于今天', 'Start date in the future');
        const data: PmtctRecordData = {
          ...rec.data,
          ...(input.hivExposure ? { hivExposure: input.hivExposure } : {}),
          treatments: [
            ...rec.data.treatments,
            {
              id: randomUUID(),
              infection: input.infection,
              dutyCode: input.dutyCode,
              kind: input.kind,
              startedOn: input.startedOn,
              detail: input.detail,
            },
          ],
        };
        const pending = maternalDuties(data).filter((d) => !d.done && d.category === 'treatment');
        await trx
          .updateTable('pmtct_record')
          .set({
            data_enc: crypto.encrypt(JSON.stringify(data)),
            next_action_due: pending.length ? rec.row.next_action_due : null,
            version: rec.row.version + 1,
            updated_at: new Date(),
          })
          .where('county_code', '=', preg.county_code)
          .where('pregnancy_id', '=', preg.id)
          .execute();
        await audit.write(trx, ctx, {
          action: 'maternal.pmtct.treatment',
          entityType: 'pmtct_record',
          entityId: preg.id,
          personId: preg.person_id,
          countyCode: preg.county_code,
          details: { infection: input.infection, kind: input.kind },
        });
        return { version: rec.row.version + 1, pendingTreatments: pending.length };
      });
    },

    /**
     * The PMTCT view of a pregnancy. Without the pmtct permission: `{ restricted: true }` only (an audited
     * attempt). With it: every test (decrypted), flags, the record with maternal duties and the infant's plan.
     */
    async get(ctx: AuthContext, pregnancyId: string) {
      return withScope(db, ctx, async (trx) => {
        const { preg } = await loadPregnancy(trx, pregnancyId);
        if (!canSeePmtct(ctx)) {
          await audit.write(trx, ctx, {
            action: 'maternal.pmtct.read',
            entityType: 'pregnancy',
            entityId: pregnancyId,
            personId: preg.person_id,
            countyCode: preg.county_code,
            outcome: 'denied',
          });
          return { restricted: true as const };
        }
        const tests = await trx
          .selectFrom('pmtct_test')
          .selectAll()
          .where('county_code', '=', preg.county_code)
          .where('pregnancy_id', '=', preg.id)
          .orderBy('tested_on')
          .execute();
        const rec = await recordOf(trx, preg);
        const latest = await latestPmtctResults(trx, crypto, preg);
        const firstVisit = await trx
          .selectFrom('anc_visit')
          .select((eb) => eb.fn.min('visit_date').as('d'))
          .where('county_code', '=', preg.county_code)
          .where('pregnancy_id', '=', preg.id)
          .executeTakeFirst();
        const first = (firstVisit?.d as string | null) ?? preg.registered_on;
        const testedBy = (inf: string, limit: string | null) =>
          tests.some((t) => t.infection === inf && (limit === null || t.tested_on <= limit));
        const infections = ['hiv', 'syphilis', 'hbv'] as const;
        let infantPlan = null;
        if (rec && preg.delivered_on) {
          const d = await trx
            .selectFrom('delivery')
            .select(['delivery_date', 'delivery_time'])
            .where('county_code', '=', preg.county_code)
            .where('pregnancy_id', '=', preg.id)
            .executeTakeFirst();
          const birthAt = d
            ? d.delivery_time
              ? `${d.delivery_date}T${d.delivery_time.slice(0, 5)}+08:00`
              : d.delivery_date
            : preg.delivered_on;
          const plan = pmtctInfantPlan({
            birthAt,
            hivPositive: rec.data.infections.includes('hiv'),
            syphilisPositive: rec.data.infections.includes('syphilis'),
            hbsagPositive: rec.data.infections.includes('hbv'),
            hivExposure: rec.data.hivExposure,
          });
          if (plan.ok) infantPlan = plan.value;
        }
        const hbvTest = [...tests].reverse().find((t) => t.infection === 'hbv');
        const hbvData = hbvTest ? openResult(crypto, hbvTest.result_enc) : null;
        await audit.write(trx, ctx, {
          action: 'maternal.pmtct.read',
          entityType: 'pregnancy',
          entityId: pregnancyId,
          personId: preg.person_id,
          countyCode: preg.county_code,
        });
        return {
          restricted: false as const,
          tests: tests.map((t) => ({
            id: t.id,
            infection: t.infection,
            testedOn: t.tested_on,
            gestationalAge: gaText(t.ga_days),
            atLabour: t.at_labour,
            earlyTest: t.early_test,
            ...openResult(crypto, t.result_enc),
            createdAt: iso(t.created_at),
          })),
          status: infections.map((inf) => ({
            infection: inf,
            tested: testedBy(inf, null),
            earlyTest: tests.some((t) => t.infection === inf && t.early_test),
            testedAtFirstVisit: testedBy(inf, first),
            positive:
              inf === 'hiv'
                ? (latest.hivPositive ?? null)
                : inf === 'syphilis'
                  ? (latest.syphilisPositive ?? null)
                  : (latest.hbsagPositive ?? null),
            rapidTestAtLabourNeeded: !testedBy(inf, null),
          })),
          record: rec
            ? {
                infections: rec.data.infections,
                hivExposure: rec.data.hivExposure,
                maternalDuties: maternalDuties(rec.data),
                treatments: rec.data.treatments,
                hbvAntiviralIndicated:
                  rec.data.infections.includes('hbv') && hbvData
                    ? maternalHbvAntiviralIndicated({
                        ...(hbvData.hbvDnaIuPerMl !== undefined ? { hbvDnaIuPerMl: hbvData.hbvDnaIuPerMl } : {}),
                        ...(hbvData.hbeagPositive !== undefined ? { hbeagPositive: hbvData.hbeagPositive } : {}),
                      })
                    : false,
                nextActionDue: rec.row.next_action_due,
                version: rec.row.version,
              }
            : null,
          infantPlan,
        };
      });
    },

    /** Closes the PMTCT record of a pregnancy whose care ended (death, transfer). */
    async closeInTx(trx: Transaction<Database>, preg: Pick<PregnancyRow, 'county_code' | 'id'>) {
      await trx
        .updateTable('pmtct_record')
        .set({ closed: true, next_action_due: null, updated_at: new Date() })
        .where('county_code', '=', preg.county_code)
        .where('pregnancy_id', '=', preg.id)
        .execute();
    },
  };
}
export type PmtctService = ReturnType<typeof createPmtctService>;
