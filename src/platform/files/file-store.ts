import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * Uploaded files, kept outside the web root under the data directory
 * (docs/adr/0016-file-store-and-upload-checks.md). A file is named by the SHA-256 of its bytes, so
 * the same upload twice is stored once and a name can never point outside the folder. Writes are
 * atomic: the bytes go to a temporary file in the same folder, which is then renamed.
 */
export interface FileStore {
  /** Stores the bytes and returns their key (64 hex digits). */
  put(bytes: Buffer): Promise<string>;
  /** The bytes under a key. @throws Error when there are none. */
  read(key: string): Promise<Buffer>;
  has(key: string): Promise<boolean>;
}

const KEY = /^[0-9a-f]{64}$/;

export function isStorageKey(key: string): boolean {
  return KEY.test(key);
}

/** The file store under DATA_DIR/uploads. */
export function fileStoreOf(config: { DATA_DIR: string }): FileStore {
  return createFileStore(join(resolve(config.DATA_DIR), 'uploads'));
}

export function createFileStore(dir: string): FileStore {
  const pathOf = (key: string): string => {
    if (!isStorageKey(key)) throw new Error(`not a storage key: ${key}`);
    return join(dir, key);
  };
  const has = async (key: string): Promise<boolean> => {
    try {
      return (await stat(pathOf(key))).isFile();
    } catch {
      return false;
    }
  };
  return {
    async put(bytes) {
      const key = createHash('sha256').update(bytes).digest('hex');
      if (await has(key)) return key;
      await mkdir(dir, { recursive: true });
      const temporary = join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
      try {
        await writeFile(temporary, bytes, { flag: 'wx', mode: 0o640 });
        await rename(temporary, pathOf(key));
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      return key;
    },
    read: async (key) => readFile(pathOf(key)),
    has,
  };
}
