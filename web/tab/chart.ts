/**
 * The 52-week trend as a plain SVG bar chart: no chart library, because one bar series with an
 * axis is a few dozen lines, and the bundle stays small. Colours come from the theme's CSS.
 */
import { s } from './dom';

export interface TrendPoint {
  week: string;
  percent: number | null;
}

const WIDTH = 640;
const HEIGHT = 200;
const LEFT = 36;
const BOTTOM = 24;
const TOP = 8;

export function trendChart(points: TrendPoint[], label: string, theme: string): SVGElement {
  const plotWidth = WIDTH - LEFT - 4;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const step = plotWidth / Math.max(points.length, 1);
  const y = (percent: number) => TOP + plotHeight - (percent / 100) * plotHeight;
  const grid = [0, 50, 100].map((p) =>
    s('g', {}, s('line', { x1: LEFT, x2: WIDTH - 4, y1: y(p), y2: y(p), class: 'grid' }), s('text', { x: LEFT - 4, y: y(p) + 4, 'text-anchor': 'end', class: 'axis' }, `${p}%`)),
  );
  const bars = points.map((point, i) =>
    point.percent === null
      ? s('rect', { x: LEFT + i * step + 1, y: y(0) - 1, width: Math.max(step - 2, 1), height: 1, class: 'empty' })
      : s(
          'rect',
          { x: LEFT + i * step + 1, y: y(point.percent), width: Math.max(step - 2, 1), height: Math.max(y(0) - y(point.percent), 1), class: 'bar' },
          s('title', {}, `${point.week}: ${point.percent}%`),
        ),
  );
  const first = points[0]?.week ?? '';
  const last = points[points.length - 1]?.week ?? '';
  return s(
    'svg',
    { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': label, class: 'chart', 'data-theme': theme, 'data-bars': points.filter((p) => p.percent !== null).length },
    ...grid,
    ...bars,
    s('text', { x: LEFT, y: HEIGHT - 6, class: 'axis' }, first),
    s('text', { x: WIDTH - 4, y: HEIGHT - 6, 'text-anchor': 'end', class: 'axis' }, last),
  );
}
