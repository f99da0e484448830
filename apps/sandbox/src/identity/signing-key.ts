import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

/** The issuer's RS256 signing key, in the forms oidc-provider (JWK) and jose/node (KeyObject) want. */
export interface SigningKey {
  readonly kid: string;
  /** Private JWK with `kid`, `alg: RS256`, `use: sig`: oidc-provider's `jwks.keys[0]`. */
  readonly privateJwk: JWK;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/**
 * Loads the key from `file` when it exists, otherwise generates one (and saves it to `file` when given),
 * so that tokens minted before a restart of the demo still verify after it.
 */
export async function loadOrCreateSigningKey(file?: string): Promise<SigningKey> {
  const stored = file === undefined ? undefined : await readJwkFile(file);
  const jwk = stored ?? (await generateJwk());
  if (file !== undefined && stored === undefined) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(jwk, null, 2)}\n`, { mode: 0o600 });
  }
  const privateKey = createPrivateKey({ key: toNodeJwk(jwk), format: 'jwk' });
  return { kid: String(jwk.kid), privateJwk: jwk, privateKey, publicKey: createPublicKey(privateKey) };
}

async function generateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { ...jwk, kid, alg: 'RS256', use: 'sig' };
}

async function readJwkFile(file: string): Promise<JWK | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
  const jwk = JSON.parse(text) as JWK;
  if (jwk.kty !== 'RSA' || typeof jwk.d !== 'string' || typeof jwk.kid !== 'string') {
    throw new Error(`${file} does not hold a private RSA JWK with a kid`);
  }
  return { ...jwk, alg: 'RS256', use: 'sig' };
}

function toNodeJwk(jwk: JWK): Record<string, string> {
  const entries = Object.entries(jwk).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
  return Object.fromEntries(entries);
}
