import { useEffect, useRef } from 'react';
import * as echarts from 'echarts';
import type { WomanPage } from './maternal.api';

type Charts = NonNullable<WomanPage['current']>['charts'];

/** Gestational weight gain against the recommended band (WS/T 801-2022 for her pre-pregnancy BMI). */
export function WeightGainChart(props: { data: Charts['weightGain']; lang: string; height?: number }) {
  const { data, lang } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const en = lang === 'en-US';
    const inst = echarts.init(ref.current, undefined, { renderer: 'svg' });
    inst.setOption({
      animation: false,
      title: {
        text: en ? 'Weight gain (kg) by gestational week' : '孕期体重增长（kg）',
        left: 'center',
        textStyle: { fontSize: 14 },
      },
      tooltip: { trigger: 'item' },
      grid: { left: 48, right: 24, top: 40, bottom: 40 },
      xAxis: { type: 'value', name: en ? 'Weeks' : '孕周', nameLocation: 'middle', nameGap: 26, min: 0, max: 42 },
      yAxis: { type: 'value', name: 'kg' },
      series: [
        {
          name: en ? 'Recommended minimum' : '推荐下限',
          type: 'line',
          data: data.band.map((b) => [b.week, b.minKg]),
          showSymbol: false,
          silent: true,
          stack: 'band',
          lineStyle: { color: '#95de64', width: 1 },
        },
        {
          name: en ? 'Recommended range' : '推荐范围',
          type: 'line',
          data: data.band.map((b) => [b.week, Math.round((b.maxKg - b.minKg) * 100) / 100]),
          showSymbol: false,
          silent: true,
          stack: 'band',
          lineStyle: { color: '#95de64', width: 1 },
          areaStyle: { color: 'rgba(149, 222, 100, 0.3)' },
        },
        {
          name: en ? 'Her gain' : '实际增重',
          type: 'line',
          data: data.points.map((p) => ({ value: [p.weeks, p.gainKg], date: p.date })),
          symbolSize: 8,
          lineStyle: { color: '#1677ff', width: 2 },
          itemStyle: { color: '#1677ff' },
        },
      ],
    });
    const onResize = () => inst.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      inst.dispose();
    };
  }, [data, lang]);
  return (
    <div
      ref={ref}
      style={{ width: '100%', height: props.height ?? 300 }}
      data-testid="weight-gain-chart"
      data-points={data.points.length}
      data-band={data.band.length}
    />
  );
}

/** Blood pressure and Hb by gestational week. */
export function VitalsChart(props: { bp: Charts['bloodPressure']; hb: Charts['hb']; lang: string }) {
  const { bp, hb, lang } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const en = lang === 'en-US';
    const inst = echarts.init(ref.current, undefined, { renderer: 'svg' });
    inst.setOption({
      animation: false,
      legend: { top: 0 },
      tooltip: { trigger: 'item' },
      grid: { left: 48, right: 48, top: 36, bottom: 40 },
      xAxis: { type: 'value', name: en ? 'Weeks' : '孕周', nameLocation: 'middle', nameGap: 26, min: 0, max: 42 },
      yAxis: [
        { type: 'value', name: 'mmHg', min: 40 },
        { type: 'value', name: 'Hb g/L', min: 40 },
      ],
      series: [
        {
          name: en ? 'Systolic' : '收缩压',
          type: 'line',
          data: bp.map((p) => [p.weeks, p.systolic]),
          itemStyle: { color: '#cf1322' },
        },
        {
          name: en ? 'Diastolic' : '舒张压',
          type: 'line',
          data: bp.map((p) => [p.weeks, p.diastolic]),
          itemStyle: { color: '#fa8c16' },
        },
        {
          name: 'Hb',
          type: 'line',
          yAxisIndex: 1,
          data: hb.map((p) => [p.weeks, p.hbGL]),
          itemStyle: { color: '#722ed1' },
        },
      ],
    });
    return () => inst.dispose();
  }, [bp, hb, lang]);
  return <div ref={ref} style={{ width: '100%', height: 260 }} data-testid="vitals-chart" />;
}
