// Factories: valid, boring defaults; override what the test is about. No hidden side effects:
// each inserts exactly the row it names (a session needs a series: pass one, or get a new one).
import { randomBytes } from 'node:crypto';
import type { Db } from '../src/db/client';
import type { OutgoingMail } from '../src/platform/mail/mailer';
import {
  agendaItems,
  agendaItemSpeakers,
  documentFiles,
  documents,
  series,
  sessions,
  speakers,
  themes,
} from '../src/modules/conversations/conversations.tables';

const unique = () => randomBytes(4).toString('hex');

export async function makeSeries(db: Db, overrides: Partial<typeof series.$inferInsert> = {}) {
  const [row] = await db
    .insert(series)
    .values({
      slug: `series-${unique()}`,
      title: { en: 'Conversation on Testing', fr: 'Conversation sur les tests' },
      shortTitle: { en: 'Testing' },
      summary: { en: 'A series for tests.' },
      about: { en: 'About the series.' },
      organiser: { en: 'The Test Organisation' },
      isPublished: true,
      ...overrides,
    })
    .returning();
  return row!;
}

export async function makeTheme(
  db: Db,
  overrides: Partial<typeof themes.$inferInsert> & { seriesId: string },
) {
  const [row] = await db
    .insert(themes)
    .values({
      slug: `theme-${unique()}`,
      title: { en: 'A theme' },
      description: { en: 'What it covers.' },
      ...overrides,
    })
    .returning();
  return row!;
}

export async function makeSession(
  db: Db,
  overrides: Partial<typeof sessions.$inferInsert> & { seriesId: string; number: number },
) {
  const [row] = await db
    .insert(sessions)
    .values({
      title: { en: `Session title ${overrides.number}` },
      startsAt: new Date('2024-03-13T12:00:00Z'),
      endsAt: new Date('2024-03-13T15:00:00Z'),
      timeZone: 'Europe/Zurich',
      format: 'hybrid',
      venue: { en: 'Geneva' },
      isPublished: true,
      ...overrides,
    })
    .returning();
  return row!;
}

export async function makeSpeaker(db: Db, overrides: Partial<typeof speakers.$inferInsert> = {}) {
  const [row] = await db
    .insert(speakers)
    .values({
      slug: `speaker-${unique()}`,
      name: 'Ana Test',
      position: { en: 'Director' },
      country: 'CH',
      ...overrides,
    })
    .returning();
  return row!;
}

export async function makeAgendaItem(
  db: Db,
  overrides: Partial<typeof agendaItems.$inferInsert> & { sessionId: string; position: number },
  speakersWithRoles: { speakerId: string; role?: 'chair' | 'moderator' | 'speaker' | 'panelist' }[] = [],
) {
  const [row] = await db
    .insert(agendaItems)
    .values({
      kind: 'panel',
      title: { en: `Agenda item ${overrides.position}` },
      startsAt: new Date('2024-03-13T12:00:00Z'),
      endsAt: new Date('2024-03-13T13:00:00Z'),
      ...overrides,
    })
    .returning();
  if (speakersWithRoles.length > 0) {
    await db.insert(agendaItemSpeakers).values(
      speakersWithRoles.map((s, i) => ({
        agendaItemId: row!.id,
        speakerId: s.speakerId,
        role: s.role ?? 'speaker',
        position: i,
      })),
    );
  }
  return row!;
}

export async function makeDocument(
  db: Db,
  overrides: Partial<typeof documents.$inferInsert> & { seriesId: string },
  fileLocales: ('ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es')[] = ['en'],
) {
  const [row] = await db
    .insert(documents)
    .values({
      symbol: `TEST/${unique().toUpperCase()}/1`,
      kind: 'information',
      title: { en: 'A document' },
      publishedOn: '2024-02-01',
      isPublished: true,
      ...overrides,
    })
    .returning();
  for (const locale of fileLocales) {
    const content = Buffer.from(`%PDF-1.4\n% test file ${locale}\n%%EOF\n`);
    await db.insert(documentFiles).values({
      documentId: row!.id,
      locale,
      fileName: `doc_${locale}.pdf`,
      mediaType: 'application/pdf',
      byteSize: content.length,
      content,
    });
  }
  return row!;
}

/** A message as a feature would hand it to the mailer; not written anywhere by itself. */
export function makeOutgoingMail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    to: 'ada@example.org',
    locale: 'en',
    kind: 'test.message',
    subject: 'Hello',
    text: 'Hello Ada',
    html: '<!doctype html><html lang="en"><body><p>Hello Ada</p></body></html>',
    ...overrides,
  };
}
