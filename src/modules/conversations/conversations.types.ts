// The module's domain types: rows as the repo returns them and the shapes it assembles. Views,
// services and the API import them from here, never from the repo.
import type {
  agendaItems,
  agendaItemSpeakers,
  documentFiles,
  documents,
  series,
  sessions,
  speakers,
  themes,
} from './conversations.tables';

export type Series = typeof series.$inferSelect;
export type Theme = typeof themes.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type AgendaItem = typeof agendaItems.$inferSelect;
export type Speaker = typeof speakers.$inferSelect;
export type Document = typeof documents.$inferSelect;
export type DocumentFile = typeof documentFiles.$inferSelect;
/** A language version without its bytes: what lists need. */
export type DocumentFileInfo = Omit<DocumentFile, 'content' | 'storageKey'>;
export type SpeakerRole = (typeof agendaItemSpeakers.$inferSelect)['role'];

/** What an agenda shows of a speaker; the full profile is on the speaker's own page. */
export type SpeakerSummary = Pick<Speaker, 'id' | 'slug' | 'name' | 'organisation' | 'country'>;

/** What a session page shows of its series. */
export type SeriesSummary = Pick<Series, 'id' | 'slug' | 'title' | 'shortTitle'>;

export interface AgendaSpeaker {
  speaker: SpeakerSummary;
  role: SpeakerRole;
}

export interface AgendaEntry {
  item: AgendaItem;
  speakers: AgendaSpeaker[];
}

export interface DocumentWithFiles {
  document: Document;
  session: Pick<Session, 'id' | 'number' | 'title'> | null;
  files: DocumentFileInfo[];
}

/** What a list of documents shows of one: the document table's rows. */
export interface DocumentListing {
  document: Pick<Document, 'id' | 'symbol' | 'kind' | 'title' | 'publishedOn'>;
  session: Pick<Session, 'number'> | null;
  files: Pick<DocumentFileInfo, 'locale' | 'mediaType' | 'byteSize'>[];
}

/**
 * What the session page shows, in one language: a row of the read model
 * (`conversations_session_pages`, filled by the database). Every organiser text holds only the
 * language `pickText` chose for that locale (`{ fr: '…' }`, or `{ en: '…' }` when French is
 * missing), so `pickText` and `Localized` give the same text and the same "shown in" note as on the
 * full text.
 */
export interface SessionPageData {
  series: Pick<Series, 'slug' | 'title' | 'shortTitle'>;
  session: Pick<
    Session,
    | 'id'
    | 'number'
    | 'title'
    | 'subject'
    | 'description'
    | 'startsAt'
    | 'endsAt'
    | 'timeZone'
    | 'format'
    | 'venue'
    | 'livestreamUrl'
    | 'recordingUrl'
    | 'updatedAt'
  >;
  theme: Pick<Theme, 'slug' | 'title'> | undefined;
  agenda: SessionPageAgendaEntry[];
  documents: DocumentListing[];
  previousNumber: number | undefined;
  nextNumber: number | undefined;
  /**
   * What other modules show on the page, by part name (`opinionMaps`: the opinions module's), as
   * they wrote it to `conversations_session_page_parts`. This module does not read inside them.
   */
  parts: Record<string, unknown>;
}

export interface SessionPageAgendaEntry {
  item: Pick<AgendaItem, 'kind' | 'startsAt' | 'endsAt' | 'title' | 'description'>;
  speakers: { speaker: Pick<Speaker, 'slug' | 'name' | 'organisation'>; role: SpeakerRole }[];
}

export interface SpeakerAppearance {
  session: Session;
  seriesSlug: string;
  item: AgendaItem;
  role: SpeakerRole;
}

export interface SeriesReach {
  sessions: number;
  themes: number;
  speakers: number;
  speakerCountries: number;
  /** From registrations (the analytics module's summary); null: fewer than 5. */
  people: number | null;
  /** Countries of the people registered. */
  countries: number;
}
