import { useMemo, useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { ApiError, setApiEvents } from '../api/client';
import { I18nProvider, useI18n } from '../i18n/i18n-provider';
import { ME_KEY, resetSession } from './auth';
import { createAppRouter } from './router';
import { SESSION_EXPIRED_KEY } from './session-flags';

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        retry: (count, err) => !(err instanceof ApiError && err.status > 0 && err.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
}

function Providers() {
  const { lang } = useI18n();
  const [queryClient] = useState(makeQueryClient);
  const router = useMemo(() => {
    const r = createAppRouter();
    setApiEvents({
      onUnauthenticated() {
        if (!queryClient.getQueryData(ME_KEY)) return;
        try {
          sessionStorage.setItem(SESSION_EXPIRED_KEY, '1');
        } catch {
          // no storage: the login page just won't say why
        }
        resetSession(queryClient, null);
      },
      onSessionRestricted() {
        void queryClient.invalidateQueries({ queryKey: ME_KEY });
      },
    });
    return r;
  }, [queryClient]);
  return (
    <ConfigProvider
      locale={lang === 'zh-CN' ? zhCN : enUS}
      theme={{ token: { colorPrimary: '#1668dc', borderRadius: 6 }, components: { Layout: { bodyBg: '#f4f6f9' } } }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

/** The whole app: language, antd configuration (zh_CN / en_US), data cache, router. */
export function AppRoot() {
  return (
    <I18nProvider>
      <Providers />
    </I18nProvider>
  );
}
