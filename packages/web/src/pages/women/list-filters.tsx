import { useState, type ReactNode } from 'react';
import { DatePicker, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { InstitutionSelect } from '../../components/institution-select';
import { useI18n } from '../../i18n/i18n-provider';

/** The filters every programme list has: name, institution, date range (and the page, reset when one changes). */
export interface CommonFilterValues {
  q?: string | undefined;
  institutionId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * State and controls of the common list filters. `controls` goes into the page's filter row; `values` into the
 * list query and the export URL; call `reset()` when a page-specific filter changes, so the list starts at page 1.
 */
export function useCommonFilters(
  opts: { name?: boolean; institution?: boolean; datesLabel?: readonly [zh: string, en: string] } = {},
) {
  const { pick } = useI18n();
  const [q, setQ] = useState<string | undefined>();
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const values: CommonFilterValues = {
    ...(opts.name !== false && q ? { q } : {}),
    ...(opts.institution !== false && institutionId ? { institutionId } : {}),
    ...(range?.[0] ? { from: range[0].format('YYYY-MM-DD') } : {}),
    ...(range?.[1] ? { to: range[1].format('YYYY-MM-DD') } : {}),
  };
  const controls: ReactNode = (
    <>
      {opts.name !== false && (
        <Input.Search
          allowClear
          placeholder={pick('姓名', 'Name')}
          style={{ width: 130 }}
          onSearch={(v) => {
            setQ(v || undefined);
            setPage(1);
          }}
        />
      )}
      {opts.institution !== false && (
        <div style={{ width: 220 }}>
          <InstitutionSelect
            value={institutionId}
            onChange={(v) => {
              setInstitutionId(v);
              setPage(1);
            }}
          />
        </div>
      )}
      <DatePicker.RangePicker
        value={range}
        placeholder={
          opts.datesLabel
            ? [pick(`${opts.datesLabel[0]}起`, `${opts.datesLabel[1]} from`), pick('止', 'to')]
            : undefined
        }
        onChange={(v) => {
          setRange(v as [Dayjs | null, Dayjs | null] | null);
          setPage(1);
        }}
      />
    </>
  );
  return { values, controls, page, setPage, reset: () => setPage(1) };
}
