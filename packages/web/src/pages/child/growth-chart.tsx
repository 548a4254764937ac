import { useEffect, useRef } from 'react';
import * as echarts from 'echarts';
import type { GrowthChartData } from './child.api';

const SD_COLOURS: Record<string, string> = {
  '-3SD': '#cf1322',
  '-2SD': '#fa8c16',
  '-1SD': '#bfbfbf',
  M: '#389e0d',
  '+1SD': '#bfbfbf',
  '+2SD': '#fa8c16',
  '+3SD': '#cf1322',
};

/** One growth chart: the −3…+3 SD curves and the child's measured points (flagged ones in red). */
export function GrowthChart(props: { chart: GrowthChartData; lang: string; height?: number }) {
  const { chart, lang } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const inst = echarts.init(ref.current, undefined, { renderer: 'svg' });
    const en = lang === 'en-US';
    const xName =
      chart.curves.xUnit === 'month' ? (en ? 'Age (months)' : '月龄') : en ? 'Length/height (cm)' : '身长/身高 (cm)';
    inst.setOption({
      animation: false,
      title: { text: en ? chart.titleEn : chart.titleZh, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'item' },
      grid: { left: 48, right: 48, top: 40, bottom: 40 },
      xAxis: { type: 'value', name: xName, nameLocation: 'middle', nameGap: 26, min: 'dataMin', max: 'dataMax' },
      yAxis: { type: 'value', name: chart.curves.yUnit, scale: true },
      series: [
        ...chart.curves.lines.map((l) => ({
          name: l.name,
          type: 'line',
          data: l.data,
          showSymbol: false,
          silent: true,
          lineStyle: {
            width: l.sd === 0 ? 2 : 1,
            color: SD_COLOURS[l.name] ?? '#999',
            type: Math.abs(l.sd) === 1 ? 'dashed' : 'solid',
          },
          endLabel: { show: true, formatter: l.name, fontSize: 10, color: SD_COLOURS[l.name] ?? '#999' },
        })),
        {
          name: en ? 'Child' : '儿童',
          type: 'line',
          data: chart.points.map((p) => ({
            value: [p.x, p.y],
            itemStyle: { color: p.flagged ? '#f5222d' : '#1677ff' },
            date: p.date,
            z: p.z,
          })),
          symbolSize: 8,
          lineStyle: { color: '#1677ff', width: 2 },
          tooltip: {
            formatter: (params: { data: { value: [number, number]; date: string; z: number | null } }) =>
              `${params.data.date}<br/>${params.data.value[1]} ${chart.curves.yUnit}${params.data.z !== null ? ` (Z=${params.data.z})` : ''}`,
          },
        },
      ],
    });
    const onResize = () => inst.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      inst.dispose();
    };
  }, [chart, lang]);
  return (
    <div
      ref={ref}
      style={{ width: '100%', height: props.height ?? 320 }}
      data-testid={`growth-chart-${chart.indicator}`}
      data-points={chart.points.length}
    />
  );
}
