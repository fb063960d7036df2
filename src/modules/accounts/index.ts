import type { AppModule } from '../../platform/http/module';
import { accountsAdminRoutes } from './accounts.admin.routes';
import { accountsRoutes } from './accounts.routes';
import { eraseAccountData, exportAccountData } from './service/personal-data';
export { assertCan, can, GRANTED_ROLES, PERMISSIONS, ROLES } from './accounts.policy';
export type { Actor, GrantedRole, Permission, Role } from './accounts.policy';
export {
  checkCsrf,
  createSession,
  endAllSessions,
  endSession,
  replaceSession,
  requireViewer,
  startSession,
  viewerOf,
} from './service/sessions';
export type { Viewer } from './service/sessions';
export { hashPassword, verifyPassword } from './service/password';
export { createSecretariat } from './service/roles';
export { createSignInLinkForCommandLine, signInWithPassword } from './service/sign-in';
export { countryOptions, isCountryCode } from './countries';
export { emailSchema } from './accounts.schema';

/** Sign-in and sign-up by e-mail, profile, password, sessions, personal data, roles (/admin/people). */
export const accountsModule: AppModule = {
  name: 'accounts',
  routes: accountsRoutes,
  adminRoutes: accountsAdminRoutes,
  adminSections: [{ path: '/people', label: 'accounts.people.title', permission: 'roles.manage' }],
  personalData: { exportFor: exportAccountData, eraseFor: eraseAccountData },
};
