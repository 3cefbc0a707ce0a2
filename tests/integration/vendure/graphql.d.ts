/** Types for graphql.js (plain JavaScript so the peer runs without a build step). */
export interface GraphqlSession {
  request<T = Record<string, unknown>>(query: string, variables?: object): Promise<T>;
  token(): string | null;
}
export declare class GraphqlError extends Error {}
export declare function session(endpoint: string, options?: { token?: string; apiKey?: string; channelToken?: string }): GraphqlSession;
export declare function unwrap<T>(result: T, what: string): T;
export declare function adminSession(adminApi: string, username: string, password: string): Promise<GraphqlSession>;
