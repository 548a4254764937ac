import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Form, Input, QRCode, Result, Steps, Typography } from 'antd';
import { fetchMe, totpEnable, totpSetup } from '../../api/auth.api';
import { ME_KEY, forcedPath, useCurrentUser } from '../../app/auth';
import { useApiFeedback } from '../../components/api-feedback';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';

/** Groups a base32 secret in fours for reading aloud or typing. */
function groupSecret(s: string): string {
  return s.replace(/(.{4})/g, '$1 ').trim();
}

/**
 * Set up two-factor authentication (TOTP): a secret to enter into an authenticator app (as text and as an
 * otpauth:// link and as a QR code to scan), then one code to prove it works. Forced for the three
 * administrator roles outside demo mode.
 */
export function TotpSetupPage() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const { showError, applyToForm } = useApiFeedback();
  const [form] = Form.useForm<{ code: string }>();
  const [secret, setSecret] = useState<{ secret: string; otpauthUrl: string } | null>(null);
  const begin = useMutation({ mutationFn: totpSetup, onSuccess: setSecret, onError: showError });
  const enable = useMutation({
    mutationFn: (code: string) => totpEnable(code),
    onSuccess: async () => {
      void message.success(t('totp.enabled'));
      const fresh = await qc.fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 0 });
      navigate((fresh && forcedPath(fresh)) ?? '/', { replace: true });
    },
    onError: (e) => applyToForm(form, e),
  });

  if (me.totpEnabled) {
    return <Result status="success" title={t('totp.alreadyEnabled')} data-testid="totp-enabled" />;
  }

  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <PageHeader title={t('account.totp')} subTitle={t('totp.intro')} />
      {me.totpSetupRequired && (
        <Alert type="warning" showIcon message={t('totp.required')} style={{ marginBottom: 16 }} />
      )}
      <Card>
        <Steps
          size="small"
          current={secret ? 1 : 0}
          style={{ marginBottom: 24 }}
          items={[{ title: t('totp.step1') }, { title: t('totp.step2') }]}
        />
        {!secret ? (
          <Button type="primary" onClick={() => begin.mutate()} loading={begin.isPending} data-testid="totp-begin">
            {t('totp.generate')}
          </Button>
        ) : (
          <>
            <Typography.Paragraph>{t('totp.enterSecret')}</Typography.Paragraph>
            <QRCode value={secret.otpauthUrl} size={176} style={{ marginBottom: 16 }} data-testid="totp-qr" />
            <Typography.Paragraph>
              <Typography.Text type="secondary">{t('totp.secret')}：</Typography.Text>
              <Typography.Text
                code
                copyable={{ text: secret.secret }}
                style={{ fontSize: 16, letterSpacing: 1 }}
                data-testid="totp-secret"
              >
                {groupSecret(secret.secret)}
              </Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph>
              <Typography.Text type="secondary">{t('totp.otpauthUrl')}：</Typography.Text>
              <Typography.Text copyable style={{ wordBreak: 'break-all' }} data-testid="totp-url">
                {secret.otpauthUrl}
              </Typography.Text>
            </Typography.Paragraph>
            <Form form={form} layout="inline" onFinish={(v) => enable.mutate(v.code.trim())} style={{ marginTop: 16 }}>
              <Form.Item
                name="code"
                label={t('totp.code')}
                rules={[
                  { required: true, message: t('login.otpRequired') },
                  { pattern: /^\s*\d{6}\s*$/, message: t('totp.codeFormat') },
                ]}
              >
                <Input maxLength={6} inputMode="numeric" style={{ width: 140 }} data-testid="totp-code" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={enable.isPending} data-testid="totp-enable">
                {t('totp.enable')}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </div>
  );
}
