// What drizzle-kit reads: every module's tables.
export * from '../modules/conversations/conversations.tables';
