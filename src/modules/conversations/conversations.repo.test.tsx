import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { dbTest as test } from '../../../test/test-deps';
import {
  makeAgendaItem,
  makeDocument,
  makeSeries,
  makeSession,
  makeSpeaker,
  makeTheme,
} from '../../../test/factories';
import { renderDocument } from '../../platform/http/render';
import { translatorFor } from '../../platform/http/request-context';
import { LOCALES, type Locale } from '../../platform/i18n/locales';
import { pickText } from '../../platform/i18n/localized-text';
import { findSessionDetail, findSessionPage } from './conversations.repo';
import {
  documentFiles,
  documents,
  series,
  sessionPageParts,
  sessions,
  speakers,
  themes,
} from './conversations.tables';
import type { SessionPageData } from './conversations.types';
import { seedDemo } from './demo/seed-demo';
import { SessionPage } from './views/session-page';

describe('session page read model', () => {
  test('keeps each text in the asked language only, else English, else the first language that has it', async ({
    deps,
  }) => {
    const s = await makeSeries(deps.db, { shortTitle: { en: 'Testing', fr: 'Tests' } });
    const theme = await makeTheme(deps.db, { seriesId: s.id, title: { zh: '主题', es: 'Tema' } });
    const session = await makeSession(deps.db, {
      seriesId: s.id,
      number: 3,
      themeId: theme.id,
      title: { en: 'Title', fr: 'Titre', ar: 'عنوان' },
      subject: { ar: 'موضوع', es: 'Asunto' },
      // Blank in English and Chinese by JavaScript's trim() (a no-break and an ideographic space).
      description: { en: '  \n', zh: '\u00a0\u3000', ru: 'Описание' },
      venue: {},
    });
    const speaker = await makeSpeaker(deps.db, { organisation: { fr: ' ', ar: 'الويبو', en: 'WIPO' } });
    await makeAgendaItem(
      deps.db,
      { sessionId: session.id, position: 1, title: { es: 'Apertura' }, description: { fr: 'Mot' } },
      [{ speakerId: speaker.id, role: 'chair' }],
    );
    await makeDocument(deps.db, { seriesId: s.id, sessionId: session.id, title: { ru: 'Повестка' } }, [
      'fr',
      'ar',
    ]);

    const fr = await findSessionPage(deps.db, s.slug, 3, 'fr');
    const en = await findSessionPage(deps.db, s.slug, 3, 'en');
    const zh = await findSessionPage(deps.db, s.slug, 3, 'zh');

    expect(fr?.session).toMatchObject({
      title: { fr: 'Titre' },
      subject: { ar: 'موضوع' },
      description: { ru: 'Описание' },
      venue: {},
    });
    expect(en?.session).toMatchObject({ title: { en: 'Title' }, subject: { ar: 'موضوع' } });
    expect(zh?.session).toMatchObject({ title: { en: 'Title' }, subject: { ar: 'موضوع' } });
    expect([fr?.series.shortTitle, en?.series.shortTitle, zh?.series.shortTitle]).toEqual([
      { fr: 'Tests' },
      { en: 'Testing' },
      { en: 'Testing' },
    ]);
    expect([fr?.theme?.title, zh?.theme?.title]).toEqual([{ zh: '主题' }, { zh: '主题' }]);
    expect(fr?.agenda).toEqual([
      {
        item: {
          kind: 'panel',
          startsAt: new Date('2024-03-13T12:00:00Z'),
          endsAt: new Date('2024-03-13T13:00:00Z'),
          title: { es: 'Apertura' },
          description: { fr: 'Mot' },
        },
        speakers: [
          {
            speaker: { slug: speaker.slug, name: 'Ana Test', organisation: { en: 'WIPO' } },
            role: 'chair',
          },
        ],
      },
    ]);
    expect(zh?.agenda[0]?.speakers[0]?.speaker.organisation).toEqual({ en: 'WIPO' });
    expect(fr?.documents.map((d) => [d.document.title, d.files.map((f) => f.locale)])).toEqual([
      [{ ru: 'Повестка' }, ['ar', 'fr']],
    ]);
  });

  test('gives pickText the same answer as the full text, for every demo text in every language', async ({
    deps,
  }) => {
    await seedDemo(deps.db, deps.clock);
    const slug = 'ip-frontier-technologies';
    const numbers = (await deps.db.select({ number: sessions.number }).from(sessions)).map((r) => r.number);

    for (const number of numbers) {
      const detail = await findSessionDetail(deps.db, slug, number);
      if (!detail) continue; // another test's series
      const full: SessionPageData = { ...detail, parts: {} };
      for (const locale of LOCALES) {
        const picked = await findSessionPage(deps.db, slug, number, locale);

        expect(picked, `session ${number} in ${locale}`).toBeDefined();
        expect(html(picked!, locale), `session ${number} in ${locale}`).toBe(html(full, locale));
        expect(pickText(picked!.session.title, locale)).toEqual(pickText(full.session.title, locale));
      }
    }
    expect(numbers.length).toBeGreaterThanOrEqual(12);
  });

  test('follows every write to the content it shows, in the same transaction', async ({ deps }) => {
    const s = await makeSeries(deps.db);
    const theme = await makeTheme(deps.db, { seriesId: s.id, title: { en: 'Old theme' } });
    const first = await makeSession(deps.db, { seriesId: s.id, number: 1, themeId: theme.id });
    const second = await makeSession(deps.db, { seriesId: s.id, number: 2 });
    const speaker = await makeSpeaker(deps.db, { organisation: { en: 'Old organisation' } });
    await makeAgendaItem(deps.db, { sessionId: first.id, position: 1 }, [{ speakerId: speaker.id }]);
    const document = await makeDocument(deps.db, { seriesId: s.id, sessionId: first.id }, ['en']);
    const page = () => findSessionPage(deps.db, s.slug, 1, 'en');

    await deps.db
      .update(sessions)
      .set({ title: { en: 'New title' } })
      .where(eq(sessions.id, first.id));
    await deps.db
      .update(themes)
      .set({ title: { en: 'New theme' } })
      .where(eq(themes.id, theme.id));
    await deps.db
      .update(speakers)
      .set({ organisation: { en: 'New organisation' } })
      .where(eq(speakers.id, speaker.id));
    await deps.db.insert(documentFiles).values({
      documentId: document.id,
      locale: 'fr',
      fileName: 'doc_fr.pdf',
      mediaType: 'application/pdf',
      byteSize: 3,
      content: Buffer.from('pdf'),
    });

    expect(await page()).toMatchObject({
      session: { title: { en: 'New title' } },
      theme: { title: { en: 'New theme' } },
      agenda: [{ speakers: [{ speaker: { organisation: { en: 'New organisation' } } }] }],
      documents: [{ files: [{ locale: 'en' }, { locale: 'fr' }] }],
      previousNumber: undefined,
      nextNumber: 2,
    });

    await deps.db.update(documents).set({ isPublished: false }).where(eq(documents.id, document.id));
    await deps.db.update(sessions).set({ number: 5 }).where(eq(sessions.id, second.id));
    await expect(page()).resolves.toMatchObject({ documents: [], nextNumber: 5 });

    await expect(
      deps.db.transaction(async (tx) => {
        await tx
          .update(sessions)
          .set({ title: { en: 'Rolled back' } })
          .where(eq(sessions.id, first.id));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await page())?.session.title).toEqual({ en: 'New title' });

    await deps.db.update(sessions).set({ isPublished: false }).where(eq(sessions.id, second.id));
    expect((await page())?.nextNumber).toBeUndefined();
    expect(await findSessionPage(deps.db, s.slug, 5, 'en')).toBeUndefined();

    await deps.db.update(series).set({ isPublished: false }).where(eq(series.id, s.id));
    expect(await page()).toBeUndefined();
    await deps.db
      .update(series)
      .set({ isPublished: true, slug: `${s.slug}-renamed` })
      .where(eq(series.id, s.id));
    expect(await page()).toBeUndefined();
    expect((await findSessionPage(deps.db, `${s.slug}-renamed`, 1, 'en'))?.session.title).toEqual({
      en: 'New title',
    });

    await deps.db.delete(sessions).where(eq(sessions.id, first.id));
    expect(await findSessionPage(deps.db, `${s.slug}-renamed`, 1, 'en')).toBeUndefined();
  });

  test("carries other modules' parts of a session, as they wrote them, in every language", async ({
    deps,
  }) => {
    const s = await makeSeries(deps.db);
    const session = await makeSession(deps.db, { seriesId: s.id, number: 1 });
    const other = await makeSession(deps.db, { seriesId: s.id, number: 2 });
    const page = (locale: Locale = 'en') => findSessionPage(deps.db, s.slug, 1, locale);
    expect((await page())?.parts).toEqual({});

    await deps.db.insert(sessionPageParts).values([
      { sessionId: session.id, part: 'polls', value: [{ question: { en: 'Q?' } }] },
      { sessionId: session.id, part: 'notes', value: { text: 'n' } },
      { sessionId: other.id, part: 'polls', value: [] },
    ]);
    expect((await page('ar'))?.parts).toEqual({ notes: { text: 'n' }, polls: [{ question: { en: 'Q?' } }] });

    await deps.db
      .update(sessionPageParts)
      .set({ value: { text: 'changed' } })
      .where(eq(sessionPageParts.part, 'notes'));
    await deps.db.delete(sessionPageParts).where(eq(sessionPageParts.part, 'polls'));
    expect((await page('zh'))?.parts).toEqual({ notes: { text: 'changed' } });

    await deps.db.update(sessions).set({ isPublished: false }).where(eq(sessions.id, session.id));
    await deps.db.update(sessions).set({ isPublished: true }).where(eq(sessions.id, session.id));
    expect((await page())?.parts).toEqual({ notes: { text: 'changed' } });
  });

  test('keeps both of two concurrent writes to one page', async ({ deps }) => {
    const s = await makeSeries(deps.db);
    const session = await makeSession(deps.db, { seriesId: s.id, number: 1 });
    const item = await makeAgendaItem(deps.db, { sessionId: session.id, position: 1 });
    const one = await deps.pool.connect();
    const two = await deps.pool.connect();
    try {
      await one.query('BEGIN');
      await one.query(
        `UPDATE conversations_agenda_items SET title = '{"en": "Item from one"}' WHERE id = $1`,
        [item.id],
      );
      await two.query('BEGIN');
      // Waits for `one`: the refresh in `one` holds the session.
      const second = two.query(
        `UPDATE conversations_sessions SET title = '{"en": "Title from two"}' WHERE id = $1`,
        [session.id],
      );
      await one.query('COMMIT');
      await second;
      await two.query('COMMIT');
    } finally {
      one.release();
      two.release();
    }

    const page = await findSessionPage(deps.db, s.slug, 1, 'en');

    expect([page?.session.title, page?.agenda[0]?.item.title]).toEqual([
      { en: 'Title from two' },
      { en: 'Item from one' },
    ]);
  });
});

function html(page: SessionPageData, locale: Locale): string {
  const ctx = {
    locale,
    t: translatorFor(locale),
    path: '/series/x/sessions/1',
    baseUrl: 'http://localhost',
    assets: { css: '/site.css', scripts: [] },
  };
  return renderDocument(<SessionPage ctx={ctx} page={{ ...page, state: 'past', opinionMaps: [] }} />);
}
