import {
  AlertOutlined,
  FlagOutlined,
  FundOutlined,
  BarChartOutlined,
  ExperimentOutlined,
  FileProtectOutlined,
  HeartOutlined,
  MedicineBoxOutlined,
  SafetyOutlined,
  WomanOutlined,
} from '@ant-design/icons';
import { BirthDefectDetailPage } from './birth-defect-detail.page';
import { BirthDefectsPage } from './birth-defects.page';
import { FamilyPlanningPage } from './family-planning.page';
import { FolicAcidPage } from './folic-acid.page';
import { GynPelvicPage } from './gyn-pelvic.page';
import { ThalassaemiaPage } from './thalassaemia.page';
import { MarriageRegistrationsPage } from './marriage-registrations.page';
import { PreconceptionDetailPage } from './preconception-detail.page';
import { PreconceptionListPage } from './preconception-list.page';
import { PreconceptionRegisterPage } from './preconception-register.page';
import { PremaritalDetailPage } from './premarital-detail.page';
import { PremaritalListPage } from './premarital-list.page';
import { PremaritalRegisterPage } from './premarital-register.page';
import { ProgrammesPage } from './programmes.page';
import type { AppModule } from '../../app/module-registry';
import { ScreeningCasesPage } from './screening-cases.page';
import { ScreeningCoveragePage } from './screening-coverage.page';
import { ScreeningDetailPage } from './screening-detail.page';
import { ScreeningListPage } from './screening-list.page';
import { ScreeningRegisterPage } from './screening-register.page';
import { WomenPersonPage } from './women-person.page';

/** Pages of the women's-health module (spread into MODULES of the registry). */
export const WOMEN_MODULES: AppModule[] = [
  {
    key: 'women-cancer-screenings',
    path: '/women/cancer-screenings',
    labelZh: '两癌筛查',
    labelEn: 'Cancer screening',
    icon: <WomanOutlined />,
    permission: 'care.read',
    element: <ScreeningListPage />,
    group: 'work',
  },
  {
    key: 'women-cancer-screening-new',
    path: '/women/cancer-screenings/new',
    labelZh: '两癌筛查登记',
    labelEn: 'Record a cancer screening',
    permission: 'care.write',
    element: <ScreeningRegisterPage />,
    nav: false,
  },
  {
    key: 'women-cancer-screening-detail',
    path: '/women/cancer-screenings/:id',
    labelZh: '筛查记录',
    labelEn: 'Screening record',
    permission: 'care.read',
    element: <ScreeningDetailPage />,
    nav: false,
  },
  {
    key: 'women-cancer-cases',
    path: '/women/cancer-screening-cases',
    labelZh: '两癌异常随访',
    labelEn: 'Cancer screening follow-up',
    icon: <AlertOutlined />,
    permission: 'care.read',
    element: <ScreeningCasesPage />,
    group: 'work',
  },
  {
    key: 'women-cancer-coverage',
    path: '/women/cancer-screening-coverage',
    labelZh: '两癌筛查覆盖率',
    labelEn: 'Cancer screening coverage',
    icon: <BarChartOutlined />,
    permission: 'care.read',
    element: <ScreeningCoveragePage />,
    group: 'work',
  },
  {
    key: 'women-premarital',
    path: '/women/premarital-exams',
    labelZh: '婚前医学检查',
    labelEn: 'Premarital examinations',
    icon: <FileProtectOutlined />,
    permission: 'care.read',
    element: <PremaritalListPage />,
    group: 'work',
  },
  {
    key: 'women-premarital-new',
    path: '/women/premarital-exams/new',
    labelZh: '婚前医学检查登记',
    labelEn: 'Record a premarital examination',
    permission: 'care.write',
    element: <PremaritalRegisterPage />,
    nav: false,
  },
  {
    key: 'women-premarital-detail',
    path: '/women/premarital-exams/:id',
    labelZh: '婚前医学检查记录',
    labelEn: 'Premarital examination',
    permission: 'care.read',
    element: <PremaritalDetailPage />,
    nav: false,
  },
  {
    key: 'women-premarital-rate',
    path: '/women/premarital-rate',
    labelZh: '婚检率与结婚登记',
    labelEn: 'Premarital examination rate',
    permission: 'care.read',
    element: <MarriageRegistrationsPage />,
    nav: false,
  },
  {
    key: 'women-preconception',
    path: '/women/preconception-checks',
    labelZh: '孕前优生健康检查',
    labelEn: 'Preconception checks',
    icon: <HeartOutlined />,
    permission: 'care.read',
    element: <PreconceptionListPage />,
    group: 'work',
  },
  {
    key: 'women-preconception-new',
    path: '/women/preconception-checks/new',
    labelZh: '孕前检查登记',
    labelEn: 'Record a preconception check',
    permission: 'care.write',
    element: <PreconceptionRegisterPage />,
    nav: false,
  },
  {
    key: 'women-preconception-detail',
    path: '/women/preconception-checks/:id',
    labelZh: '孕前检查记录',
    labelEn: 'Preconception check',
    permission: 'care.read',
    element: <PreconceptionDetailPage />,
    nav: false,
  },
  {
    key: 'women-folic-acid',
    path: '/women/folic-acid',
    labelZh: '叶酸发放与随访',
    labelEn: 'Folic acid',
    permission: 'care.read',
    element: <FolicAcidPage />,
    nav: false,
  },
  {
    key: 'women-thalassaemia',
    path: '/women/thalassaemia',
    labelZh: '地贫防控',
    labelEn: 'Thalassaemia',
    permission: 'care.read',
    element: <ThalassaemiaPage />,
    icon: <ExperimentOutlined />,
    group: 'work',
  },
  {
    key: 'women-gyn-pelvic',
    path: '/women/gyn-pelvic',
    labelZh: '妇女病普查与盆底康复',
    labelEn: 'Gynaecological survey and pelvic floor',
    icon: <MedicineBoxOutlined />,
    permission: 'care.read',
    element: <GynPelvicPage />,
    group: 'work',
  },
  {
    key: 'women-family-planning',
    path: '/women/family-planning',
    labelZh: '计划生育技术服务',
    labelEn: 'Family planning',
    icon: <SafetyOutlined />,
    permission: 'care.read',
    element: <FamilyPlanningPage />,
    group: 'work',
  },
  {
    key: 'women-birth-defects',
    path: '/women/birth-defects',
    labelZh: '出生缺陷监测与救助',
    labelEn: 'Birth defects and aid',
    icon: <FlagOutlined />,
    permission: 'care.read',
    element: <BirthDefectsPage />,
    group: 'work',
  },
  {
    key: 'women-birth-defect-detail',
    path: '/women/birth-defects/:id',
    labelZh: '出生缺陷儿登记卡',
    labelEn: 'Birth-defect card',
    permission: 'care.read',
    element: <BirthDefectDetailPage />,
    nav: false,
  },
  {
    key: 'women-programmes',
    path: '/women/programmes',
    labelZh: '惠民项目进度',
    labelEn: 'Funded programmes',
    icon: <FundOutlined />,
    // the readers the server admits (programme.service's PROGRAMME_READERS): the sysadmin (setting.manage), care
    // and the indicator readers; not the security administrator
    permission: ['setting.manage', 'care.read', 'indicator.read'],
    element: <ProgrammesPage />,
    group: 'work',
  },
  {
    key: 'women-person',
    path: '/women/people/:personId',
    labelZh: '妇女保健档案',
    labelEn: "Women's health record",
    permission: 'care.read',
    element: <WomenPersonPage />,
    nav: false,
  },
];
