import { countryName } from '../../../platform/i18n/format';
import type { ViewContext } from '../../../platform/views/view-context';
import type { ReportRow } from '../analytics.report';
import { COUNTRY_SHAPES, MAP_HEIGHT, MAP_WIDTH, UNCOUNTED_SHAPES } from '../geo/world-map';
import { shownText } from '../analytics.labels';

/** Sequential blues (ColorBrewer), lightest for "fewer than 5"; "no one" is a pale grey. */
const NONE_FILL = '#f1f1f1';
const CLASS_FILLS = ['#deebf7', '#9ecae1', '#4292c6', '#2171b5', '#08306b'];
const NICE = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000];

/**
 * The lower bounds of the map's classes from 5 up: [5, …] with up to three more round numbers
 * spread evenly (on a log scale) up to the largest count. Below 5 is its own class.
 */
export function mapBreaks(max: number): number[] {
  const candidates = NICE.filter((n) => n <= max);
  if (candidates.length <= 3) return [5, ...candidates];
  const picked = [1, 2, 3].map((i) => candidates[Math.round((i * (candidates.length - 1)) / 3)]!);
  return [5, ...new Set(picked)];
}

export interface MapClass {
  fill: string;
  from: number;
  /** Inclusive; undefined for the open top class. */
  to: number | undefined;
}

/** The map's classes: "fewer than 5" (1–4) and the ranges from mapBreaks. */
export function mapClasses(rows: readonly ReportRow[]): MapClass[] {
  const max = Math.max(0, ...rows.map((r) => r.registered ?? 0));
  const breaks = mapBreaks(max);
  return [
    { fill: CLASS_FILLS[0]!, from: 1, to: 4 },
    ...breaks.map((from, i) => ({
      fill: CLASS_FILLS[i + 1 + (4 - breaks.length)]!,
      from,
      to: breaks[i + 1] === undefined ? undefined : breaks[i + 1]! - 1,
    })),
  ];
}

function classOf(value: number | null, classes: MapClass[]): MapClass {
  if (value === null) return classes[0]!;
  return classes.find((c) => value >= c.from && (c.to === undefined || value <= c.to)) ?? classes[0]!;
}

/**
 * The world map of people registered by country: SVG rendered on the server, an image with a
 * title and description for assistive technologies (the table of countries beside it carries the
 * figures), and a legend that names each class's range, so colour is never the only cue.
 */
export function WorldMap({
  ctx,
  rows,
  exact,
}: {
  ctx: ViewContext;
  rows: readonly ReportRow[];
  exact: boolean;
}) {
  const { t, locale } = ctx;
  const classes = mapClasses(rows);
  const byCountry = new Map(rows.map((r) => [r.key, r]));
  const legend = [
    { fill: NONE_FILL, label: t('analytics.map.none') },
    ...classes.map((c, i) => ({
      fill: c.fill,
      label:
        i === 0 && !exact
          ? t('analytics.fewerThan5')
          : c.to === undefined
            ? t('analytics.map.rangeOpen', { from: c.from })
            : t('analytics.map.range', { from: c.from, to: c.to }),
    })),
  ];
  return (
    <figure class="reach-map">
      <svg
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        role="img"
        aria-labelledby="reach-map-title reach-map-desc"
        focusable="false"
      >
        <title id="reach-map-title">{t('analytics.map.title')}</title>
        <desc id="reach-map-desc">{t('analytics.map.description')}</desc>
        <g stroke="#6b7480" stroke-width="0.5" stroke-linejoin="round">
          {UNCOUNTED_SHAPES.map((d, i) => (
            <path key={`u${i}`} d={d} fill={NONE_FILL} />
          ))}
          {Object.entries(COUNTRY_SHAPES).map(([code, d]) => {
            const row = byCountry.get(code);
            const fill = row ? classOf(row.registered, classes).fill : NONE_FILL;
            return (
              <path key={code} d={d} fill={fill} data-country={code}>
                <title>
                  {t('analytics.map.countryValue', {
                    country: countryName(code, locale),
                    value: row ? shownText(row.registered, t, locale) : '0',
                  })}
                </title>
              </path>
            );
          })}
        </g>
      </svg>
      <figcaption>
        <p class="legend-title" id="reach-map-legend">
          {t('analytics.map.legend')}
        </p>
        <ul class="legend" aria-labelledby="reach-map-legend">
          {legend.map((l) => (
            <li key={l.label}>
              <svg width="18" height="14" aria-hidden="true" focusable="false">
                <rect x="0.5" y="0.5" width="17" height="13" fill={l.fill} stroke="#6b7480" />
              </svg>{' '}
              {l.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
