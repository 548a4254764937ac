import { useCallback } from 'react';
import { App as AntApp } from 'antd';
import type { FormInstance } from 'antd';
import { ApiError } from '../api/api-error';
import { useI18n } from '../i18n/i18n-provider';
import { mapFieldErrors } from './form-errors';

/** The text to show for any error in the user's language (with the request id for server faults). */
export function useErrorText() {
  const { lang, t } = useI18n();
  return useCallback(
    (e: unknown): string => {
      if (e instanceof ApiError) {
        const text = e.messageIn(lang);
        const rid = typeof e.details.requestId === 'string' ? e.details.requestId : undefined;
        return e.status >= 500 && rid ? `${text} (${t('error.requestId')}: ${rid})` : text;
      }
      return t('error.unexpected');
    },
    [lang, t],
  );
}

/**
 * Error feedback for pages: `showError(e)` pops a message; `applyToForm(form, e)` puts the server's field
 * problems under the form's fields and pops a message for whatever is left (returns true when it handled `e`).
 */
export function useApiFeedback() {
  const { message } = AntApp.useApp();
  const { lang } = useI18n();
  const errorText = useErrorText();
  const showError = useCallback((e: unknown) => void message.error(errorText(e)), [message, errorText]);
  const applyToForm = useCallback(
    (form: FormInstance, e: unknown, aliases: Record<string, string> = {}): void => {
      if (!(e instanceof ApiError) || e.fields.length === 0) {
        showError(e);
        return;
      }
      const names = Object.keys(form.getFieldsValue(true) as Record<string, unknown>);
      const registered = form.getFieldsValue() as Record<string, unknown>;
      const known = [...new Set([...names, ...Object.keys(registered)])];
      const { fields, unmatched } = mapFieldErrors(e.fields, lang, known, aliases);
      form.setFields(fields);
      if (fields.length === 0 || unmatched.length > 0) showError(e);
    },
    [lang, showError],
  );
  return { showError, applyToForm, errorText };
}
