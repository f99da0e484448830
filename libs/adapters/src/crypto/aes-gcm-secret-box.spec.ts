import { randomBytes } from 'node:crypto';
import { AesGcmSecretBox } from './aes-gcm-secret-box.adapter';

describe('AesGcmSecretBox', () => {
  const box = new AesGcmSecretBox(randomBytes(32).toString('base64'));

  it('opens what it sealed, and never seals the same way twice', () => {
    const a = box.seal('wonde-token-123');
    expect(box.open(a)).toBe('wonde-token-123');
    expect(box.seal('wonde-token-123')).not.toBe(a);
    expect(a).not.toContain('wonde-token');
  });

  it('refuses a tampered secret or another key', () => {
    const sealed = box.seal('secret');
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'B' : 'A') + sealed.slice(-1);
    expect(() => box.open(tampered)).toThrow();
    expect(() => new AesGcmSecretBox(randomBytes(32).toString('base64')).open(sealed)).toThrow();
  });
});
