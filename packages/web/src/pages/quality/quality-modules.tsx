import { lazy } from 'react';
import { SafetyCertificateOutlined, SettingOutlined } from '@ant-design/icons';
import type { AppModule } from '../../app/module-registry';

const QualityOverviewPage = lazy(() =>
  import('./quality-overview.page').then((m) => ({ default: m.QualityOverviewPage })),
);
const QualityProblemsPage = lazy(() =>
  import('./quality-problems.page').then((m) => ({ default: m.QualityProblemsPage })),
);
const QualityRulesPage = lazy(() => import('./quality-rules.page').then((m) => ({ default: m.QualityRulesPage })));

/** Pages of data-quality control (spread into MODULES of the registry). */
export const QUALITY_MODULES: AppModule[] = [
  {
    key: 'quality',
    path: '/quality',
    labelZh: '数据质控',
    labelEn: 'Data quality',
    icon: <SafetyCertificateOutlined />,
    permission: 'quality.read',
    element: <QualityOverviewPage />,
    group: 'work',
  },
  {
    key: 'quality-problems',
    path: '/quality/problems',
    labelZh: '质控问题清单',
    labelEn: 'Quality problems',
    permission: 'quality.read',
    element: <QualityProblemsPage />,
    nav: false,
  },
  {
    key: 'quality-rules',
    path: '/quality/rules',
    labelZh: '质控规则与配置',
    labelEn: 'Quality rules',
    icon: <SettingOutlined />,
    permission: 'quality.configure',
    element: <QualityRulesPage />,
    group: 'admin',
  },
];
