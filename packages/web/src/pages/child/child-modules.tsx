import {
  AlertOutlined,
  BankOutlined,
  FileExclamationOutlined,
  FileTextOutlined,
  ScheduleOutlined,
  SmileOutlined,
} from '@ant-design/icons';
import type { AppModule } from '../../app/module-registry';
import { CaseDetailPage } from './case-detail.page';
import { CaseLedgerPage } from './case-ledger.page';
import { ChildDetailPage } from './child-detail.page';
import { ChildListPage } from './child-list.page';
import { ChildProfilePage } from './child-profile.page';
import { ChildRegisterPage } from './child-register.page';
import { ChildDeathsPage } from './deaths.page';
import { FacilitiesPage } from './facilities.page';
import { MissedScreeningPage } from './missed-screening.page';
import { ChildWorklistPage } from './worklist.page';

/** Pages of the child-health module (spread into MODULES of the registry). */
export const CHILD_MODULES: AppModule[] = [
  {
    key: 'child-worklist',
    path: '/child-worklist',
    labelZh: '儿童保健工作清单',
    labelEn: 'Child-health worklist',
    icon: <ScheduleOutlined />,
    permission: 'care.read',
    element: <ChildWorklistPage />,
    group: 'work',
  },
  {
    key: 'children',
    path: '/children',
    labelZh: '儿童保健',
    labelEn: 'Child health',
    icon: <SmileOutlined />,
    permission: 'care.read',
    element: <ChildListPage />,
    group: 'work',
  },
  {
    key: 'child-register',
    path: '/children/new',
    labelZh: '登记儿童',
    labelEn: 'Register a child',
    permission: 'care.write',
    element: <ChildRegisterPage />,
    nav: false,
  },
  {
    key: 'child-profile',
    path: '/children/:personId/profile',
    labelZh: '儿童保健建档',
    labelEn: 'Child-health record',
    permission: 'care.write',
    element: <ChildProfilePage />,
    nav: false,
  },
  {
    key: 'child-detail',
    path: '/children/:personId',
    labelZh: '儿童档案',
    labelEn: 'Child record',
    permission: 'care.read',
    element: <ChildDetailPage />,
    nav: false,
  },
  {
    key: 'child-cases',
    path: '/child-cases',
    labelZh: '体弱儿/高危儿台账',
    labelEn: 'Child case ledger',
    icon: <FileExclamationOutlined />,
    permission: 'care.read',
    element: <CaseLedgerPage />,
    group: 'work',
  },
  {
    key: 'child-case-detail',
    path: '/child-cases/:caseId',
    labelZh: '专案详情',
    labelEn: 'Case',
    permission: 'care.read',
    element: <CaseDetailPage />,
    nav: false,
  },
  {
    key: 'child-deaths',
    path: '/child-deaths',
    labelZh: '5岁以下儿童死亡',
    labelEn: 'Under-5 deaths',
    icon: <FileTextOutlined />,
    permission: 'care.read',
    element: <ChildDeathsPage />,
    group: 'work',
  },
  {
    key: 'childcare-facilities',
    path: '/childcare-facilities',
    labelZh: '托幼机构卫生保健',
    labelEn: 'Childcare facilities',
    icon: <BankOutlined />,
    permission: 'care.read',
    element: <FacilitiesPage />,
    group: 'work',
  },
  {
    key: 'newborn-screening-missed',
    path: '/newborn-screening/missed',
    labelZh: '新生儿漏筛与阳性随访',
    labelEn: 'Missed newborn screening',
    icon: <AlertOutlined />,
    permission: 'care.read',
    element: <MissedScreeningPage />,
    group: 'work',
  },
];
