import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApp } from '../../app';
import { createTestDeps, type TestDeps } from '../../../test/test-deps';
import { mailOutbox } from '../../platform/mail/mail.tables';

const lines: string[] = [];
let deps: TestDeps;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  deps = await createTestDeps({ log: pino({ level: 'info' }, sink) });
});
afterAll(() => deps?.close());

test('the request log does not keep the token of a sign-in link', async () => {
  const { app } = await createApp(deps);
  await app.inject({ method: 'POST', url: '/en/sign-in', payload: { email: 'logged@example.org' } });
  const [mail] = await deps.db.select().from(mailOutbox);
  const token = /token=([\w-]+)/.exec(mail?.text ?? '')?.[1];
  expect(token).toBeDefined();

  await app.inject({ url: `/en/sign-in/link?token=${token}&x=1` });

  const requestLines = lines.filter((line) => line.includes('"msg":"request"'));
  expect(requestLines.some((line) => line.includes('"url":"/en/sign-in/link?token=…&x=1"'))).toBe(true);
  expect(lines.filter((line) => line.includes(token!))).toEqual([]);
});
