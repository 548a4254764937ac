import { useEffect, useRef, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import type { InputRef } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { login } from '../../api/auth.api';
import { ApiError } from '../../api/api-error';
import { forcedPath, resetSession, useMe } from '../../app/auth';
import { SESSION_EXPIRED_KEY } from '../../app/session-flags';
import { Brand, LanguageSwitch } from '../../app/app-layout';
import { safeNext } from '../../app/nav';
import { FullPageSpin } from '../../app/auth-guard';
import { useI18n } from '../../i18n/i18n-provider';
import { mapFieldErrors } from '../../components/form-errors';

interface LoginValues {
  username: string;
  password: string;
  otp?: string;
}

function takeExpiredFlag(): boolean {
  try {
    const v = sessionStorage.getItem(SESSION_EXPIRED_KEY) === '1';
    sessionStorage.removeItem(SESSION_EXPIRED_KEY);
    return v;
  } catch {
    return false;
  }
}

/** The login page: username and password, then a one-time code when the account uses TOTP. */
export function LoginPage() {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<LoginValues>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const qc = useQueryClient();
  const me = useMe();
  const [otpStep, setOtpStep] = useState(false);
  const [problem, setProblem] = useState<{ type: 'error' | 'info'; text: string } | null>(null);
  const [expired] = useState(takeExpiredFlag);
  const otpRef = useRef<InputRef>(null);

  useEffect(() => {
    if (otpStep) otpRef.current?.focus();
  }, [otpStep]);

  const mutation = useMutation({
    mutationFn: (v: LoginValues) =>
      login({ username: v.username.trim(), password: v.password, otp: otpStep ? v.otp?.trim() : undefined }),
    onSuccess: (user) => {
      resetSession(qc, user);
      navigate(forcedPath(user) ?? safeNext(params.get('next')), { replace: true });
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) {
        setProblem({ type: 'error', text: t('error.unexpected') });
        return;
      }
      let text = e.messageIn(lang);
      switch (e.code) {
        case 'OTP_REQUIRED':
          setOtpStep(true);
          setProblem({ type: 'info', text });
          return;
        case 'OTP_INVALID':
          setOtpStep(true);
          form.setFieldValue('otp', '');
          break;
        case 'INVALID_CREDENTIALS':
          form.setFieldValue('password', '');
          break;
        case 'ACCOUNT_LOCKED':
          if (lang === 'en-US' && typeof e.details.lockedUntil === 'string') {
            text = `${text} (${t('auth.lockedUntil', { time: dayjs(e.details.lockedUntil).format('HH:mm') })})`;
          }
          break;
        default:
          if (e.fields.length) {
            const mapped = mapFieldErrors(e.fields, lang, ['username', 'password', 'otp']).fields;
            form.setFields(mapped as Parameters<typeof form.setFields>[0]);
          }
      }
      setProblem({ type: 'error', text });
    },
  });

  if (me.isPending) return <FullPageSpin />;
  if (me.data) return <Navigate to={forcedPath(me.data) ?? safeNext(params.get('next'))} replace />;

  return (
    <div style={{ minHeight: '100vh', display: 'flex', background: '#f4f6f9' }}>
      <div
        style={{
          flex: '1 1 55%',
          background: 'linear-gradient(150deg, #0b3d91 0%, #1668dc 55%, #c41d7f 130%)',
          color: '#fff',
          padding: '56px 64px',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          minWidth: 0,
        }}
      >
        <div style={{ fontSize: 16, opacity: 0.9, letterSpacing: 1 }}>Fuyou · 妇幼</div>
        <div>
          <div style={{ fontSize: 34, fontWeight: 600, lineHeight: 1.3 }}>{t('app.title')}</div>
          <div style={{ fontSize: 16, opacity: 0.85, marginTop: 12, maxWidth: 520 }}>{t('login.tagline')}</div>
        </div>
        <div style={{ fontSize: 13, opacity: 0.7 }}>{t('login.footer')}</div>
      </div>
      <div
        style={{
          flex: '1 1 45%',
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'center',
          justifyContent: 'center',
          padding: 32,
          position: 'relative',
        }}
      >
        <div style={{ position: 'absolute', top: 20, right: 24 }}>
          <LanguageSwitch />
        </div>
        <Card style={{ width: 380, boxShadow: '0 6px 24px rgba(0,0,0,0.06)' }} variant="borderless">
          <div style={{ marginLeft: -20, marginBottom: 8 }}>
            <Brand />
          </div>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('login.heading')}
          </Typography.Title>
          {expired && !problem && (
            <Alert type="warning" showIcon message={t('login.sessionExpired')} style={{ marginBottom: 16 }} />
          )}
          {problem && (
            <Alert
              type={problem.type}
              showIcon
              message={problem.text}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          )}
          <Form<LoginValues>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(v) => {
              setProblem(null);
              mutation.mutate(v);
            }}
            data-testid="login-form"
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                data-testid="login-username"
                disabled={otpStep}
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                data-testid="login-password"
                disabled={otpStep}
              />
            </Form.Item>
            {otpStep && (
              <Form.Item
                name="otp"
                label={t('login.otp')}
                extra={t('login.otpHelp')}
                rules={[
                  { required: true, message: t('login.otpRequired') },
                  { pattern: /^\d{6}$/, message: t('totp.codeFormat') },
                ]}
              >
                <Input
                  ref={otpRef}
                  prefix={<SafetyOutlined />}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  data-testid="login-otp"
                />
              </Form.Item>
            )}
            <Button
              type="primary"
              htmlType="submit"
              block
              size="large"
              loading={mutation.isPending}
              data-testid="login-submit"
            >
              {t('login.submit')}
            </Button>
            {otpStep && (
              <Button
                type="link"
                block
                style={{ marginTop: 8 }}
                onClick={() => {
                  setOtpStep(false);
                  setProblem(null);
                  form.resetFields();
                }}
              >
                {t('login.otherAccount')}
              </Button>
            )}
          </Form>
        </Card>
      </div>
    </div>
  );
}
