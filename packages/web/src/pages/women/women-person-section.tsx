import { Card, Tabs } from 'antd';
import { useI18n } from '../../i18n/i18n-provider';
import { BirthDefectHistory } from './birth-defect-history';
import { GynFpHistory } from './gyn-fp-history';
import { PreconceptionHistory } from './preconception-history';
import { PremaritalHistory } from './premarital-history';
import { ScreeningHistory } from './screening-history';
import { ThalassaemiaHistory } from './thalassaemia-history';

/**
 * The person's history in the women's-health and pre-pregnancy programmes, for the person-detail page: one tab per
 * programme. Men see the couple programmes (premarital, preconception, thalassaemia) only; the birth-defect tab
 * shows the cards where the person is the mother or the child, and aid applications.
 * Usage on the person page: `<WomenPersonSection personId={person.id} sex={person.sex} />`.
 */
export function WomenPersonSection(props: { personId: string; sex: string }) {
  const { pick } = useI18n();
  const female = props.sex !== 'male';
  const items = [
    ...(female
      ? [
          {
            key: 'cancer',
            label: pick('两癌筛查', 'Cancer screening'),
            children: <ScreeningHistory personId={props.personId} />,
          },
        ]
      : []),
    {
      key: 'premarital',
      label: pick('婚前保健', 'Premarital'),
      children: <PremaritalHistory personId={props.personId} sex={female ? 'female' : 'male'} />,
    },
    {
      key: 'preconception',
      label: pick('孕前保健与叶酸', 'Preconception and folic acid'),
      children: <PreconceptionHistory personId={props.personId} sex={female ? 'female' : 'male'} />,
    },
    {
      key: 'thalassaemia',
      label: pick('地贫', 'Thalassaemia'),
      children: <ThalassaemiaHistory personId={props.personId} />,
    },
    {
      key: 'gyn-fp',
      label: pick('普查、盆底与计划生育', 'Survey, pelvic floor, family planning'),
      children: <GynFpHistory personId={props.personId} female={female} />,
    },
    {
      key: 'birth-defects',
      label: pick('出生缺陷与救助', 'Birth defects and aid'),
      children: <BirthDefectHistory personId={props.personId} />,
    },
  ];
  return (
    <Card title={pick('妇女保健与孕前保健', "Women's and pre-pregnancy health")} data-testid="women-person-section">
      <Tabs items={items} />
    </Card>
  );
}
