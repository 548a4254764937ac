import { AimOutlined, DashboardOutlined, LineChartOutlined, SearchOutlined } from '@ant-design/icons';
import type { AppModule } from '../../app/module-registry';
import { IndicatorDashboardPage } from './dashboard.page';
import { IndicatorExplorePage } from './explore.page';
import { IndicatorMembersPage } from './members.page';
import { IndicatorTargetsPage } from './targets.page';

/** Pages of the indicators module (spread into MODULES of the registry). */
export const INDICATOR_MODULES: AppModule[] = [
  {
    key: 'indicator-dashboard',
    path: '/indicators/dashboard',
    labelZh: '指标看板',
    labelEn: 'Indicator dashboard',
    icon: <DashboardOutlined />,
    permission: 'indicator.read',
    element: <IndicatorDashboardPage />,
    group: 'work',
  },
  {
    key: 'indicator-explore',
    path: '/indicators/explore',
    labelZh: '指标查询',
    labelEn: 'Indicator explorer',
    icon: <SearchOutlined />,
    permission: 'indicator.read',
    element: <IndicatorExplorePage />,
    group: 'work',
  },
  {
    key: 'indicator-targets',
    path: '/indicators/targets',
    labelZh: '目标值',
    labelEn: 'Targets',
    icon: <AimOutlined />,
    permission: 'indicator.read',
    element: <IndicatorTargetsPage />,
    group: 'work',
  },
  {
    // the sysadmin edits targets without reading indicators
    key: 'indicator-targets-admin',
    path: '/admin/indicator-targets',
    labelZh: '指标目标值',
    labelEn: 'Indicator targets',
    icon: <AimOutlined />,
    permission: 'setting.manage',
    element: <IndicatorTargetsPage />,
    group: 'admin',
  },
  {
    key: 'indicator-members',
    path: '/indicators/:indicatorId/members',
    labelZh: '指标名单',
    labelEn: 'Indicator list',
    icon: <LineChartOutlined />,
    permission: 'indicator.read',
    element: <IndicatorMembersPage />,
    nav: false,
  },
];
