import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { listInstitutions } from '../api/platform.api';
import { useI18n } from '../i18n/i18n-provider';

/** A searchable select of active institutions (value: institution id), for Form.Item. */
export function InstitutionSelect(props: {
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** Label of the current value when it is not in the first page of results (edit forms). */
  currentLabel?: string | null;
  'data-testid'?: string;
  id?: string;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['institutions', 'select', q],
    queryFn: () => listInstitutions({ q: q || undefined, active: 'true', pageSize: 50 }),
    staleTime: 30_000,
  });
  const options = (list.data?.items ?? []).map((i) => ({
    value: i.id,
    label: `${i.name}（${i.countyName ?? i.countyCode}）`,
  }));
  if (props.value && props.currentLabel && !options.some((o) => o.value === props.value)) {
    options.unshift({ value: props.value, label: props.currentLabel });
  }
  return (
    <Select
      id={props.id}
      data-testid={props['data-testid']}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setQ}
      loading={list.isFetching}
      placeholder={t('inst.selectPlaceholder')}
      value={props.value ?? undefined}
      onChange={(v: string | undefined) => props.onChange?.(v ?? null)}
      options={options}
      notFoundContent={list.isFetching ? t('common.loading') : t('common.noData')}
    />
  );
}
