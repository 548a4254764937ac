import { useState, type CSSProperties } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { api } from '../../api/client';
import { searchPeople } from '../../api/people.api';
import type { PersonDto } from '../../api/types';
import { useI18n } from '../../i18n/i18n-provider';

/**
 * A searchable select of people (name, ID number or phone), for Form.Item. With `sex`, people of the other sex are
 * left out of the options. The current value's label is fetched when it is not among the results (prefilled forms).
 */
export function PersonPicker(props: {
  value?: string | null;
  onChange?: (id: string | null, person?: PersonDto) => void;
  sex?: 'female' | 'male';
  'data-testid'?: string;
  id?: string;
  disabled?: boolean;
  style?: CSSProperties;
}) {
  const { pick } = useI18n();
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['people', 'picker', q],
    queryFn: () => searchPeople(q, 1, 20),
    enabled: q.trim().length > 0,
    staleTime: 10_000,
  });
  const current = useQuery({
    queryKey: ['person', props.value],
    queryFn: () => api.get<PersonDto>(`/people/${props.value}`),
    enabled: !!props.value,
    staleTime: 60_000,
  });
  const people = (list.data?.items ?? []).filter((p) => !props.sex || p.sex === props.sex);
  if (current.data && !people.some((p) => p.id === current.data.id)) people.unshift(current.data);
  const label = (p: PersonDto) =>
    `${p.name}（${p.birthDate ?? '—'}${p.idNumberMasked ? `，${p.idNumberMasked}` : ''}）`;
  return (
    <Select
      id={props.id}
      data-testid={props['data-testid']}
      showSearch
      allowClear
      disabled={props.disabled}
      style={props.style}
      filterOption={false}
      onSearch={setQ}
      loading={list.isFetching}
      placeholder={pick('输入姓名、身份证号或电话查找', 'Search by name, ID number or phone')}
      value={props.value ?? undefined}
      onChange={(v: string | undefined) =>
        props.onChange?.(
          v ?? null,
          people.find((p) => p.id === v),
        )
      }
      options={people.map((p) => ({ value: p.id, label: label(p) }))}
      notFoundContent={q ? pick('未找到', 'Nobody found') : pick('请输入查找条件', 'Type to search')}
    />
  );
}
