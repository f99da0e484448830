import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJson, sendJson } from '../../http/http-helpers';
import type { MintAlgorithm, MintToken, MintTokenOptions } from '../token-minter';

const ALGORITHMS: readonly MintAlgorithm[] = ['RS256', 'RS384', 'RS512', 'PS256', 'HS256', 'none'];

/**
 * `POST /sandbox/tokens` (not a FusionAuth route): mints an access token for other processes (benchmarks,
 * end-to-end tests). Body: the fields of `MintTokenOptions`; answer: `{ access_token }`.
 */
export function createSandboxTokensHandler(mintToken: MintToken) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const parsed = parseMintOptions(await readJson(req));
    if (typeof parsed === 'string') {
      return sendJson(res, 400, { error: 'invalid_request', error_description: parsed });
    }
    sendJson(res, 200, { access_token: await mintToken(parsed), token_type: 'Bearer' });
  };
}

/** Returns the options, or a message naming the first invalid field. */
export function parseMintOptions(body: unknown): MintTokenOptions | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return 'the body must be a JSON object';
  }
  const input = body as Record<string, unknown>;
  const options: Record<string, unknown> = {};
  for (const field of ['userId', 'email', 'audience', 'issuer'] as const) {
    if (input[field] !== undefined) {
      if (typeof input[field] !== 'string') {
        return `${field} must be a string`;
      }
      options[field] = input[field];
    }
  }
  if (input.roles !== undefined) {
    if (!Array.isArray(input.roles) || !input.roles.every((role) => typeof role === 'string')) {
      return 'roles must be an array of strings';
    }
    options.roles = input.roles;
  }
  if (input.mfa !== undefined) {
    if (typeof input.mfa !== 'boolean') {
      return 'mfa must be a boolean';
    }
    options.mfa = input.mfa;
  }
  if (input.expiresInSeconds !== undefined) {
    if (typeof input.expiresInSeconds !== 'number' || !Number.isInteger(input.expiresInSeconds)) {
      return 'expiresInSeconds must be an integer';
    }
    options.expiresInSeconds = input.expiresInSeconds;
  }
  if (input.algorithm !== undefined) {
    if (!ALGORITHMS.includes(input.algorithm as MintAlgorithm)) {
      return `algorithm must be one of ${ALGORITHMS.join(', ')}`;
    }
    options.algorithm = input.algorithm;
  }
  return options as MintTokenOptions;
}
