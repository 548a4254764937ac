import { useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { PersonDto } from '../../api/types';
import { PageHeader } from '../../components/page-header';
import { useI18n } from '../../i18n/i18n-provider';
import { WomenPersonSection } from './women-person-section';

/** A woman's women's-health record on its own page (the same section the person page shows). */
export function WomenPersonPage() {
  const { personId = '' } = useParams();
  const { pick } = useI18n();
  const person = useQuery({ queryKey: ['person', personId], queryFn: () => api.get<PersonDto>(`/people/${personId}`) });
  return (
    <>
      <PageHeader
        title={<span data-testid="women-person-title">{person.data?.name ?? '…'}</span>}
        subTitle={person.data ? `${person.data.birthDate ?? ''} ${person.data.idNumberMasked ?? ''}` : undefined}
        breadcrumb={[
          { title: pick('妇女保健', "Women's health"), to: '/women/cancer-screenings' },
          { title: pick('个人档案', 'Record') },
        ]}
        extra={<Link to={`/people/${personId}`}>{pick('人员档案', 'Person record')}</Link>}
      />
      {person.data && <WomenPersonSection personId={personId} sex={person.data.sex} />}
    </>
  );
}
