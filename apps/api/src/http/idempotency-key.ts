import { ValidationFailed } from '@rowan/kernel';
import type { FastifyRequest } from 'fastify';

/** The `Idempotency-Key` header, if sent: 1 to 100 visible ASCII characters, else a 400 naming the header. */
export function idempotencyKeyOf(request: FastifyRequest): string | null {
  const header = request.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (key !== undefined && !/^[\x21-\x7e]{1,100}$/.test(key)) {
    throw new ValidationFailed('The Idempotency-Key header is not valid', [
      { field: 'Idempotency-Key', message: 'must be 1 to 100 visible ASCII characters' },
    ]);
  }
  return key ?? null;
}
