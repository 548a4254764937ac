import { useNavigate } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Form, Input } from 'antd';
import { checkPassword, passwordMessage } from '@fuyou/core';
import { changePassword, fetchMe } from '../../api/auth.api';
import { ME_KEY, forcedPath, useCurrentUser } from '../../app/auth';
import { useApiFeedback } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

/** Change one's password; forced after an account is created or its password reset. */
export function ChangePasswordPage() {
  const me = useCurrentUser();
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const { applyToForm } = useApiFeedback();
  const mutation = useMutation({
    mutationFn: (v: Values) => changePassword({ oldPassword: v.oldPassword, newPassword: v.newPassword }),
    onSuccess: async () => {
      void message.success(t('account.passwordChanged'));
      const fresh = await qc.fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 0 });
      navigate((fresh && forcedPath(fresh)) ?? '/', { replace: true });
    },
    onError: (e) => applyToForm(form, e),
  });
  const policyLang = lang === 'en-US' ? 'en' : 'zh';

  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      <PageHeader title={t('account.changePassword')} />
      {me.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          message={t('account.mustChangePassword')}
          style={{ marginBottom: 16 }}
          data-testid="forced-password-notice"
        />
      )}
      <Card>
        <Form<Values> form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
          <Form.Item
            name="oldPassword"
            label={t('account.oldPassword')}
            rules={[{ required: true, message: t('account.oldPasswordRequired') }]}
          >
            <Input.Password autoComplete="current-password" data-testid="old-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('account.newPassword')}
            extra={t('account.passwordPolicy')}
            dependencies={['oldPassword']}
            rules={[
              { required: true, message: t('account.newPasswordRequired') },
              ({ getFieldValue }) => ({
                validator(_, v: string | undefined) {
                  if (!v) return Promise.resolve();
                  if (v === getFieldValue('oldPassword')) return Promise.reject(new Error(t('account.samePassword')));
                  const problems = checkPassword(v, me.username);
                  return problems.length
                    ? Promise.reject(new Error(problems.map((p) => passwordMessage(p, policyLang)).join('；')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('account.confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('account.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: (_, v: string | undefined) =>
                  !v || v === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('account.confirmMismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="confirm-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="change-password-submit">
            {t('account.changePassword')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
