/**
 * How Twilio bills a text, computed here independently of Rowan (the stand-in is the referee for Rowan's
 * estimate). GSM-7: 160 septets in one segment, else 153 per segment (an escape pair never split); the
 * extension characters cost two septets. Anything outside GSM-7: UCS-2, 70 code units, else 67 (a surrogate pair
 * never split).
 */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENSION = '\f^{}\\[~]|€';

export function twilioSegments(body: string): { segments: number; encoding: 'GSM-7' | 'UCS-2' } {
  const chars = [...body];
  if (chars.every((c) => BASIC.includes(c) || EXTENSION.includes(c))) {
    const septets = chars.map((c) => (EXTENSION.includes(c) ? 2 : 1));
    const total = septets.reduce((a, b) => a + b, 0);
    return { encoding: 'GSM-7', segments: total <= 160 ? Math.min(1, total) || 0 : pack(septets, 153) };
  }
  const units = chars.map((c) => c.length);
  const total = units.reduce((a, b) => a + b, 0);
  return { encoding: 'UCS-2', segments: total <= 70 ? 1 : pack(units, 67) };
}

/** Segments needed when items (characters of 1 or 2 units) may not straddle a segment boundary. */
function pack(sizes: readonly number[], perSegment: number): number {
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > perSegment) {
      segments++;
      used = 0;
    }
    used += size;
  }
  return segments;
}
