import type { PoolName } from './name-pools.data';
import type { Address } from './school-records';
import type { SeededRandom } from './seeded-random';

/**
 * British phone numbers, email addresses and home addresses, in the formats schools type into their MIS.
 * Landlines use Ofcom's drama ranges; email domains are the reserved example domains, so nothing generated
 * here can reach a real person. Mobiles are random 07 numbers in three spellings (spaced, bare, +44).
 */

const LANDLINE_PREFIXES = ['0113 496 0', '0114 496 0', '0121 496 0', '0161 496 0', '020 7946 0', '01632 960'];
const PARENT_EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example.co.uk'];
const STREETS = [
  'High Street',
  'Station Road',
  'Church Lane',
  'Victoria Road',
  'Green Lane',
  'Manor Road',
  'Park Avenue',
  'Queen’s Road',
  'St John’s Close',
  'Mill Lane',
  'The Crescent',
  'Oakfield Drive',
  'Birchwood Way',
  'Kingsway',
  'Windsor Gardens',
];
const TOWNS: ReadonlyArray<{ town: string; county: string | null; area: string; districts: string[] }> = [
  {
    town: 'Leeds',
    county: 'West Yorkshire',
    area: 'LS',
    districts: ['Headingley', 'Chapel Allerton', 'Roundhay'],
  },
  { town: 'Milton Keynes', county: 'Buckinghamshire', area: 'MK', districts: ['Kingston', 'Wolverton'] },
  { town: 'Bristol', county: null, area: 'BS', districts: ['Bedminster', 'Clifton', 'Easton'] },
  { town: 'Manchester', county: 'Greater Manchester', area: 'M', districts: ['Didsbury', 'Levenshulme'] },
];

export class ContactDetailsGenerator {
  private readonly usedEmails = new Set<string>();
  private readonly home: (typeof TOWNS)[number];

  constructor(private readonly random: SeededRandom) {
    this.home = random.pick(TOWNS);
  }

  mobile(): string {
    const digits = `7${this.random.int(400, 999)}${String(this.random.int(0, 999_999)).padStart(6, '0')}`;
    const style = this.random.weighted([
      ['spaced', 6],
      ['bare', 3],
      ['international', 1],
    ] as const);
    if (style === 'international') {
      return `+44${digits}`;
    }
    return style === 'spaced' ? `0${digits.slice(0, 4)} ${digits.slice(4)}` : `0${digits}`;
  }

  landline(): string {
    return `${this.random.pick(LANDLINE_PREFIXES)}${String(this.random.int(0, 999)).padStart(3, '0')}`;
  }

  /** A personal email built from the name; unique within the school. Apostrophes survive in some. */
  personalEmail(forename: PoolName, surname: PoolName): string {
    const first = handle(forename.latin, this.random.chance(0.5));
    const last = handle(surname.latin, this.random.chance(0.5));
    const base = this.random.weighted([
      [`${first}.${last}`, 5],
      [`${first}${last}`, 2],
      [`${first.slice(0, 1)}${last}`, 2],
      [`${last}.${first}`, 1],
    ] as const);
    return this.unique(base || 'parent', this.random.pick(PARENT_EMAIL_DOMAINS));
  }

  workEmail(forename: PoolName, surname: PoolName, domain: string): string {
    return this.unique(
      `${handle(forename.latin, false).slice(0, 1)}.${handle(surname.latin, false)}`,
      domain,
    );
  }

  /** A pupil's school address, `firstname.surname@<school domain>` (no randomness: the sequence stays as it was). */
  pupilEmail(forename: string, surname: string, domain: string): string {
    return this.unique(`${handle(forename, false) || 'pupil'}.${handle(surname, false) || 'school'}`, domain);
  }

  address(): Address {
    const { town, county, area, districts } = this.home;
    const district = this.random.chance(0.6) ? this.random.pick(districts) : null;
    const outward = `${area}${this.random.int(1, 28)}`;
    const inward = `${this.random.int(1, 9)}${letters(this.random, 2)}`;
    return {
      houseNumber: String(this.random.int(1, 180)),
      street: this.random.pick(STREETS),
      district,
      town,
      county,
      postcode: `${outward} ${inward}`,
    };
  }

  private unique(local: string, domain: string): string {
    let candidate = `${local}@${domain}`;
    for (let n = 2; this.usedEmails.has(candidate.toLowerCase()); n++) {
      candidate = `${local}${n}@${domain}`;
    }
    this.usedEmails.add(candidate.toLowerCase());
    return candidate;
  }
}

const handles = new Map<string, string>();

/** Lower-case ASCII handle: accents folded (Łukasz → lukasz), spaces and hyphens dropped. */
export function handle(name: string, keepApostrophe: boolean): string {
  const key = `${keepApostrophe ? "'" : ''}${name}`;
  let cached = handles.get(key);
  if (cached === undefined) {
    cached = fold(name, keepApostrophe);
    handles.set(key, cached);
  }
  return cached;
}

function fold(name: string, keepApostrophe: boolean): string {
  const folded = name
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
  return folded.replace(keepApostrophe ? /[^a-z']/g : /[^a-z]/g, '');
}

function letters(random: SeededRandom, count: number): string {
  const alphabet = 'ABDEFGHJLNPQRSTUWXYZ';
  let out = '';
  for (let i = 0; i < count; i++) {
    out += alphabet[random.int(0, alphabet.length - 1)];
  }
  return out;
}
