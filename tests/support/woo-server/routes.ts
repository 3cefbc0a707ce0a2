import type { IncomingMessage, ServerResponse } from 'node:http';
import { WooHttpError } from './errors';
import { InvalidParam, listPage, pickFields } from './listing';
import { breakOrder, type RecordedRequest, type WooResource, type WooServerState } from './state';
import { createCoupon, createNote, createRefund, updateOrder, updateProduct } from './writes';
import { shipmentTrackings, TRACKING_ROUTE } from './shipment-tracking';


export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
}

/** WC_REST_Authentication: Basic auth, or consumer_key/consumer_secret in the query string. */
function authenticate(req: IncomingMessage, url: URL, state: WooServerState): RecordedRequest['auth'] {
  let key: string | null = null;
  let secret: string | null = null;
  let mode: RecordedRequest['auth'] = 'none';
  const header = state.failures.stripAuthorization ? undefined : req.headers.authorization;
  if (header?.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    [key, secret, mode] = [decoded.slice(0, colon), decoded.slice(colon + 1), 'basic'];
  } else if (url.searchParams.has('consumer_key')) {
    [key, secret, mode] = [url.searchParams.get('consumer_key'), url.searchParams.get('consumer_secret'), 'query'];
  }
  if (mode === 'none') {
    const verb = req.method === 'GET' ? 'list' : 'create';
    throw new WooHttpError(401, `woocommerce_rest_cannot_${req.method === 'GET' ? 'view' : 'create'}`, `Sorry, you cannot ${verb} resources.`);
  }
  if (key !== state.shop.consumerKey) throw new WooHttpError(401, 'woocommerce_rest_authentication_error', 'Consumer key is invalid.');
  if (secret !== state.shop.consumerSecret) throw new WooHttpError(401, 'woocommerce_rest_authentication_error', 'Consumer secret is invalid.');
  if (req.method !== 'GET' && state.keyPermissions === 'read') {
    throw new WooHttpError(401, 'woocommerce_rest_authentication_error', 'The API key provided does not have write permissions.');
  }
  return mode;
}

function shopIndex(state: WooServerState, origin: string): unknown {
  return {
    name: state.shop.name, description: 'Loose-leaf tea and gifts', url: origin, home: origin,
    gmt_offset: 0, timezone_string: state.shop.timezone, namespaces: ['oembed/1.0', 'wc/v3', 'wp/v2', ...(state.shipmentTrackingInstalled ? ['wc-shipment-tracking/v3'] : [])], authentication: [],
  };
}

function sendListing(res: ServerResponse, state: WooServerState, resource: WooResource, url: URL): void {
  const page = listPage(state, resource, url.searchParams);
  const body = page.records.map((record) =>
    resource === 'orders' && state.failures.malformedOrderIds.has(record.id) ? breakOrder(record as never) : record)
    .map((record) => pickFields(record as Record<string, unknown>, url.searchParams.get('_fields')));
  const headers: Record<string, string> = { 'X-WP-Total': String(page.total), 'X-WP-TotalPages': String(page.totalPages) };
  if (page.page < page.totalPages) {
    const next = new URL(url);
    next.searchParams.set('page', String(page.page + 1));
    next.searchParams.delete('consumer_secret');
    headers.Link = `<${next.toString()}>; rel="next"`;
  }
  send(res, 200, body, headers);
  const trigger = state.failures.modifyWhilePaging;
  if (resource === 'orders' && trigger && trigger.afterPage === page.page) {
    state.failures.modifyWhilePaging = null;
    state.modifyOrder(trigger.orderId, (order) => { order.customer_note = 'Changed while you were paging'; });
  }
}

export async function route(req: IncomingMessage, res: ServerResponse, url: URL, state: WooServerState, body: unknown): Promise<void> {
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '/wp-json') return send(res, 200, shopIndex(state, url.origin));
  const tracking = TRACKING_ROUTE.exec(path);
  if (tracking && state.shipmentTrackingInstalled) {
    const auth = authenticate(req, url, state);
    state.requests.push({ method: req.method ?? 'GET', path: path.replace('/wp-json/', '/'), query: {}, auth });
    const answer = shipmentTrackings(state, req.method ?? 'GET', Number(tracking[1]), body);
    return send(res, answer.status, answer.body);
  }
  const api = /^\/wp-json\/wc\/v3\/(.+)$/.exec(path);
  if (!api) throw new WooHttpError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
  const auth = authenticate(req, url, state);
  const query = Object.fromEntries([...url.searchParams].filter(([name]) => name !== 'consumer_secret'));
  state.requests.push({ method: req.method ?? 'GET', path: `/${api[1]}`, query, auth });
  const method = req.method ?? 'GET';
  const [resource, id, sub] = api[1]!.split('/');
  if (method === 'GET' && (resource === 'orders' || resource === 'customers' || resource === 'products') && id === undefined) {
    return sendListing(res, state, resource, url);
  }
  if (resource === 'settings' && id === 'general' && method === 'GET') {
    return send(res, 200, [
      { id: 'woocommerce_currency', label: 'Currency', value: state.shop.currency },
      { id: 'woocommerce_price_num_decimals', label: 'Number of decimals', value: '2' },
    ]);
  }
  if (resource === 'coupons' && id === undefined && method === 'POST') return send(res, 201, createCoupon(state, body));
  if (resource === 'products' && id !== undefined && /^\d+$/.test(id) && sub === undefined) {
    const product = state.products.get(Number(id));
    // WooCommerce answers an unknown product 404 on a read and 400 on a write (WC_REST_CRUD_Controller).
    if (!product) throw new WooHttpError(method === 'GET' ? 404 : 400, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
    if (method === 'GET') return send(res, 200, product);
    if (method === 'PUT' || method === 'POST') return send(res, 200, updateProduct(state, product, body));
  }
  if (resource === 'orders' && id !== undefined && /^\d+$/.test(id)) {
    const order = state.orders.get(Number(id));
    if (!order) throw new WooHttpError(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
    if (sub === undefined && method === 'GET') return send(res, 200, order);
    if (sub === undefined && (method === 'PUT' || method === 'POST')) return send(res, 200, updateOrder(state, order, body));
    if (sub === 'refunds' && method === 'GET') return send(res, 200, state.refunds.get(order.id) ?? []);
    if (sub === 'refunds' && method === 'POST') return send(res, 201, createRefund(state, order, body));
    if (sub === 'notes' && method === 'GET') return send(res, 200, state.notes.get(order.id) ?? []);
    if (sub === 'notes' && method === 'POST') return send(res, 201, createNote(state, order, body));
  }
  throw new WooHttpError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
}

export function sendError(res: ServerResponse, error: unknown): void {
  if (error instanceof InvalidParam) {
    return send(res, 400, { code: 'rest_invalid_param', message: error.message, data: { status: 400, params: { [error.param]: error.detail } } });
  }
  if (error instanceof WooHttpError) {
    return send(res, error.status, { code: error.code, message: error.message, data: { status: error.status, ...error.extra } });
  }
  send(res, 500, { code: 'internal_server_error', message: 'There has been a critical error on this website.', data: { status: 500 } });
}
