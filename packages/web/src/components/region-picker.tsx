import { useCallback, useEffect, useRef, useState } from 'react';
import { Cascader } from 'antd';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { getRegion, regionChildren } from '../api/platform.api';
import type { RegionDto, RegionLevel } from '../api/types';
import { useI18n } from '../i18n/i18n-provider';
import { isLeafLevel, regionPath } from './region-path';

interface RegionOption {
  value: string;
  label: string;
  level: RegionLevel;
  isLeaf: boolean;
  children?: RegionOption[];
}

/** Props of {@link RegionPicker}; `value`/`onChange` carry one region code, so it works inside a Form.Item. */
export interface RegionPickerProps {
  value?: string | undefined;
  onChange?: (code: string | undefined) => void;
  /** Start at these counties (the user's scope) instead of the provinces. */
  counties?: readonly string[] | undefined;
  /** Deepest level offered (default township). */
  maxLevel?: RegionLevel;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  style?: React.CSSProperties;
  'data-testid'?: string;
  id?: string;
}

const STALE = Number.POSITIVE_INFINITY;

function childrenOf(qc: QueryClient, code: string | undefined) {
  return qc.fetchQuery({
    queryKey: ['regions', 'children', code ?? 'root'],
    queryFn: () => regionChildren(code),
    staleTime: STALE,
  });
}

function regionOf(qc: QueryClient, code: string) {
  return qc.fetchQuery({ queryKey: ['regions', 'one', code], queryFn: () => getRegion(code), staleTime: STALE });
}

/**
 * A cascader of administrative regions loading each level's children lazily from /api/v1/regions. Any level can
 * be chosen (the form's rules or the server say whether it is deep enough). With `counties` it starts at those
 * counties, so that a clinician can only pick places in her own scope.
 */
export function RegionPicker(props: RegionPickerProps) {
  const { counties, maxLevel = 'township', value, onChange } = props;
  const qc = useQueryClient();
  const { t } = useI18n();
  const roots = useRef<RegionOption[]>([]);
  const [, setTick] = useState(0);
  // the cascader notices new children only when the options array is a new one
  const rerender = () => {
    roots.current = [...roots.current];
    setTick((n) => n + 1);
  };
  const [path, setPath] = useState<string[]>([]);
  const [loadingRoots, setLoadingRoots] = useState(true);
  const countiesKey = counties?.join(',');

  const toOption = useCallback(
    (r: RegionDto): RegionOption => ({
      value: r.code,
      label: r.name,
      level: r.level,
      isLeaf: isLeafLevel(r.level, maxLevel),
    }),
    [maxLevel],
  );

  const loadChildren = useCallback(
    async (opt: RegionOption) => {
      if (opt.children || opt.isLeaf) return;
      const res = await childrenOf(qc, opt.value);
      opt.children = res.items.map(toOption);
      if (opt.children.length === 0) {
        opt.isLeaf = true;
        delete opt.children;
      }
    },
    [qc, toOption],
  );

  // roots: the given counties, or the provinces
  useEffect(() => {
    let alive = true;
    setLoadingRoots(true);
    const load = async () => {
      const list = countiesKey
        ? await Promise.all(countiesKey.split(',').map((c) => regionOf(qc, c)))
        : (await childrenOf(qc, undefined)).items;
      if (!alive) return;
      roots.current = list.map(toOption);
      setLoadingRoots(false);
      rerender();
    };
    load().catch(() => alive && setLoadingRoots(false));
    return () => {
      alive = false;
    };
  }, [qc, countiesKey, toOption]);

  // an outside value (an edit form's initial value): find its path and load the levels along it
  useEffect(() => {
    if (loadingRoots) return;
    if (!value) {
      setPath((p) => (p.length ? [] : p));
      return;
    }
    if (path.at(-1) === value) return;
    let alive = true;
    const resolve = async () => {
      const node = await regionOf(qc, value);
      const chain = regionPath(node, node.ancestors, countiesKey ? countiesKey.split(',') : undefined) ?? [value];
      let level = roots.current;
      for (const code of chain.slice(0, -1)) {
        const opt = level.find((o) => o.value === code);
        if (!opt) break;
        await loadChildren(opt);
        level = opt.children ?? [];
      }
      if (!alive) return;
      setPath(chain);
      rerender();
    };
    resolve().catch(() => alive && setPath([value]));
    return () => {
      alive = false;
    };
  }, [value, loadingRoots, qc, countiesKey, loadChildren, path]);

  return (
    <Cascader<RegionOption>
      id={props.id}
      data-testid={props['data-testid']}
      style={props.style ?? { width: '100%' }}
      options={roots.current}
      value={path}
      changeOnSelect
      disabled={props.disabled}
      allowClear={props.allowClear ?? true}
      placeholder={props.placeholder ?? t('region.placeholder')}
      loading={loadingRoots}
      notFoundContent={loadingRoots ? t('common.loading') : undefined}
      loadData={(selected) => {
        const last = selected.at(-1);
        if (!last) return;
        void loadChildren(last).then(rerender);
      }}
      onChange={(p) => {
        const codes = (p ?? []).map(String);
        setPath(codes);
        onChange?.(codes.at(-1));
      }}
    />
  );
}
