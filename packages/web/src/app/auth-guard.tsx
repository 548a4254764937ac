import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Button, Result, Spin } from 'antd';
import { useI18n } from '../i18n/i18n-provider';
import { forcedPath, useMe } from './auth';
import { canUse } from './nav';

/** A full-page spinner while the session is read. */
export function FullPageSpin() {
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/**
 * Renders its children only for a logged-in user; sends others to the login page (remembering where they were
 * going), and sends a session that must change its password or set up TOTP to that page first.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending, isError, refetch } = useMe();
  const location = useLocation();
  const { t } = useI18n();
  if (isPending) return <FullPageSpin />;
  if (isError) {
    return (
      <Result
        status="warning"
        title={t('error.loadSession')}
        extra={<Button onClick={() => void refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  const forced = forcedPath(me);
  if (forced && location.pathname !== forced) return <Navigate to={forced} replace />;
  return <>{children}</>;
}

/** Renders its children when the user has `permission`, else a 403 page. */
export function RequirePermission({
  permission,
  children,
}: {
  permission?: string | readonly string[] | undefined;
  children: ReactNode;
}) {
  const { data: me } = useMe();
  const { t } = useI18n();
  if (!me) return null;
  if (!canUse(permission, me.permissions)) {
    return <Result status="403" title="403" subTitle={t('error.forbiddenPage')} />;
  }
  return <>{children}</>;
}
