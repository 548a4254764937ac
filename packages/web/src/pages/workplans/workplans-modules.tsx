import { lazy } from 'react';
import { ScheduleOutlined } from '@ant-design/icons';
import type { AppModule } from '../../app/module-registry';

const WorkPlanListPage = lazy(() => import('./workplan-list.page').then((m) => ({ default: m.WorkPlanListPage })));
const WorkPlanDetailPage = lazy(() =>
  import('./workplan-detail.page').then((m) => ({ default: m.WorkPlanDetailPage })),
);

/** Pages of work plans (spread into MODULES of the registry). */
export const WORKPLAN_MODULES: AppModule[] = [
  {
    key: 'work-plans',
    path: '/work-plans',
    labelZh: '工作计划',
    labelEn: 'Work plans',
    icon: <ScheduleOutlined />,
    permission: 'workplan.read',
    element: <WorkPlanListPage />,
    group: 'work',
  },
  {
    key: 'work-plan-detail',
    path: '/work-plans/:id',
    labelZh: '工作计划详情',
    labelEn: 'Work plan',
    permission: 'workplan.read',
    element: <WorkPlanDetailPage />,
    nav: false,
  },
];
