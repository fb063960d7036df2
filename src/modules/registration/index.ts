import type { AppModule } from '../../platform/http/module';
import { registrationAdminRoutes } from './registration.admin.routes';
import { registrationRoutes } from './registration.routes';
import { eraseRegistrations, exportRegistrations } from './service/registrations';

/**
 * Registration for sessions: capacity per mode with a waitlist, approval, confirmation and reminder
 * e-mails, check-in and online attendance, the public list of participants (docs/adr/0022).
 */
export const registrationModule: AppModule = {
  name: 'registration',
  routes: registrationRoutes,
  adminRoutes: registrationAdminRoutes,
  adminSections: [{ path: '/registrations', label: 'registration.admin.nav', permission: 'content.manage' }],
  personalData: { exportFor: exportRegistrations, eraseFor: eraseRegistrations },
};

export { removeDemoRegistrations, seedDemoRegistrations } from './demo/seed-registrations';
export { sendDueReminders, register, cancelOwnRegistration } from './service/registrations';
export {
  countRegistrationFigures,
  type PeopleCell,
  type PeopleCount,
  type RegistrationFigures,
  type SessionPeopleRow,
} from './registration.reach';
