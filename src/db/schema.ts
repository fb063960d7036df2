// What drizzle-kit reads: every module's tables, and the platform's own.
export * from './settings.tables';
export * from '../platform/mail/mail.tables';
export * from '../modules/conversations/conversations.tables';
export * from '../modules/accounts/accounts.tables';
export * from '../modules/audit/audit.tables';
export * from '../modules/newsletter/newsletter.tables';
export * from '../modules/registration/registration.tables';
export * from '../modules/analytics/analytics.tables';
export * from '../modules/opinions/opinions.tables';
