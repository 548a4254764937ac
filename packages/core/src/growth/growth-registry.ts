/**
 * The registry of growth references. The built-in WHO 2006 reference is always there; the server registers the
 * references it loads from the reference-data directory (WHO 2007, WHO's daily 2006 tables) at start. Functions
 * that compute z-scores take an optional list of references instead of the registry, for tests and for callers
 * that manage their own.
 */
import type { GrowthIndicator, GrowthReference, GrowthSex, GrowthStandardId, Lms } from './growth-types';
import { WHO_2006_BUILTIN_REFERENCE } from './who-2006-reference';

const registry = new Map<string, GrowthReference>([[WHO_2006_BUILTIN_REFERENCE.id, WHO_2006_BUILTIN_REFERENCE]]);

/** The standards used, in order of preference, when the caller names none: WHO 2006 (0–5 y), then WHO 2007. */
export const DEFAULT_GROWTH_STANDARDS: readonly GrowthStandardId[] = ['who2006', 'who2007'];

/** Registers a reference; one with the same id is replaced (e.g. WHO's daily 2006 tables replace the built-in). */
export function registerGrowthReference(reference: GrowthReference): void {
  registry.set(reference.id, reference);
}

/** Removes a registered reference; the built-in WHO 2006 comes back when 'who2006' is removed. */
export function unregisterGrowthReference(id: GrowthStandardId): void {
  registry.delete(id);
  if (id === WHO_2006_BUILTIN_REFERENCE.id) registry.set(id, WHO_2006_BUILTIN_REFERENCE);
}

/** Back to the built-in WHO 2006 reference only. */
export function resetGrowthReferences(): void {
  registry.clear();
  registry.set(WHO_2006_BUILTIN_REFERENCE.id, WHO_2006_BUILTIN_REFERENCE);
}

/** The registered reference with this id, if any. */
export function getGrowthReference(id: GrowthStandardId): GrowthReference | undefined {
  return registry.get(id);
}

/** All registered references. */
export function listGrowthReferences(): GrowthReference[] {
  return [...registry.values()];
}

/** Where to look for references and in which order. */
export interface GrowthReferenceSelection {
  /** Standards in order of preference; default {@link DEFAULT_GROWTH_STANDARDS}. */
  standards?: readonly GrowthStandardId[];
  /** References to use instead of the registry. */
  references?: readonly GrowthReference[];
}

/** The references to use for a selection, in order of preference. */
export function resolveGrowthReferences(selection: GrowthReferenceSelection = {}): GrowthReference[] {
  const standards = selection.standards ?? DEFAULT_GROWTH_STANDARDS;
  const pool = selection.references ?? listGrowthReferences();
  const out: GrowthReference[] = [];
  for (const id of standards) {
    const ref = pool.find((r) => r.id === id);
    if (ref) out.push(ref);
  }
  return out;
}

/** The LMS found for an indicator and the reference it came from. */
export interface ResolvedLms {
  reference: GrowthReference;
  lms: Lms;
}

/**
 * The first reference (in order) whose domain covers `indicator` at `x` (whole days, or cm) and, for
 * length/height-indexed indicators, at `ageDays`; with its LMS.
 */
export function findLms(
  references: readonly GrowthReference[],
  indicator: GrowthIndicator,
  sex: GrowthSex,
  x: number,
  ageDays: number,
): ResolvedLms | undefined {
  for (const reference of references) {
    const d = reference.domain(indicator);
    if (!d) continue;
    if (d.ageDays && (ageDays < d.ageDays.min || ageDays > d.ageDays.max)) continue;
    if (x < d.min || x > d.max) continue;
    const lms = reference.lms(indicator, sex, x);
    if (lms) return { reference, lms };
  }
  return undefined;
}

/**
 * True when some reference has `indicator` for a child of `ageDays` (whatever the measurement): used to tell
 * "no reference for this age" from "measurement outside the table".
 */
export function coversAge(
  references: readonly GrowthReference[],
  indicator: GrowthIndicator,
  ageDays: number,
): boolean {
  return references.some((r) => {
    const d = r.domain(indicator);
    if (!d) return false;
    if (d.unit === 'day') return ageDays >= d.min && ageDays <= d.max;
    return d.ageDays ? ageDays >= d.ageDays.min && ageDays <= d.ageDays.max : true;
  });
}
