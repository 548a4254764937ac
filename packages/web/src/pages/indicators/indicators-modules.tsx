import { LineChartOutlined, SearchOutlined } from '@ant-design/icons';
import type { AppModule } from '../../app/module-registry';
import { IndicatorExplorePage } from './explore.page';
import { IndicatorMembersPage } from './members.page';

/** Pages of the indicators module (spread into MODULES of the registry). */
export const INDICATOR_MODULES: AppModule[] = [
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
