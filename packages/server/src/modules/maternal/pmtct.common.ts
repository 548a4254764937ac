import type { Database, Transaction } from '@fuyou/db';
import type { AuthContext } from '../../platform/context';
import type { FieldCrypto } from '../../platform/crypto';

/** The permission that lets a user see HIV, syphilis and HBsAg results (and the purple items they cause). */
export const PMTCT_PERMISSION = 'pmtct';

/** True when the caller may see PMTCT results. */
export function canSeePmtct(ctx: AuthContext): boolean {
  return ctx.permissions.has(PMTCT_PERMISSION);
}

/** A test result as stored (encrypted as JSON). */
export interface PmtctResultData {
  result: 'positive' | 'negative' | 'indeterminate';
  method?: string | undefined;
  titre?: string | undefined;
  hbeagPositive?: boolean | undefined;
  hbvDnaIuPerMl?: number | undefined;
  note?: string | undefined;
}

/** Encrypts a result. */
export function sealResult(crypto: FieldCrypto, data: PmtctResultData): string {
  return crypto.encrypt(JSON.stringify(data));
}

/** Decrypts a result. */
export function openResult(crypto: FieldCrypto, enc: string): PmtctResultData {
  return JSON.parse(crypto.decrypt(enc)) as PmtctResultData;
}

/** Latest result of each infection up to `on` (the server reads them to grade purple, whoever asks). */
export async function latestPmtctResults(
  trx: Transaction<Database>,
  crypto: FieldCrypto,
  preg: { county_code: string; id: string },
  on?: string,
): Promise<{ hivPositive?: boolean; syphilisPositive?: boolean; hbsagPositive?: boolean; tested: string[] }> {
  let q = trx
    .selectFrom('pmtct_test')
    .select(['infection', 'tested_on', 'result_enc', 'created_at'])
    .where('county_code', '=', preg.county_code)
    .where('pregnancy_id', '=', preg.id);
  if (on) q = q.where('tested_on', '<=', on);
  const rows = await q.orderBy('tested_on').orderBy('created_at').execute();
  const latest = new Map<string, PmtctResultData>();
  for (const r of rows) latest.set(r.infection, openResult(crypto, r.result_enc));
  const flag = (k: string) => {
    const r = latest.get(k);
    return r && r.result !== 'indeterminate' ? r.result === 'positive' : undefined;
  };
  const out: { hivPositive?: boolean; syphilisPositive?: boolean; hbsagPositive?: boolean; tested: string[] } = {
    tested: [...latest.keys()],
  };
  const hiv = flag('hiv');
  const syphilis = flag('syphilis');
  const hbv = flag('hbv');
  if (hiv !== undefined) out.hivPositive = hiv;
  if (syphilis !== undefined) out.syphilisPositive = syphilis;
  if (hbv !== undefined) out.hbsagPositive = hbv;
  return out;
}
