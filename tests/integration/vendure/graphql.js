'use strict';
/**
 * A tiny GraphQL client for Vendure's two APIs. A session is a bearer token: Vendure sends a new
 * one in the `vendure-auth-token` response header whenever it starts or changes a session.
 */
class GraphqlError extends Error {}

function session(endpoint, options = {}) {
  let token = options.token ?? null;
  async function request(query, variables = {}) {
    const headers = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.apiKey) headers['vendure-api-key'] = options.apiKey;
    if (options.channelToken) headers['vendure-token'] = options.channelToken;
    const response = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const fresh = response.headers.get('vendure-auth-token');
    if (fresh) token = fresh;
    const body = await response.json().catch(() => null);
    if (!body || body.errors) {
      const reason = body && body.errors ? body.errors.map((e) => e.message).join('; ') : `HTTP ${response.status}`;
      throw new GraphqlError(`${endpoint}: ${reason}`);
    }
    return body.data;
  }
  return { request, token: () => token };
}

/** The mutation's result, or a throw with Vendure's ErrorResult (an errorCode in the data, not a GraphQL error). */
function unwrap(result, what) {
  if (result && typeof result === 'object' && 'errorCode' in result) {
    throw new GraphqlError(`${what}: ${result.errorCode} ${result.message}`);
  }
  return result;
}

/** An administrator's session (superadmin login). */
async function adminSession(adminApi, username, password) {
  const admin = session(adminApi);
  const data = await admin.request(
    `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { ... on CurrentUser { id } ... on ErrorResult { errorCode message } } }`,
    { u: username, p: password },
  );
  unwrap(data.login, 'login');
  return admin;
}

module.exports = { session, unwrap, adminSession, GraphqlError };
