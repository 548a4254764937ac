/**
 * The module registry: every page of the app is one entry here. Routes and the side navigation are built from
 * this list, so adding a module (maternal, child, women, indicators…) means adding entries, nothing else.
 *
 * An entry:
 * - `key`        stable id, also used in `data-testid="nav-<key>"` on the navigation link;
 * - `path`       route path (react-router syntax, `:param` allowed);
 * - `labelZh` / `labelEn`  the navigation and page label in both languages;
 * - `icon`       an @ant-design/icons element for the navigation;
 * - `permission` the permission a user needs (see MeDto.permissions), or a list of which any one will do; omit for
 *                "any logged-in user". It must admit exactly the roles the server answers the page's reads for: list
 *                those reads in page-loads.ts (nav-access.int.test.ts and e2e/smoke.spec.ts hold the two together);
 * - `element`    the page element; a heavy page can be loaded on demand with React.lazy (the layout has a
 *                Suspense boundary), e.g. `const GrowthPage = lazy(() => import('./growth.page'))`;
 * - `nav`        false for pages reached by links only (e.g. a record's detail page); default true;
 * - `group`      optional navigation group (`work`, `admin`, `audit`); entries of a group are listed together;
 * - `homeCard`   optional element shown on the home page to users who may use the entry (e.g. today's counts).
 *
 * Example (in a module's own file, then spread into MODULES below):
 *   export const MATERNAL_MODULES: AppModule[] = [
 *     { key: 'pregnancies', path: '/maternal', labelZh: '孕产妇管理', labelEn: 'Pregnancies',
 *       icon: <HeartOutlined />, permission: 'care.read', element: <PregnancyListPage /> },
 *   ];
 */
import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  TeamOutlined,
  UserAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { AuditLogPage } from '../pages/audit/audit-log.page';
import { HomePage } from '../pages/home/home.page';
import { InstitutionsPage } from '../pages/admin/institutions.page';
import { RegionsPage } from '../pages/admin/regions.page';
import { UsersPage } from '../pages/admin/users.page';
import { PersonDetailPage } from '../pages/people/person-detail.page';
import { PersonRegisterPage } from '../pages/people/person-register.page';
import { PersonSearchPage } from '../pages/people/person-search.page';
import { CHILD_MODULES } from '../pages/child/child-modules';
import { MATERNAL_MODULES } from '../pages/maternal/maternal-modules';
import { WOMEN_MODULES } from '../pages/women/women-modules';
import { INDICATOR_MODULES } from '../pages/indicators/indicators-modules';
import { REPORT_MODULES } from '../pages/reports/report-modules';
import { QUALITY_MODULES } from '../pages/quality/quality-modules';
import { WORKPLAN_MODULES } from '../pages/workplans/workplans-modules';

/** Navigation groups, in display order. */
export type ModuleGroup = 'work' | 'admin' | 'audit';

/** One page of the app. */
export interface AppModule {
  key: string;
  path: string;
  labelZh: string;
  labelEn: string;
  icon?: ReactNode;
  permission?: string | readonly string[];
  element: ReactNode;
  nav?: boolean;
  group?: ModuleGroup;
  homeCard?: ReactNode;
}

/** Labels of the navigation groups. */
export const MODULE_GROUPS: Record<ModuleGroup, { zh: string; en: string }> = {
  work: { zh: '业务', en: 'Care' },
  admin: { zh: '系统管理', en: 'Administration' },
  audit: { zh: '安全审计', en: 'Audit' },
};

/** All pages. Order is the navigation order. */
export const MODULES: AppModule[] = [
  { key: 'home', path: '/', labelZh: '首页', labelEn: 'Home', icon: <HomeOutlined />, element: <HomePage /> },
  {
    key: 'people',
    path: '/people',
    labelZh: '人员查询',
    labelEn: 'Find a person',
    icon: <UserOutlined />,
    permission: 'person.read',
    element: <PersonSearchPage />,
    group: 'work',
  },
  {
    key: 'person-register',
    path: '/people/new',
    labelZh: '人员登记',
    labelEn: 'Register a person',
    icon: <UserAddOutlined />,
    permission: 'person.write',
    element: <PersonRegisterPage />,
    group: 'work',
  },
  {
    key: 'person-detail',
    path: '/people/:id',
    labelZh: '人员档案',
    labelEn: 'Person record',
    permission: 'person.read',
    element: <PersonDetailPage />,
    nav: false,
  },
  ...MATERNAL_MODULES,
  ...CHILD_MODULES,
  ...WOMEN_MODULES,
  ...INDICATOR_MODULES,
  ...REPORT_MODULES,
  ...QUALITY_MODULES,
  ...WORKPLAN_MODULES,
  {
    key: 'institutions',
    path: '/admin/institutions',
    labelZh: '机构管理',
    labelEn: 'Institutions',
    icon: <ApartmentOutlined />,
    permission: 'institution.manage',
    element: <InstitutionsPage />,
    group: 'admin',
  },
  {
    key: 'regions',
    path: '/admin/regions',
    labelZh: '行政区划',
    labelEn: 'Regions',
    icon: <EnvironmentOutlined />,
    permission: 'region.manage',
    element: <RegionsPage />,
    group: 'admin',
  },
  {
    key: 'users',
    path: '/admin/users',
    labelZh: '用户管理',
    labelEn: 'Users',
    icon: <TeamOutlined />,
    permission: 'user.manage',
    element: <UsersPage />,
    group: 'admin',
  },
  {
    key: 'audit',
    path: '/audit',
    labelZh: '审计日志',
    labelEn: 'Audit log',
    icon: <AuditOutlined />,
    permission: 'audit.read',
    element: <AuditLogPage />,
    group: 'audit',
  },
];
