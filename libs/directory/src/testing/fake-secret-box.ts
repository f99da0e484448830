import { SecretBox } from '../application/ports/sync-run.repository';

const SEALED = /^sealed\(([A-Za-z0-9_-]*)\)$/;

/** Seals visibly (`sealed(<base64url>)`) and refuses to open anything it did not seal. */
export class FakeSecretBox extends SecretBox {
  seal(plain: string): string {
    return `sealed(${Buffer.from(plain, 'utf8').toString('base64url')})`;
  }

  open(sealed: string): string {
    const match = SEALED.exec(sealed);
    if (!match) {
      throw new Error('Not a secret this box sealed');
    }
    return Buffer.from(match[1] ?? '', 'base64url').toString('utf8');
  }
}
