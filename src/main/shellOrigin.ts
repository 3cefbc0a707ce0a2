/**
 * Where the console's pages come from, and the rules that follow from it:
 * which URLs are "the app" (navigation, IPC sender check) and the page's
 * Content-Security-Policy. No `electron` import: the shell's pure rules are
 * tested in plain Node (tests/electron/shell-rules.spec.ts).
 */

/** The privileged scheme the built renderer is served from: app://backroom/. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'backroom';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/`;

export interface AppSource {
  /** The URL the window loads. */
  startUrl: string;
  /** The only origin allowed to navigate within and to call the core. */
  origin: string;
  /** Vite's dev server (electron-vite dev) rather than the built files. */
  dev: boolean;
}

/**
 * The dev server when electron-vite dev runs an unpackaged app, the custom
 * protocol otherwise. Never file://.
 */
export function resolveAppSource(devServerUrl: string | undefined, isPackaged: boolean): AppSource {
  if (devServerUrl && !isPackaged) {
    const url = new URL(devServerUrl);
    if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) {
      return { startUrl: url.href, origin: url.origin, dev: true };
    }
  }
  return { startUrl: APP_START_URL, origin: APP_ORIGIN, dev: false };
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/**
 * True when `url` parses and belongs to exactly `origin`. Compares scheme and
 * host itself: Node's URL gives non-special schemes such as app:// the opaque
 * origin "null", although Chromium treats the registered scheme as standard.
 */
export function isSameOrigin(url: string | undefined | null, origin: string): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.host !== '' && `${parsed.protocol}//${parsed.host}` === origin;
  } catch {
    return false;
  }
}

/** Links the app may hand to the system browser: https only, nothing else. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The page's CSP. Scripts only from the app itself; styles may be inline
 * because Mantine and Recharts set style attributes and inject <style> tags.
 * The dev server additionally needs Vite's inline React-refresh preamble and
 * its HMR websocket.
 */
export function contentSecurityPolicy(source: AppSource): string {
  const devWebSocket = source.dev ? ` ${source.origin.replace(/^http/, 'ws')}` : '';
  return [
    "default-src 'none'",
    source.dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${devWebSocket}`,
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
