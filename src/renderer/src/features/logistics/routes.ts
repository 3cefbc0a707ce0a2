/** The logistics area's addresses: the URL decides the tab, so each can be linked and restored with Back. */
export const LOGISTICS_TABS = ['dashboard', 'shipments', 'exceptions', 'tracking'] as const;
export type LogisticsTab = (typeof LOGISTICS_TABS)[number];

export type LogisticsRoute =
  | { kind: 'tab'; tab: LogisticsTab; shipmentId: number | null }
  | { kind: 'notFound' };

export const logisticsTabPath = (tab: LogisticsTab): string => (tab === 'dashboard' ? '/logistics' : `/logistics/${tab}`);
/** A shipment opens in a drawer over the shipments list, so the address can be shared. */
export const shipmentPath = (id: number): string => `/logistics/shipments/${id}`;

/** "/logistics" is the dashboard; "/logistics/<tab>" the others; "/logistics/shipments/<id>" one shipment. */
export function parseLogisticsPath(path: string): LogisticsRoute {
  const rest = path.replace(/^\/logistics\/?/, '').replace(/\/$/, '');
  if (rest === '') return { kind: 'tab', tab: 'dashboard', shipmentId: null };
  const shipment = /^shipments\/(\d+)$/.exec(rest);
  if (shipment) return { kind: 'tab', tab: 'shipments', shipmentId: Number(shipment[1]) };
  const tab = LOGISTICS_TABS.find((t) => t === rest && t !== 'dashboard');
  return tab ? { kind: 'tab', tab, shipmentId: null } : { kind: 'notFound' };
}
