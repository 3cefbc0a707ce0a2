'use strict';
/**
 * Seeds a fresh Vendure data folder the way a shop fills up:
 *   node seed.js --data <folder> [--port <port>] [--orders 300]
 * Populates @vendure/create's sample catalogue (images dropped: no asset server), then places
 * real orders through the Shop API over 40 customers, and moves them on through the Admin API
 * (settle, fulfil with tracking codes, ship, deliver, refund, one cancelled). Deterministic: a
 * seeded PRNG picks everything. Writes <folder>/peer.json with the credentials the tests use.
 */
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { bootstrap, TransactionalConnection } = require('@vendure/core');
const { populate } = require('@vendure/core/cli');
const { vendureConfig, SUPERADMIN } = require('./server');
const { adminSession, unwrap } = require('./graphql');
const { placeOrder, staff, prng } = require('./shop');

const FIRST = ['Amelia', 'Oliver', 'Isla', 'George', 'Ava', 'Noah', 'Mia', 'Leo', 'Grace', 'Arthur', 'Freya', 'Oscar',
  'Lily', 'Harry', 'Ivy', 'Jack', 'Rosie', 'Theo', 'Ella', 'Finley'];
const LAST = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Thomas', 'Roberts', 'Walker'];
const CUSTOMERS = 40;

function customerFor(index) {
  const firstName = FIRST[index % FIRST.length];
  const lastName = LAST[(index * 7) % LAST.length];
  return { firstName, lastName, emailAddress: `${firstName}.${lastName}.${index}@example.test`.toLowerCase() };
}

async function setUpShop(admin) {
  // The sample data's only payment method authorizes; a second one settles at once, as card gateways often do.
  const data = await admin.request(`mutation { createPaymentMethod(input: {
      code: "instant-payment", enabled: true,
      handler: { code: "dummy-payment-handler", arguments: [{ name: "automaticSettle", value: "true" }] },
      translations: [{ languageCode: en, name: "Instant Payment" }] }) { id } }`);
  if (!data.createPaymentMethod) throw new Error('createPaymentMethod returned nothing');
  const { roles } = await admin.request('{ roles { items { id code } } }');
  const superRole = roles.items.find((role) => role.code === '__super_admin_role__');
  const key = await admin.request(
    `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey entityId } }`,
    { input: { roleIds: [superRole.id], translations: [{ languageCode: 'en', name: 'Backroom tests' }] } },
  );
  return key.createApiKey.apiKey;
}

async function variants(admin) {
  const { productVariants } = await admin.request('{ productVariants(options: { take: 1000 }) { items { id price enabled } } }');
  return productVariants.items.filter((variant) => variant.enabled);
}

async function placeOrders(shopApi, admin, count, random) {
  const catalogue = await variants(admin);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const placed = [];
  for (let n = 0; n < count; n++) {
    const lineCount = 1 + Math.floor(random() * 3);
    const lines = Array.from({ length: lineCount }, () => ({ variantId: pick(catalogue).id, quantity: 1 + Math.floor(random() * 2) }));
    const order = await placeOrder(shopApi, {
      customer: customerFor(Math.floor(random() * CUSTOMERS)), lines,
      shippingMethodIndex: random() < 0.8 ? 0 : 1,
      paymentMethod: random() < 0.45 ? 'instant-payment' : 'standard-payment',
    });
    placed.push(order);
  }
  return placed;
}

/** Moves the placed orders on as staff would; returns what it did, for the log. */
async function work(admin, placed, random) {
  const desk = staff(admin);
  const done = { settled: 0, fulfilled: 0, shipped: 0, delivered: 0, refunded: 0, cancelled: 0 };
  const authorized = placed.filter((order) => order.state === 'PaymentAuthorized');
  // One authorized order is cancelled before anyone settles it.
  await desk.cancel(authorized[0].id);
  done.cancelled += 1;
  for (const order of authorized.slice(1)) {
    if (random() < 0.6) {
      await desk.settle(order.id);
      order.state = 'PaymentSettled';
      done.settled += 1;
    }
  }
  for (const order of placed.filter((entry) => entry.state === 'PaymentSettled')) {
    if (random() >= 0.7) continue;
    const fulfilment = await desk.fulfil(order.id, `RM${String(100000 + Number(order.id))}GB`);
    done.fulfilled += 1;
    if (random() >= 0.8) continue;
    await desk.moveFulfilment(fulfilment, 'Shipped');
    done.shipped += 1;
    if (random() >= 0.6) continue;
    await desk.moveFulfilment(fulfilment, 'Delivered');
    done.delivered += 1;
    if (done.refunded < 3 && random() < 0.2) {
      await desk.refund(order.id, Math.min(1000, order.totalWithTax));
      done.refunded += 1;
    }
  }
  return done;
}

async function seed(dataDir, port, orders) {
  const started = Date.now();
  fs.mkdirSync(path.join(dataDir, 'no-assets'), { recursive: true });
  const assets = path.dirname(require.resolve('@vendure/create/assets/initial-data.json'));
  // Thousands of writes: saving the whole file after each would take most of the seeding time.
  const config = vendureConfig(port, dataDir, { autoSave: false });
  const app = await populate(() => bootstrap(config), path.join(assets, 'initial-data.json'), path.join(assets, 'products.csv'));
  try {
    const url = `http://127.0.0.1:${port}`;
    const admin = await adminSession(`${url}/admin-api`, SUPERADMIN.username, SUPERADMIN.password);
    const apiKey = await setUpShop(admin);
    const random = prng(20260901);
    const placed = await placeOrders(`${url}/shop-api`, admin, orders, random);
    const done = await work(admin, placed, random);
    const peer = { apiKey, superadmin: SUPERADMIN, orders: placed.length, work: done, seedMs: Date.now() - started };
    await app.get(TransactionalConnection).rawConnection.driver.save();
    fs.writeFileSync(path.join(dataDir, 'peer.json'), `${JSON.stringify(peer, null, 2)}\n`);
    return peer;
  } finally {
    await app.close();
  }
}

async function main() {
  const { values } = parseArgs({ options: { data: { type: 'string' }, port: { type: 'string' }, orders: { type: 'string' } } });
  if (!values.data || !values.port) throw new Error('usage: node seed.js --data <folder> --port <port> [--orders 300]');
  const started = Date.now();
  // The importer writes vendure-import-error.log into the working folder: keep it with the data.
  fs.mkdirSync(path.resolve(values.data), { recursive: true });
  process.chdir(path.resolve(values.data));
  const peer = await seed(path.resolve(values.data), Number(values.port), Number(values.orders ?? 300));
  process.stdout.write(`${JSON.stringify({ seeded: true, ms: Date.now() - started, orders: peer.orders, work: peer.work })}\n`);
  process.exit(0);
}

module.exports = { seed, customerFor, CUSTOMERS };

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`seeding the vendure peer failed: ${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  });
}
