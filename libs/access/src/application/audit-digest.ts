import { createHash } from 'node:crypto';
import type { Digest } from '../domain/audit-chain';

/** SHA-256 of UTF-8 text, as 64 lowercase hex digits. */
export const sha256Hex: Digest = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
