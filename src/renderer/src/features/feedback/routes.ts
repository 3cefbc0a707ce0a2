/** The feedback area's addresses: the URL decides the tab, so each can be linked and restored with Back. */
export const FEEDBACK_TABS = ['inbox', 'import', 'topics', 'trends'] as const;
export type FeedbackTab = (typeof FEEDBACK_TABS)[number];

export const feedbackTabPath = (tab: FeedbackTab): string => (tab === 'inbox' ? '/feedback' : `/feedback/${tab}`);

export function feedbackTab(path: string): FeedbackTab | null {
  const rest = path.replace(/^\/feedback\/?/, '').replace(/\/$/, '');
  if (rest === '') return 'inbox';
  return FEEDBACK_TABS.find((tab) => tab === rest && tab !== 'inbox') ?? null;
}

/** The service desk's ticket page (the service area owns it; this is only its address). */
export const ticketHref = (ticketId: number): string => `#/service/tickets/${ticketId}`;
