/**
 * Browser mode: the console is opened as http://127.0.0.1:P/?token=T. The token
 * is kept for this tab in sessionStorage and removed from the address bar, so it
 * does not end up in screenshots, bookmarks or the history list.
 */
const STORAGE_KEY = 'backroom.token';

export function takeTokenFromUrl(): void {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (token === null) return;
  sessionStorage.setItem(STORAGE_KEY, token);
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}

export function sessionToken(): string {
  return sessionStorage.getItem(STORAGE_KEY) ?? '';
}
