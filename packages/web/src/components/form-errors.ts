/** Maps the server's field problems onto form fields (pure; the hook in api-feedback.tsx applies them). */
import type { FieldProblem } from '../api/api-error';
import type { Lang } from '../i18n/translate';

/** One form field's errors, in antd's `form.setFields` shape. */
export interface FormFieldErrors {
  name: (string | number)[];
  errors: string[];
}

/** Field problems split into those a form shows under a field and those it must show elsewhere. */
export interface MappedFieldErrors {
  fields: FormFieldErrors[];
  unmatched: FieldProblem[];
}

/** `babies.0.weightG` → `['babies', 0, 'weightG']`. */
export function fieldPath(field: string): (string | number)[] {
  return field
    .split('.')
    .filter((p) => p !== '')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Groups the problems by field in the user's language. Only fields whose top-level name is in `formFields` are
 * matched (when given); the rest come back as `unmatched` so that the page can show them in an alert.
 * `aliases` renames server fields to form fields (e.g. `toResidenceRegionCode` → `region`).
 */
export function mapFieldErrors(
  problems: readonly FieldProblem[],
  lang: Lang,
  formFields?: readonly string[],
  aliases: Record<string, string> = {},
): MappedFieldErrors {
  const byField = new Map<string, FormFieldErrors>();
  const unmatched: FieldProblem[] = [];
  for (const p of problems) {
    const renamed = aliases[p.field] ?? p.field;
    const path = fieldPath(renamed);
    const top = path[0];
    if (top === undefined || (formFields && !formFields.includes(String(top)))) {
      unmatched.push(p);
      continue;
    }
    const key = path.join('.');
    const text = lang === 'en-US' ? p.messageEn || p.messageZh : p.messageZh || p.messageEn;
    const entry = byField.get(key) ?? { name: path, errors: [] };
    if (!entry.errors.includes(text)) entry.errors.push(text);
    byField.set(key, entry);
  }
  return { fields: [...byField.values()], unmatched };
}
