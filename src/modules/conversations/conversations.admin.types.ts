import type {
  agendaItemSpeakers,
  agendaItems,
  documentFiles,
  documents,
  series,
  sessions,
  speakers,
  themes,
} from './conversations.tables';

/** The back office's view of the content tables: whole rows, whatever their publication state. */
export type SeriesRow = typeof series.$inferSelect;
export type ThemeRow = typeof themes.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type AgendaItemRow = typeof agendaItems.$inferSelect;
export type SpeakerRow = typeof speakers.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;
export type DocumentFileInfo = Omit<typeof documentFiles.$inferSelect, 'content'>;
export type ItemSpeaker = {
  speakerId: string;
  name: string;
  role: (typeof agendaItemSpeakers.$inferSelect)['role'];
};

export interface SessionListRow {
  session: SessionRow;
  seriesSlug: string;
  seriesTitle: SeriesRow['title'];
}

export interface AgendaItemWithSpeakers {
  item: AgendaItemRow;
  speakers: ItemSpeaker[];
}

export interface DocumentListRow {
  document: DocumentRow;
  sessionNumber: number | null;
  seriesSlug: string;
}

export interface DraftCounts {
  series: number;
  sessions: number;
  documents: number;
}
