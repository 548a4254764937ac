import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Avatar,
  Button,
  Dropdown,
  Layout,
  Menu,
  Segmented,
  Space,
  Spin,
  Tag,
  Typography,
  theme,
} from 'antd';
import type { MenuProps } from 'antd';
import {
  KeyOutlined,
  LockOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  SafetyCertificateOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { logout } from '../api/auth.api';
import { ROLE_LABELS, labelOf } from '../i18n/labels';
import { useI18n } from '../i18n/i18n-provider';
import type { Lang } from '../i18n/translate';
import { isRestricted, resetSession, useCurrentUser } from './auth';
import { MODULES, MODULE_GROUPS, type ModuleGroup } from './module-registry';
import { selectedNavKey, visibleEntries } from './nav';

const { Header, Sider, Content } = Layout;

/** The language switch of the header (persisted by the i18n provider). */
export function LanguageSwitch() {
  const { lang, setLang } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      data-testid="lang-switch"
      value={lang}
      onChange={(v) => setLang(v)}
      options={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en-US', label: 'EN' },
      ]}
    />
  );
}

/** The product mark: name in both languages. */
export function Brand({ collapsed = false }: { collapsed?: boolean }) {
  const { t } = useI18n();
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 10, padding: '0 20px', height: 56, overflow: 'hidden' }}>
      <div
        aria-hidden
        style={{
          width: 28,
          height: 28,
          borderRadius: 8,
          flex: 'none',
          background: 'linear-gradient(135deg, #eb2f96 0%, #1677ff 100%)',
          color: '#fff',
          display: 'grid',
          placeItems: 'center',
          fontWeight: 700,
          fontSize: 14,
        }}
      >
        妇
      </div>
      {!collapsed && (
        <Typography.Text strong style={{ fontSize: 15, whiteSpace: 'nowrap' }}>
          {t('app.shortTitle')}
        </Typography.Text>
      )}
    </div>
  );
}

/** The shell of every logged-in page: side navigation from the module registry, header, content. */
export function AppLayout() {
  const me = useCurrentUser();
  const { t, pick, lang } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  const restricted = isRestricted(me);

  const entries = useMemo(() => visibleEntries(MODULES, me.permissions), [me.permissions]);
  const menuItems = useMemo<MenuProps['items']>(() => {
    const link = (e: (typeof entries)[number]) => ({
      key: e.key,
      icon: e.icon,
      label: (
        <Link to={e.path} data-testid={`nav-${e.key}`}>
          {pick(e.labelZh, e.labelEn)}
        </Link>
      ),
    });
    const items: NonNullable<MenuProps['items']> = entries.filter((e) => !e.group).map(link);
    for (const g of Object.keys(MODULE_GROUPS) as ModuleGroup[]) {
      const inGroup = entries.filter((e) => e.group === g);
      if (!inGroup.length) continue;
      items.push({
        type: 'group',
        key: `group-${g}`,
        label: collapsed ? null : pick(MODULE_GROUPS[g].zh, MODULE_GROUPS[g].en),
        children: inGroup.map(link),
      });
    }
    return items;
  }, [entries, pick, collapsed]);
  const selected = selectedNavKey(entries, location.pathname);

  async function doLogout() {
    try {
      await logout();
    } catch {
      // the session may already be gone; the login page is the right place either way
    }
    resetSession(qc, null);
    void message.success(t('auth.loggedOut'));
    navigate('/login', { replace: true });
  }

  const userMenu: MenuProps['items'] = [
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: <span data-testid="menu-change-password">{t('account.changePassword')}</span>,
      onClick: () => navigate('/account/password'),
    },
    {
      key: 'totp',
      icon: <SafetyCertificateOutlined />,
      label: <span data-testid="menu-totp">{t('account.totp')}</span>,
      onClick: () => navigate('/account/totp'),
      disabled: me.totpEnabled,
    },
    { type: 'divider' },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: <span data-testid="logout">{t('auth.logout')}</span>,
      onClick: () => void doLogout(),
    },
  ];

  const scope = me.institutionName ?? me.jurisdictionName;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!restricted && (
        <Sider
          width={216}
          collapsedWidth={64}
          collapsed={collapsed}
          theme="light"
          style={{
            borderRight: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 0,
            height: '100vh',
            // the menu outgrows a laptop screen once every module is listed: let it scroll
            overflowY: 'auto',
          }}
          data-testid="side-nav"
        >
          <Link to="/" style={{ color: 'inherit' }}>
            <Brand collapsed={collapsed} />
          </Link>
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={menuItems}
            style={{ borderInlineEnd: 'none' }}
          />
        </Sider>
      )}
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: '0 20px 0 8px',
            height: 56,
            lineHeight: 'normal',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Space size={12} align="center" style={{ minWidth: 0 }}>
            {restricted ? (
              <Brand />
            ) : (
              <Button
                type="text"
                aria-label={t('nav.toggle')}
                icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                onClick={() => setCollapsed((c) => !c)}
              />
            )}
            {scope && (
              <Typography.Text type="secondary" ellipsis data-testid="header-scope">
                {scope}
              </Typography.Text>
            )}
            {me.demo && <Tag color="orange">{t('app.demo')}</Tag>}
          </Space>
          <Space size={16}>
            <LanguageSwitch />
            <Dropdown menu={{ items: userMenu }} trigger={['click']} placement="bottomRight">
              <Button type="text" data-testid="user-menu" style={{ height: 44, paddingInline: 8 }}>
                <Space size={10} align="center">
                  <Avatar size="small" icon={<UserOutlined />} style={{ background: token.colorPrimary }} />
                  <span style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', lineHeight: 1.3 }}>
                    <span data-testid="current-user">{me.displayName}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {labelOf(ROLE_LABELS, me.role, lang)}
                      {restricted && <LockOutlined style={{ marginInlineStart: 4 }} />}
                    </Typography.Text>
                  </span>
                </Space>
              </Button>
            </Dropdown>
          </Space>
        </Header>
        <Content style={{ padding: 24, minWidth: 0 }}>
          {/* pages of the registry may be React.lazy components */}
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
