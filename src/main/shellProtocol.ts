import { readFile } from 'node:fs/promises';
import { protocol, session } from 'electron';
import { mimeTypeOf, resolveAppFile } from './shellFiles';
import { APP_SCHEME, contentSecurityPolicy, isSameOrigin, type AppSource } from './shellOrigin';

/**
 * Must run before the app is ready: app:// behaves like https (standard URL
 * parsing, a real origin, secure context, fetch) so the page gets the web's
 * normal same-origin rules instead of file://'s broad rights.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Serves the built renderer (out/renderer) on app://backroom/, read-only, GET only. */
export function serveAppFiles(rendererRoot: string, source: AppSource): void {
  const csp = contentSecurityPolicy(source);
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405 });
    }
    const file = resolveAppFile(rendererRoot, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: {
          'Content-Type': mimeTypeOf(file),
          'Content-Security-Policy': csp,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-cache',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

/**
 * The same CSP on every response from the app's origin as it reaches the
 * page, which also covers the dev server. (The protocol handler sets it
 * itself too, so the built app is covered whatever webRequest sees.)
 */
export function enforceContentSecurityPolicy(source: AppSource): void {
  const csp = contentSecurityPolicy(source);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    if (!isSameOrigin(details.url, source.origin)) {
      callback({});
      return;
    }
    const responseHeaders = { ...(details.responseHeaders ?? {}) };
    for (const name of Object.keys(responseHeaders)) {
      if (name.toLowerCase() === 'content-security-policy') delete responseHeaders[name];
    }
    responseHeaders['Content-Security-Policy'] = [csp];
    callback({ responseHeaders });
  });
}
