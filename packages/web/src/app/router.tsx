import { createBrowserRouter } from 'react-router-dom';
import { Result } from 'antd';
import { LoginPage } from '../pages/auth/login.page';
import { ChangePasswordPage } from '../pages/account/change-password.page';
import { TotpSetupPage } from '../pages/account/totp-setup.page';
import { useI18n } from '../i18n/i18n-provider';
import { AppLayout } from './app-layout';
import { RequireAuth, RequirePermission } from './auth-guard';
import { MODULES } from './module-registry';

function NotFound() {
  const { t } = useI18n();
  return <Result status="404" title="404" subTitle={t('error.notFoundPage')} />;
}

/** The router: the login page, and every registry module inside the guarded layout. */
export function createAppRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    {
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      children: [
        { path: '/account/password', element: <ChangePasswordPage /> },
        { path: '/account/totp', element: <TotpSetupPage /> },
        ...MODULES.map((m) => ({
          path: m.path,
          element: <RequirePermission permission={m.permission}>{m.element}</RequirePermission>,
        })),
        { path: '*', element: <NotFound /> },
      ],
    },
  ]);
}
