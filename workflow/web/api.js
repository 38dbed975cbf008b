// rodtrad web pages: talking to rodtrad-server.
//
// The session (token, expiry, user) lives in sessionStorage, so it ends with the browser tab.
// Every call goes through request(): it adds the bearer token, turns problem+json answers into
// an ApiError carrying the server's detail (and the diagnostics of a refused upload), and on 401
// ends the session and sends the user back to the sign-in page.

const SESSION_KEY = 'rodtrad.session';

export class ApiError extends Error {
  constructor(status, problem = {}) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title || '';
    this.detail = problem.detail || '';
    this.diagnostics = Array.isArray(problem.diagnostics) ? problem.diagnostics : [];
    this.retryAfter = problem.retryAfter;
  }
}

export const session = {
  get() {
    try {
      const value = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
      if (!value || typeof value.token !== 'string') {
        return null;
      }
      if (typeof value.expiresAt === 'number' && value.expiresAt / 1000 < Date.now()) {
        sessionStorage.removeItem(SESSION_KEY);
        return null;
      }
      return value;
    } catch {
      return null;
    }
  },
  set(value) {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(value));
  },
  clear() {
    sessionStorage.removeItem(SESSION_KEY);
  },
};

let unauthorizedHandler = () => {};
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

async function readProblem(response) {
  const type = response.headers.get('Content-Type') || '';
  let problem = {};
  try {
    if (type.includes('json')) {
      problem = await response.json();
    } else {
      const text = await response.text();
      problem = { title: response.statusText, detail: text.slice(0, 500) };
    }
  } catch {
    problem = { title: response.statusText };
  }
  const retry = response.headers.get('Retry-After');
  if (retry) {
    problem.retryAfter = Number(retry);
  }
  return problem;
}

// request('/tasks') → parsed JSON; options: method, json (a body to send as JSON), body and
// contentType (raw), headers, as ('json' | 'text' | 'blob' | 'response'), signInCall (a 401 is an
// answer, not an expired session).
export async function request(path, options = {}) {
  const { method = 'GET', json, body, contentType, headers = {}, as = 'json', signInCall = false } = options;
  const h = new Headers(headers);
  const current = session.get();
  if (current && !signInCall) {
    h.set('Authorization', `Bearer ${current.token}`);
  }
  let payload = body;
  if (json !== undefined) {
    h.set('Content-Type', 'application/json');
    payload = JSON.stringify(json);
  } else if (contentType) {
    h.set('Content-Type', contentType);
  }
  let response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers: h, body: payload, cache: 'no-store', credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { title: 'network' });
  }
  if (response.status === 401 && !signInCall) {
    session.clear();
    unauthorizedHandler();
    throw new ApiError(401, await readProblem(response));
  }
  if (!response.ok) {
    throw new ApiError(response.status, await readProblem(response));
  }
  if (as === 'response') {
    return response;
  }
  if (response.status === 204) {
    return null;
  }
  if (as === 'blob') {
    return response.blob();
  }
  if (as === 'text') {
    return response.text();
  }
  return response.json();
}

export const api = {
  signIn: (name, password) => request('/session', { method: 'POST', json: { name, password }, signInCall: true }),
  signOut: () => request('/session', { method: 'DELETE' }),
  me: () => request('/session'),
  tasks: () => request('/tasks'),
  documents: () => request('/documents'),
  document: (id) => request(`/documents/${encodeURIComponent(id)}`),
  // {xml, etag} of the latest revision
  async content(id) {
    const response = await request(`/documents/${encodeURIComponent(id)}/content`, { as: 'response' });
    return { xml: await response.text(), etag: response.headers.get('ETag') };
  },
  revision: (id, n) => request(`/documents/${encodeURIComponent(id)}/revisions/${encodeURIComponent(n)}`, { as: 'text' }),
  putContent: (id, xml, etag) =>
    request(`/documents/${encodeURIComponent(id)}/content`, { method: 'PUT', body: xml, contentType: 'application/xml', headers: etag ? { 'If-Match': etag } : {} }),
  createDocument: (xml) => request('/documents', { method: 'POST', body: xml, contentType: 'application/xml' }),
  actions: (id) => request(`/documents/${encodeURIComponent(id)}/actions`),
  // 200 {state...} or 202 (an approval towards the quorum): the status is returned with the body
  async transition(id, action, comment) {
    const response = await request(`/documents/${encodeURIComponent(id)}/transitions`, {
      method: 'POST',
      json: comment ? { action, comment } : { action },
      as: 'response',
    });
    return { status: response.status, ...(await response.json()) };
  },
  history: (id) => request(`/documents/${encodeURIComponent(id)}/history`),
  diff: (id, from, to) => {
    const q = new URLSearchParams();
    if (from !== undefined && from !== null && from !== '') {
      q.set('from', from);
    }
    if (to !== undefined && to !== null && to !== '') {
      q.set('to', to);
    }
    const query = q.toString();
    return request(`/documents/${encodeURIComponent(id)}/diff${query ? '?' + query : ''}`);
  },
  pdf: (id) => request(`/documents/${encodeURIComponent(id)}/pdf`, { as: 'blob' }),
  rounds: () => request('/rounds'),
  round: (id) => request(`/rounds/${encodeURIComponent(id)}`),
  createRound: (round) => request('/rounds', { method: 'POST', json: round }),
  redThread: (period, lang) => request(`/redthread?${new URLSearchParams({ period: period || '', lang })}`),
  coverage: (edition, lang) => request(`/coverage?${new URLSearchParams({ edition, lang })}`),
  evidence: (edition) => request(`/evidence?${new URLSearchParams({ edition })}`, { as: 'blob' }),
};
