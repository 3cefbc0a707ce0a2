import { useSyncExternalStore } from 'react';

/**
 * A hash router is all this console needs: a handful of top-level areas, no
 * server-side routes (the Electron shell serves a single file), and links that
 * work as plain anchors, so the browser gives keyboard and middle-click for free.
 */
function currentPath(): string {
  const path = window.location.hash.replace(/^#/, '').split('?')[0] ?? '';
  return path === '' || path === '/' ? '/dashboard' : path;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

export const hrefFor = (path: string): string => `#${path}`;

export function navigate(path: string): void {
  window.location.hash = path;
}
