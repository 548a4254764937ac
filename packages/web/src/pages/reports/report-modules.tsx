import { FileTextOutlined, NotificationOutlined, TeamOutlined } from '@ant-design/icons';
import type { AppModule } from '../../app/module-registry';
import { AnnualReportPage } from './annual-report.page';
import { LaggingPage } from './lagging.page';
import { SummonsPage } from './summons.page';

/** Pages of the annual report and of the notices and summons (spread into MODULES of the registry). */
export const REPORT_MODULES: AppModule[] = [
  {
    key: 'annual-report',
    path: '/reports/annual',
    labelZh: '妇幼年报',
    labelEn: 'Annual report',
    icon: <FileTextOutlined />,
    permission: 'indicator.read',
    element: <AnnualReportPage />,
    group: 'work',
  },
  {
    key: 'accountability-lagging',
    path: '/accountability/lagging',
    labelZh: '未达标通报',
    labelEn: 'Lagging units',
    icon: <NotificationOutlined />,
    permission: 'indicator.read',
    element: <LaggingPage />,
    group: 'work',
  },
  {
    key: 'accountability-summons',
    path: '/accountability/summons',
    labelZh: '约谈记录',
    labelEn: 'Summons',
    icon: <TeamOutlined />,
    permission: 'indicator.read',
    element: <SummonsPage />,
    group: 'work',
  },
];
