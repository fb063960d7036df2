import type {
  participantCategory,
  registrationMode,
  registrationStakeholderGroup,
  registrationStatus,
  registrations,
  registrationSettings,
} from './registration.tables';

export type RegistrationMode = (typeof registrationMode.enumValues)[number];
export type RegistrationStatus = (typeof registrationStatus.enumValues)[number];
export type ParticipantCategory = (typeof participantCategory.enumValues)[number];
export type StakeholderGroup = (typeof registrationStakeholderGroup.enumValues)[number];

export const MODES: readonly RegistrationMode[] = ['onsite', 'online'];
export const CATEGORIES: readonly ParticipantCategory[] = [
  'member_state',
  'igo_observer',
  'ngo_observer',
  'other',
];
export const STAKEHOLDER_GROUPS: readonly StakeholderGroup[] = [
  'government',
  'ip_office',
  'academia',
  'ip_professional',
  'enterprise',
  'creator',
  'civil_society',
  'media',
  'individual',
  'other',
];

export type Registration = typeof registrations.$inferSelect;
export type RegistrationSettings = typeof registrationSettings.$inferSelect;

/** The session a registration is for, as registration pages and mails need it. */
export interface RegistrableSession {
  id: string;
  seriesSlug: string;
  seriesTitle: Record<string, string | undefined>;
  number: number;
  title: Record<string, string | undefined>;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venue: Record<string, string | undefined>;
  livestreamUrl: string | null;
  isPublished: boolean;
}

/** Where registration for a session stands, the same for everyone. */
export type RegistrationWindow = 'not_offered' | 'not_yet_open' | 'open' | 'closed';

/** Places per mode: capacity, taken (confirmed), waiting. */
export interface ModeCounts {
  capacity: number;
  confirmed: number;
  waitlisted: number;
  pending: number;
}
