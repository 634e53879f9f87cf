// The tracker's query API, as the page uses it. Every call answers parsed JSON or throws.

/** The session ended (or never began): the page must sign in again. */
export class SignInNeeded extends Error {}

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (response.status === 401) {
    throw new SignInNeeded(`${path} needs a signed-in session`);
  }
  if (!response.ok) {
    throw new Error(`${path} answered ${response.status}`);
  }
  return response.json();
}

const tenantPath = (tenant) => `/api/tenants/${encodeURIComponent(tenant)}`;

export const api = {
  tenants: () => getJson('/api/tenants'),
  history: (tenant) => getJson(`${tenantPath(tenant)}/progress/history`),
  stragglers: (tenant, state, limit, after) => {
    const query = new URLSearchParams({ state, limit: String(limit) });
    if (after) query.set('after', after);
    return getJson(`${tenantPath(tenant)}/stragglers?${query}`);
  },
  mailbox: (mailboxId) => getJson(`/api/mailboxes/${encodeURIComponent(mailboxId)}`),
  reconcile: () => getJson('/api/reconcile'),
  reportUrl: (tenant, format) =>
    `/api/report?tenant=${encodeURIComponent(tenant)}${format === 'csv' ? '&format=csv' : ''}`,
};
