import type { Database, Kysely } from '@fuyou/db';

export interface RegionNode {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

/**
 * The region tree in memory (≈3,300 rows of reference data): resolves a jurisdiction to its counties and any
 * region to its county and ancestors without a query per request.
 */
export interface RegionIndex {
  get(code: string): RegionNode | undefined;
  countyOf(code: string): string | undefined;
  countiesUnder(code: string): string[];
  ancestors(code: string): RegionNode[];
  children(code: string): RegionNode[];
  reload(): Promise<void>;
}

export async function createRegionIndex(db: Kysely<Database>): Promise<RegionIndex> {
  let byCode = new Map<string, RegionNode>();
  let childrenOf = new Map<string, RegionNode[]>();
  async function reload() {
    const rows = await db.selectFrom('region').select(['code', 'name', 'level', 'parent_code']).execute();
    byCode = new Map();
    childrenOf = new Map();
    for (const r of rows) {
      const n: RegionNode = { code: r.code, name: r.name, level: r.level, parentCode: r.parent_code };
      byCode.set(n.code, n);
    }
    for (const n of byCode.values()) {
      if (!n.parentCode) continue;
      const list = childrenOf.get(n.parentCode) ?? [];
      list.push(n);
      childrenOf.set(n.parentCode, list);
    }
  }
  await reload();
  const index: RegionIndex = {
    reload,
    get: (code) => byCode.get(code),
    children: (code) => childrenOf.get(code) ?? [],
    ancestors(code) {
      const out: RegionNode[] = [];
      let cur = byCode.get(code);
      while (cur?.parentCode) {
        cur = byCode.get(cur.parentCode);
        if (cur) out.push(cur);
      }
      return out;
    },
    countyOf(code) {
      let cur = byCode.get(code);
      while (cur && cur.level !== 'county') {
        if (cur.level === 'city' && !(childrenOf.get(cur.code) ?? []).some((c) => c.level === 'county'))
          return cur.code;
        cur = cur.parentCode ? byCode.get(cur.parentCode) : undefined;
      }
      return cur?.code;
    },
    countiesUnder(code) {
      const n = byCode.get(code);
      if (!n) return [];
      if (n.level === 'county') return [n.code];
      if (n.level === 'township' || n.level === 'village') {
        const c = index.countyOf(code);
        return c ? [c] : [];
      }
      const out: string[] = [];
      const stack = [n];
      while (stack.length) {
        const cur = stack.pop()!;
        const kids = childrenOf.get(cur.code) ?? [];
        if (cur.level === 'county' || (cur.level === 'city' && !kids.some((k) => k.level === 'county'))) {
          out.push(cur.code);
          continue;
        }
        stack.push(...kids.filter((k) => k.level !== 'township' && k.level !== 'village'));
      }
      return out.sort();
    },
  };
  return index;
}
