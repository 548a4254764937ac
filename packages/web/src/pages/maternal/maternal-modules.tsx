import { lazy } from 'react';
import { AlertOutlined, FileExclamationOutlined, HeartOutlined, ScheduleOutlined } from '@ant-design/icons';
import type { AppModule } from '../../app/module-registry';
import { MaternalHomeCard } from './home-card';
import { MaternalWorklistPage } from './worklist.page';

const PregnancyRegisterPage = lazy(() => import('./register.page').then((m) => ({ default: m.PregnancyRegisterPage })));
const WomanPage = lazy(() => import('./woman.page').then((m) => ({ default: m.WomanPage })));
const HighRiskLedgerPage = lazy(() => import('./ledger.page').then((m) => ({ default: m.HighRiskLedgerPage })));
const CasePage = lazy(() => import('./case.page').then((m) => ({ default: m.CasePage })));
const SchedulesPage = lazy(() => import('./schedules.page').then((m) => ({ default: m.MaternalSchedulesPage })));
const MaternalDeathsPage = lazy(() => import('./deaths.page').then((m) => ({ default: m.MaternalDeathsPage })));

/** Pages of the maternal-care module (spread into MODULES of the registry). */
export const MATERNAL_MODULES: AppModule[] = [
  {
    key: 'maternal',
    path: '/maternal',
    labelZh: '孕产妇保健',
    labelEn: 'Maternal care',
    icon: <HeartOutlined />,
    permission: 'care.read',
    element: <MaternalWorklistPage />,
    group: 'work',
    homeCard: <MaternalHomeCard />,
  },
  {
    key: 'maternal-register',
    path: '/maternal/register',
    labelZh: '孕产妇建册',
    labelEn: 'Register a pregnancy',
    permission: 'care.write',
    element: <PregnancyRegisterPage />,
    nav: false,
  },
  {
    key: 'maternal-woman',
    path: '/maternal/women/:personId',
    labelZh: '孕产妇',
    labelEn: 'Pregnant woman',
    permission: 'care.read',
    element: <WomanPage />,
    nav: false,
  },
  {
    key: 'maternal-high-risk',
    path: '/maternal/high-risk',
    labelZh: '高危孕产妇台账',
    labelEn: 'High-risk ledger',
    icon: <FileExclamationOutlined />,
    permission: 'care.read',
    element: <HighRiskLedgerPage />,
    group: 'work',
  },
  {
    key: 'maternal-case',
    path: '/maternal/cases/:caseId',
    labelZh: '高危专案',
    labelEn: 'High-risk case',
    permission: 'care.read',
    element: <CasePage />,
    nav: false,
  },
  {
    key: 'maternal-deaths',
    path: '/maternal/deaths',
    labelZh: '孕产妇死亡',
    labelEn: 'Maternal deaths',
    icon: <AlertOutlined />,
    permission: 'care.read',
    element: <MaternalDeathsPage />,
    group: 'work',
  },
  {
    key: 'maternal-schedules',
    path: '/maternal/schedules',
    labelZh: '产前检查时间表',
    labelEn: 'Antenatal schedules',
    icon: <ScheduleOutlined />,
    permission: ['setting.manage', 'care.supervise'],
    element: <SchedulesPage />,
    group: 'admin',
  },
];
