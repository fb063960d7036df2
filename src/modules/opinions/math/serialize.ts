/**
 * The opinion map as JSON and back: typed arrays become `{ "$typed": "Float64Array", "values": […] }`
 * so a stored map can be revived as the `previous` of the next computation (after a restart too).
 * Numbers are written with JavaScript's shortest round-trip form, so a map survives the trip
 * bit for bit and the same map always gives the same bytes.
 */
import type { OpinionMap } from './compute';

const TYPED = {
  Float64Array,
  Int32Array,
  Int8Array,
  Uint8Array,
} as const;
type TypedName = keyof typeof TYPED;

function replacer(this: unknown, _key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const name = value.constructor.name as TypedName;
    if (!(name in TYPED)) throw new Error(`cannot serialise ${name}`);
    const values = Array.from(value as unknown as ArrayLike<number>, (v) => (Object.is(v, -0) ? 0 : v));
    return { $typed: name, values };
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

export function opinionMapToJson(map: OpinionMap): string {
  return JSON.stringify(map, replacer);
}

export function opinionMapFromJson(json: string): OpinionMap {
  return JSON.parse(json, (_key, value: unknown) => {
    if (value && typeof value === 'object' && '$typed' in value && 'values' in value) {
      const { $typed, values } = value as { $typed: TypedName; values: (number | null)[] };
      const Ctor = TYPED[$typed];
      if (!Ctor) throw new Error(`unknown typed array ${String($typed)}`);
      return Ctor.from(values.map((v) => (v === null ? Number.NaN : v)));
    }
    return value;
  }) as OpinionMap;
}
