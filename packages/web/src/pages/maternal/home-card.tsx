import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import { useI18n } from '../../i18n/i18n-provider';
import { WORK_KINDS, lbl } from './maternal-labels';
import { maternalApi } from './maternal.api';

/** The kinds shown on the home page, in the order a clinic works them. */
const SHOWN = [
  'visit_overdue',
  'visit_due',
  'postpartum_overdue',
  'unassessed',
  'screen_referral',
  'report_due',
  'delivery_hospital',
  'referral_not_received',
] as const;

/** Today's maternal work on the home page: the worklist counts, each a link to the list of that kind. */
export function MaternalHomeCard() {
  const { pick, lang } = useI18n();
  const q = useQuery({ queryKey: ['maternal', 'worklist', 'home'], queryFn: () => maternalApi.worklist({ limit: 1 }) });
  const counts = q.data?.counts ?? {};
  return (
    <Card
      size="small"
      loading={q.isLoading}
      title={pick('孕产妇保健：今日工作', "Maternal care: today's work")}
      extra={<Link to="/maternal">{pick('工作清单', 'Worklist')}</Link>}
      data-testid="home-maternal"
    >
      <Row gutter={[8, 8]}>
        {SHOWN.map((k) => (
          <Col key={k} xs={12} md={6}>
            <Link to={`/maternal?kind=${k}`} data-testid={`home-maternal-${k}`}>
              <Statistic
                title={lbl(WORK_KINDS, k, lang)}
                value={counts[k] ?? 0}
                valueStyle={{
                  fontSize: 20,
                  color: (counts[k] ?? 0) > 0 && k.endsWith('overdue') ? '#cf1322' : undefined,
                }}
              />
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
