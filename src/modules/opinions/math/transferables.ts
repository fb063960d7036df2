/** The distinct ArrayBuffers under every typed array of an object tree, for postMessage's transfer list. */
export function transferablesOf(root: unknown): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const seen = new Set<object>();
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (ArrayBuffer.isView(value)) {
      if (value.buffer instanceof ArrayBuffer && value.buffer.byteLength > 0) buffers.add(value.buffer);
      return;
    }
    for (const child of Object.values(value)) walk(child);
  };
  walk(root);
  return [...buffers];
}
