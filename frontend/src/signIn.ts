// Signing in: the app asks GET /api/me first. A browser whose requests already carry a bearer token (an
// authenticating proxy, a test driver) or a session cookie is signed in; otherwise this page takes a token and
// exchanges it for an HttpOnly session cookie. The token is never stored by the page.
import { api, ApiError, type Me } from './api';
import { h, type PageHandle } from './dom';

/** Who the browser is signed in as, or null when it is not (401). */
export async function currentUser(): Promise<Me | null> {
  try {
    return await api.me();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function mountSignIn(main: HTMLElement, onSignedIn: (me: Me) => void): PageHandle {
  const input = h('input', {
    id: 'signin-token', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true,
  }) as HTMLInputElement;
  const error = h('p', { className: 'error', role: 'alert' });
  const button = h('button', { type: 'submit', className: 'button primary' }, 'Sign in') as HTMLButtonElement;
  const form = h('form', { className: 'signin', 'aria-labelledby': 'signin-title' },
    h('h1', { id: 'signin-title' }, 'Sign in'),
    h('p', { className: 'muted' }, 'Paste an access token. On first start the admin token is printed in the server log and written to data/admin-token.'),
    h('label', { for: 'signin-token' }, 'Access token'),
    input, button, error) as HTMLFormElement;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    button.disabled = true;
    error.textContent = '';
    try {
      const me = await api.signIn(input.value.trim());
      input.value = '';
      onSignedIn(me);
    } catch (err) {
      error.textContent = err instanceof ApiError && err.status === 401 ? 'That token is unknown, expired or revoked.'
        : err instanceof ApiError && err.status === 429 ? err.detail : `Sign-in failed: ${(err as Error).message}`;
    } finally {
      button.disabled = false;
    }
  });
  main.append(form);
  input.focus();
  return { dispose() {} };
}
