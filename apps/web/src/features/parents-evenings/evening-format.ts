import { inLondon } from '../../lib/format';

const pad = (n: number) => String(n).padStart(2, '0');

/** "16:40", in Europe/London. */
export function clock(iso: string): string {
  const p = inLondon(new Date(iso));
  return `${pad(p.hour)}:${pad(p.minute)}`;
}
