// Shared by the registration tests that go through the app: settings for a session open to
// registration, and a form POST as a signed-in person from its own address (the rate limits are
// per address and per browser).
import type { FastifyInstance } from 'fastify';
import type { SignedInUser } from '../../../test/accounts';
import type { SettingsInput } from './registration.schema';

/** Five places of each mode; Member State delegates onsite wait for approval. */
export const OPEN_SETTINGS: SettingsInput = {
  isEnabled: true,
  opensAt: null,
  closesAt: null,
  onsiteCapacity: 5,
  onlineCapacity: 5,
  allowedCategories: ['member_state', 'ngo_observer', 'other'],
  onsiteApprovalCategories: ['member_state'],
  onlineApprovalCategories: [],
};

let client = 0;

/** POSTs a form with the person's session and CSRF token. */
export function postForm(
  app: FastifyInstance,
  url: string,
  person: SignedInUser,
  values: Record<string, string>,
) {
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...person.headers },
    payload: new URLSearchParams({ _csrf: person.csrfToken, ...values }).toString(),
    remoteAddress: `198.51.100.${++client % 250}`,
  });
}
