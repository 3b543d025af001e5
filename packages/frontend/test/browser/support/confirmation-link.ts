import type { Store } from '@ctp-session/store';

/**
 * A customer registered on another device, and the confirmation link a shop's mailer would send them: the
 * token comes from the platform's `POST /customers/email-token`, asked with the project's API client.
 */
export async function customerWithConfirmationLink(store: Store, email: string, password: string): Promise<{ customerId: string; link: string }> {
  const platform = store.platform;
  if (platform === undefined) throw new Error('The confirmation link needs the embedded platform: unset the CTP_* variables.');
  const registered = await fetch(`${store.hubUrl}/frontastic/action/account/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'frontastic-locale': 'en_US' },
    body: JSON.stringify({ email, password }),
  });
  const { customer } = (await registered.json()) as { customer: { id: string } };
  const grant = await fetch(`${platform.authUrl}/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${btoa(`${platform.clientId}:${platform.clientSecret}`)}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  const { access_token: bearer } = (await grant.json()) as { access_token: string };
  const issued = await fetch(`${platform.apiUrl}/${platform.projectKey}/customers/email-token`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: customer.id, ttlMinutes: 60 }),
  });
  const { value } = (await issued.json()) as { value: string };
  return { customerId: customer.id, link: `${store.url}/account/confirm?token=${encodeURIComponent(value)}` };
}

/** Whether the platform has the customer's email as verified. */
export async function emailVerified(store: Store, customerId: string): Promise<boolean> {
  return ((await store.readBackend(`/customers/${customerId}`)) as { isEmailVerified?: boolean }).isEmailVerified === true;
}
