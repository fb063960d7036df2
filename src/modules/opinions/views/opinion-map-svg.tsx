import { formatNumber } from '../../../platform/i18n/format';
import type { ViewContext } from '../../../platform/views/view-context';
import type { Plot, PlotPoint } from '../service/results';

/**
 * Group colours: Okabe and Ito's palette for colour-blind readers (minus its yellow, too light on
 * white), then two darker ones. Colour is never the only cue: groups are numbered on the map and in
 * the table beside it.
 */
export const GROUP_COLORS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#6A3D9A',
  '#8C510A',
];
const NOT_GROUPED = '#7b8490';

export const groupColor = (id: number) => (id < 0 ? NOT_GROUPED : GROUP_COLORS[id % GROUP_COLORS.length]!);
/** Groups are shown numbered from 1 (their stable ids start at 0). */
export const groupNumber = (id: number) => id + 1;

const WIDTH = 640;
const HEIGHT = 400;
const MARGIN = 28;

interface Scaled {
  x: number;
  y: number;
}

/** Convex hull (Andrew's monotone chain), counter-clockwise, of distinct points. */
export function convexHull(points: readonly Scaled[]): Scaled[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  const unique = sorted.filter((p, i) => i === 0 || p.x !== sorted[i - 1]!.x || p.y !== sorted[i - 1]!.y);
  if (unique.length < 3) return unique;
  const cross = (o: Scaled, a: Scaled, b: Scaled) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const half = (list: Scaled[]) => {
    const out: Scaled[] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  return [...half(unique), ...half([...unique].reverse())];
}

/** A linear map of the plot's points onto the drawing, same scale on both axes, centred. */
function scaler(plot: Plot): (x: number, y: number) => Scaled {
  const xs = [...plot.points.map((p) => p.x), ...(plot.you ? [plot.you.x] : [])];
  const ys = [...plot.points.map((p) => p.y), ...(plot.you ? [plot.you.y] : [])];
  const [minX, maxX] = [Math.min(...xs, 0), Math.max(...xs, 0)];
  const [minY, maxY] = [Math.min(...ys, 0), Math.max(...ys, 0)];
  const span = Math.max(maxX - minX, maxY - minY, 1e-9);
  const scale = Math.min(
    (WIDTH - 2 * MARGIN) / Math.max(maxX - minX, span * 0.25),
    (HEIGHT - 2 * MARGIN) / Math.max(maxY - minY, span * 0.25),
  );
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const round = (v: number) => Math.round(v * 10) / 10;
  return (x, y) => ({ x: round(WIDTH / 2 + (x - cx) * scale), y: round(HEIGHT / 2 - (y - cy) * scale) });
}

function radiusOf(point: PlotPoint, plot: Plot, largest: number): number {
  if (plot.kind === 'participants') return 4;
  // Area proportional to the people a base cluster stands for; the largest is 18 px across.
  return Math.max(2, 9 * Math.sqrt(point.weight / largest));
}

/**
 * The opinion map as server-rendered SVG: a shaded hull per group, participants as dots (or base
 * clusters as circles sized by count on large maps), the group numbers at their centres, and "you
 * are here". `title` and `description` are its text alternative (the page also has a table).
 */
export function OpinionMapSvg({
  ctx,
  plot,
  title,
  description,
}: {
  ctx: ViewContext;
  plot: Plot;
  title: string;
  description: string;
}) {
  // Positions are data, not reading order: the map is not mirrored in Arabic (direction="ltr"
  // keeps text-anchor meaning left and right).
  const { t, locale } = ctx;
  const at = scaler(plot);
  const largest = Math.max(1, ...plot.points.map((p) => p.weight));
  const byGroup = new Map<number, Scaled[]>();
  for (const p of plot.points) {
    if (p.group < 0) continue;
    const list = byGroup.get(p.group) ?? [];
    list.push(at(p.x, p.y));
    byGroup.set(p.group, list);
  }
  const you = plot.you && at(plot.you.x, plot.you.y);
  return (
    <svg
      class="opinion-map"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      direction="ltr"
      aria-labelledby="opinion-map-title opinion-map-desc"
      focusable="false"
    >
      <title id="opinion-map-title">{title}</title>
      <desc id="opinion-map-desc">{description}</desc>
      <rect class="opinion-map-frame" x="0.5" y="0.5" width={WIDTH - 1} height={HEIGHT - 1} />
      {/* One translucent layer per hull (group opacity), so the padding stroke and the fill do not add up. */}
      <g class="opinion-map-hulls">
        {[...byGroup].map(([id, points]) => {
          const hull = convexHull(points);
          // A wide round stroke pads the hull, and turns one or two points into a disc or a capsule.
          return (
            <g key={id} opacity="0.16">
              <polygon
                points={hull.map((p) => `${p.x},${p.y}`).join(' ')}
                fill={groupColor(id)}
                stroke={groupColor(id)}
                stroke-width="28"
                stroke-linejoin="round"
              />
            </g>
          );
        })}
      </g>
      <g class="opinion-map-points">
        {plot.points.map((p, i) => {
          const s = at(p.x, p.y);
          return (
            <circle
              key={i}
              cx={s.x}
              cy={s.y}
              r={radiusOf(p, plot, largest)}
              fill={groupColor(p.group)}
              fill-opacity={plot.kind === 'clusters' ? '0.75' : '0.9'}
            />
          );
        })}
      </g>
      <g class="opinion-map-labels">
        {plot.groups.map((g) => {
          const s = at(g.x, g.y);
          return (
            <g key={g.id}>
              <circle cx={s.x} cy={s.y} r="13" fill="#ffffff" stroke={groupColor(g.id)} stroke-width="3" />
              <text
                x={s.x}
                y={s.y}
                text-anchor="middle"
                dominant-baseline="central"
                class="opinion-map-number"
              >
                {formatNumber(groupNumber(g.id), locale)}
              </text>
            </g>
          );
        })}
      </g>
      {you ? (
        <g class="opinion-map-you">
          <circle cx={you.x} cy={you.y} r="9" fill="none" stroke="#1b1f24" stroke-width="2.5" />
          <circle cx={you.x} cy={you.y} r="3" fill="#1b1f24" />
          <text
            x={you.x > WIDTH - 120 ? you.x - 14 : you.x + 14}
            y={you.y < 20 ? you.y + 18 : you.y - 12}
            text-anchor={you.x > WIDTH - 120 ? 'end' : 'start'}
            class="opinion-map-label opinion-map-you-label"
          >
            {t('opinions.results.you.here')}
          </text>
        </g>
      ) : null}
    </svg>
  );
}
