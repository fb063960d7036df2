import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createFileStore } from './file-store';

const dirs: string[] = [];
async function tempStore() {
  const dir = await mkdtemp(join(tmpdir(), 'colloquy-files-'));
  dirs.push(dir);
  return { dir, store: createFileStore(join(dir, 'uploads')) };
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('file store', () => {
  test('stores bytes under their SHA-256 and reads them back', async () => {
    const { dir, store } = await tempStore();
    const bytes = Buffer.from('%PDF-1.7 hello');

    const key = await store.put(bytes);

    expect(key).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await store.read(key)).toEqual(bytes);
    expect(await readdir(join(dir, 'uploads'))).toEqual([key]);
  });

  test('keeps one copy of the same bytes and leaves no temporary file', async () => {
    const { dir, store } = await tempStore();

    const [a, b] = await Promise.all([store.put(Buffer.from('same')), store.put(Buffer.from('same'))]);

    expect(a).toBe(b);
    expect(await readdir(join(dir, 'uploads'))).toEqual([a]);
  });

  test('refuses a key that is not a hash, so no name can leave the folder', async () => {
    const { store } = await tempStore();

    await expect(store.read('../../etc/passwd')).rejects.toThrow('not a storage key');
    expect(await store.has('0'.repeat(64))).toBe(false);
  });
});
