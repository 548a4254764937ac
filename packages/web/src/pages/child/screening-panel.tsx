import { Empty } from 'antd';
import { useI18n } from '../../i18n/i18n-provider';
import type { ChildPage } from './child.api';

/** Newborn and child screening of one child (filled in with the screening service). */
export function ScreeningPanel(props: { personId: string; page: ChildPage; onChange(): void }) {
  const { pick } = useI18n();
  void props;
  return <Empty description={pick('暂无筛查记录', 'No screening recorded')} />;
}
