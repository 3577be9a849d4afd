// Signing in and calling the API: bearer tokens from POST /login, renewed with the refresh token before
// they expire, kept in sessionStorage (this tab only). Every call sends X-Requested-With, so a 401 never
// opens the browser's Basic dialog.

const KEY = 'vigil.session';
let session = JSON.parse(sessionStorage.getItem(KEY) || 'null');
let renewal = null;
const listeners = [];

export function current() {
  return session;
}

export function onSignOut(listener) {
  listeners.push(listener);
}

export function token() {
  return session ? session.access : null;
}

function keep(tokens) {
  session = {
    access: tokens.access_token,
    refresh: tokens.refresh_token,
    username: tokens.username,
    role: tokens.role,
    expiresAt: Date.now() + tokens.expires_in * 1000,
  };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  schedule();
}

function schedule() {
  clearTimeout(renewal);
  if (session) {
    renewal = setTimeout(() => renew().catch(() => signOut()), Math.max(5000, session.expiresAt - Date.now() - 60000));
  }
}

export async function signIn(username, password) {
  const r = await fetch('/login', {
    method: 'POST',
    headers: {'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest'},
    body: JSON.stringify({username, password}),
  });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) {
    throw new ApiError(r.status, body);
  }
  keep(body);
  return session;
}

async function renew() {
  if (!session) {
    throw new Error('not signed in');
  }
  const r = await fetch('/login/refresh', {
    method: 'POST',
    headers: {'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest'},
    body: JSON.stringify({refresh_token: session.refresh}),
  });
  if (!r.ok) {
    throw new ApiError(r.status, await r.json().catch(() => ({})));
  }
  keep(await r.json());
}

export function signOut() {
  if (session) {
    fetch('/logout', {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest'},
      body: JSON.stringify({refresh_token: session.refresh}),
    }).catch(() => {});
  }
  session = null;
  sessionStorage.removeItem(KEY);
  clearTimeout(renewal);
  listeners.forEach((l) => l());
}

/** An answer that was not 2xx: status, and Vigil's {error, message, fields}. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : 'HTTP ' + status);
    this.status = status;
    this.code = body && body.error;
    this.fields = (body && body.fields) || {};
  }
}

/** fetch with the bearer token; one renewal and retry on 401; JSON in and out unless asked for a blob. */
export async function api(path, {method = 'GET', body, as = 'json'} = {}) {
  for (let attempt = 0; ; attempt++) {
    const headers = {'X-Requested-With': 'XMLHttpRequest'};
    if (session) {
      headers.Authorization = 'Bearer ' + session.access;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const r = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
    if (r.status === 401 && attempt === 0 && session) {
      try {
        await renew();
        continue;
      } catch (e) {
        signOut();
      }
    }
    if (!r.ok) {
      throw new ApiError(r.status, await r.json().catch(() => ({})));
    }
    if (as === 'blob') {
      return {blob: await r.blob(), headers: r.headers};
    }
    if (as === 'text') {
      return r.text();
    }
    return r.status === 204 ? null : r.json();
  }
}

/** What the signed-in role may see, as the server's rules say (the server decides; this only hides). */
export function may(what) {
  const role = session && session.role;
  const table = {
    history: ['auditor', 'admin'],
    timeline: ['viewer', 'auditor', 'admin'],
    'cameras-write': ['installer', 'admin'],
    audit: ['auditor', 'admin'],
    holds: ['auditor', 'admin'],
    shares: ['auditor', 'admin'],
    events: ['auditor', 'admin'],
    users: ['admin'],
    alerts: ['installer', 'auditor', 'admin'],
    'alerts-test': ['admin'],
  };
  return (table[what] || []).includes(role);
}

/** Saves a blob as a download named by the answer's Content-Disposition, or by fallback. */
export function save(blob, headers, fallback) {
  const disposition = (headers && headers.get('Content-Disposition')) || '';
  const match = /filename="([^"]+)"/.exec(disposition);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = match ? match[1] : fallback;
  document.body.appendChild(a);
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(a.href);
    a.remove();
  }, 10000);
}

schedule();
