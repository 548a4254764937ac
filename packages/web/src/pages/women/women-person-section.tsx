import { Card, Tabs } from 'antd';
import { useI18n } from '../../i18n/i18n-provider';
import { ScreeningHistory } from './screening-history';

/**
 * The woman's history in the women's-health programmes, for the person-detail page: one tab per programme.
 * Usage on the person page: `{person.sex !== 'male' && <WomenPersonSection personId={person.id} />}`.
 */
export function WomenPersonSection(props: { personId: string }) {
  const { pick } = useI18n();
  return (
    <Card title={pick('妇女保健', "Women's health")} data-testid="women-person-section">
      <Tabs
        items={[
          {
            key: 'cancer',
            label: pick('两癌筛查', 'Cancer screening'),
            children: <ScreeningHistory personId={props.personId} />,
          },
        ]}
      />
    </Card>
  );
}
