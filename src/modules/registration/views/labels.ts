import type { MessageKey } from '../../../platform/i18n/t';
import type {
  ParticipantCategory,
  RegistrationMode,
  RegistrationStatus,
  StakeholderGroup,
} from '../registration.types';

export const MODE_LABEL: Record<RegistrationMode, MessageKey> = {
  onsite: 'registration.mode.onsite',
  online: 'registration.mode.online',
};

export const STATUS_LABEL: Record<RegistrationStatus, MessageKey> = {
  pending_approval: 'registration.status.pending_approval',
  confirmed: 'registration.status.confirmed',
  waitlisted: 'registration.status.waitlisted',
  cancelled: 'registration.status.cancelled',
};

export const CATEGORY_LABEL: Record<ParticipantCategory, MessageKey> = {
  member_state: 'registration.category.member_state',
  igo_observer: 'registration.category.igo_observer',
  ngo_observer: 'registration.category.ngo_observer',
  other: 'registration.category.other',
};

export const GROUP_LABEL: Record<StakeholderGroup, MessageKey> = {
  government: 'registration.group.government',
  ip_office: 'registration.group.ip_office',
  academia: 'registration.group.academia',
  ip_professional: 'registration.group.ip_professional',
  enterprise: 'registration.group.enterprise',
  creator: 'registration.group.creator',
  civil_society: 'registration.group.civil_society',
  media: 'registration.group.media',
  individual: 'registration.group.individual',
  other: 'registration.group.other',
};
