import type { AppModule } from '../../platform/http/module';
export { assertCan, can, GRANTED_ROLES, PERMISSIONS, ROLES } from './accounts.policy';
export type { Actor, GrantedRole, Permission, Role } from './accounts.policy';
export {
  checkCsrf,
  createSession,
  endAllSessions,
  endSession,
  requireViewer,
  startSession,
  viewerOf,
} from './service/sessions';
export type { Viewer } from './service/sessions';

/** Sign-in, profile, roles. Its pages arrive with the accounts work of issue 3. */
export const accountsModule: AppModule = { name: 'accounts' };
