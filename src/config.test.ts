import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  test('runs with no configuration at all', () => {
    const config = loadConfig({});

    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: './data', SEED_DEMO: true });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  test('lists every problem at once, each with the variable name', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x@y/z', LOG_LEVEL: 'loud', SEED_DEMO: 'yes' });
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.split(':')[0]);
    expect(problems.sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'SEED_DEMO']);
  });

  test('treats empty variables as unset', () => {
    const config = loadConfig({ DATABASE_URL: '', PORT: '' });

    expect([config.DATABASE_URL, config.PORT]).toEqual([undefined, 3000]);
  });
});
