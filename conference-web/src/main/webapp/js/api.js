// Talks to the JSON API. Every change carries the CSRF token from the RT_CSRF cookie; errors
// arrive as problem details and are thrown as ApiError, which pages show in an error summary.
import { adopt, language, t } from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || t('api.failed'));
    this.status = status;
    this.problem = problem || {};
  }

  /** [{field, message}] for the error summary and inline messages. */
  get fieldErrors() {
    return this.problem.errors || [];
  }
}

function csrfToken() {
  // Over TLS the cookie carries the __Host- prefix (see SessionCookies).
  const match = document.cookie.split('; ').find((c) => c.startsWith('RT_CSRF=') || c.startsWith('__Host-RT_CSRF='));
  return match ? match.substring(match.indexOf('=') + 1) : null;
}

async function request(method, path, body, contentType = 'application/json') {
  // The server answers problems in the page's language where it knows the Welsh.
  const headers = { Accept: 'application/json', 'Accept-Language': language() };
  if (body !== undefined) headers['Content-Type'] = contentType;
  const token = csrfToken();
  if (token && method !== 'GET') headers['X-CSRF-Token'] = token;
  let response;
  try {
    response = await fetch(`/api${path}`, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : body,
    });
  } catch (e) {
    throw new ApiError(0, { detail: t('api.unreachable') });
  }
  if (response.status === 204 || response.status === 202) return null;
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body) => request('POST', path, body ?? {}),
  put: (path, body) => request('PUT', path, body),
  del: (path) => request('DELETE', path),
  /** Sends a file's bytes as they are (an upload). */
  upload: (path, contentType, bytes) => request('POST', path, bytes, contentType),
};

/** The signed-in person (whose own language the page then speaks), or a trip to the sign-in page. */
export async function requireCaller() {
  try {
    const caller = await api.get('/auth/me');
    adopt(caller);
    return caller;
  } catch (e) {
    if (e.status === 401) {
      window.location.assign(`/?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
      return new Promise(() => {});
    }
    throw e;
  }
}
