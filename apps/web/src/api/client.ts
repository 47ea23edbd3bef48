import createClient, { Client } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError } from './api-error';

export type ApiClient = Client<paths>;

/** The api client, typed by the committed OpenAPI document, sending every request through `fetch`. */
export function createApiClient(origin: string, fetch: (request: Request) => Promise<Response>): ApiClient {
  return createClient<paths>({ baseUrl: origin, fetch });
}

/**
 * The body of a successful answer, or the api's refusal as an ApiError. `T` names the body's shape
 * where the document has no response schema yet.
 */
export async function unwrap<T>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw ApiError.fromBody(response, error);
  return data as T;
}
