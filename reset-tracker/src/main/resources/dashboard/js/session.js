// Signing in to the dashboard: an API token is exchanged once for a session cookie (HttpOnly, so the
// page never holds the token); the session's CSRF token goes with every state-changing request.

let csrfToken = null;

async function describe(response) {
  if (!response.ok) return null;
  const session = await response.json();
  csrfToken = session.csrfToken;
  return session;
}

export const session = {
  /** The signed-in caller, or null when the page must sign in. */
  current: async () => describe(await fetch('/api/session', { cache: 'no-store' })),

  signIn: async (token) => describe(await fetch('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token }),
  })),

  /** The header a state-changing request of this session carries. */
  csrfHeaders: () => ({ 'X-CSRF-Token': csrfToken ?? '' }),

  signOut: async () => {
    await fetch('/api/session', { method: 'DELETE', headers: { 'X-CSRF-Token': csrfToken ?? '' } });
    csrfToken = null;
  },
};

/** Shows the sign-in form until a token is accepted; resolves with the session. */
export function signInForm() {
  const dialog = document.getElementById('sign-in');
  const form = dialog.querySelector('form');
  const error = dialog.querySelector('.error');
  dialog.hidden = false;
  return new Promise((resolve) => {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const input = form.querySelector('input');
      const signedIn = await session.signIn(input.value.trim());
      if (signedIn) {
        input.value = '';
        dialog.hidden = true;
        resolve(signedIn);
      } else {
        error.textContent = 'トークンが無効です The token is not valid';
      }
    });
  });
}
