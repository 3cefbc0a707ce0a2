import type { KeyboardEvent } from 'react';

/**
 * A key handler for a form inside the order drawer: Escape closes the form
 * (the drawer stays open while it is); in an open list (a select, an
 * autocomplete) it only closes the list.
 */
export function escapeCloses(onDone: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key !== 'Escape') return;
    if ((event.target as HTMLElement).getAttribute('aria-expanded') === 'true') return;
    onDone();
  };
}
