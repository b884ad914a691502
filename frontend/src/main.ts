// Entry point: a hash router over the pages. Query-only changes (sort, filter, page, selected trial)
// are handed to the current page so it keeps its live connection.
import './style.css';
import type { PageHandle } from './dom';
import { h } from './dom';
import { mountList } from './pages/list';
import { mountModel } from './pages/model';
import { mountModels } from './pages/models';
import { mountNew } from './pages/new/page';
import { mountSearch } from './pages/search/page';
import { mountTrial } from './pages/trial';
import { parseRoute, type Route } from './route';
import { api, type Me } from './api';
import { currentUser, mountSignIn } from './signIn';

const main = document.getElementById('main') as HTMLElement;
document.body.append(h('div', { id: 'live-region', className: 'sr-only', 'aria-live': 'polite' }));

let current: { key: string; handle: PageHandle } | null = null;

function routeKey(r: Route): string {
  return 'id' in r ? `${r.name}:${r.id}` : r.name;
}

function render(): void {
  const route = parseRoute(location.hash);
  const key = routeKey(route);
  if (current && current.key === key && current.handle.update?.(route.query)) return;
  const navigated = current !== null;
  current?.handle.dispose();
  main.replaceChildren();
  document.title = 'Hypersearch';
  let handle: PageHandle;
  switch (route.name) {
    case 'list':
      handle = mountList(main, route.query);
      break;
    case 'new':
      document.title = 'New search · Hypersearch';
      handle = mountNew(main, route.query);
      break;
    case 'search':
      handle = mountSearch(main, route.id, route.query);
      break;
    case 'trial':
      handle = mountTrial(main, route.id);
      break;
    case 'models':
      document.title = 'Models · Hypersearch';
      handle = mountModels(main);
      break;
    case 'model':
      handle = mountModel(main, route.id);
      break;
    default:
      main.append(h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '#/' }, '← Searches')));
      handle = { dispose() {} };
  }
  current = { key, handle };
  if (navigated) main.focus({ preventScroll: false });
  document.querySelectorAll<HTMLAnchorElement>('[data-nav]').forEach((a) => {
    const active = (a.dataset.nav === 'new' && route.name === 'new') || (a.dataset.nav === 'list' && route.name === 'list')
      || (a.dataset.nav === 'models' && (route.name === 'models' || route.name === 'model'));
    if (active) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
}

/** The signed-in user in the top bar, with a sign-out button (which ends the session cookie, if any). */
function showUser(me: Me): void {
  const nav = document.querySelector('.topbar nav');
  const who = h('span', { id: 'whoami', className: 'whoami' },
    me.securityEnabled ? `${me.name ?? ''} (${me.role})` : 'security off');
  const out = h('button', { type: 'button', className: 'small', id: 'signout' }, 'Sign out');
  out.addEventListener('click', async () => {
    try {
      await api.signOut();
    } finally {
      location.reload();
    }
  });
  nav?.after(who, ...(me.securityEnabled ? [out] : []));
}

/** While the sign-in page shows, a changed hash mounts no page (it is read once signed in). */
let signingIn = false;
window.addEventListener('hashchange', () => {
  if (!signingIn) render();
});

// The page mounts at once: its skeleton paints and its reads start beside GET /api/me, not after it. When the
// browser is not signed in (401 from /api/me, which the page's own reads get too) the sign-in page replaces it.
render();
void currentUser().then(
  (me) => {
    if (me) {
      showUser(me);
      return;
    }
    signingIn = true;
    current?.handle.dispose();
    current = null;
    main.replaceChildren();
    document.title = 'Sign in · Hypersearch';
    const handle = mountSignIn(main, (signedIn) => {
      handle.dispose();
      main.replaceChildren();
      signingIn = false;
      showUser(signedIn);
      render();
    });
  },
  (err: Error) => {
    current?.handle.dispose();
    current = null;
    main.replaceChildren(h('p', { className: 'error', role: 'alert' }, `Could not reach the server: ${err.message}`));
  },
);
