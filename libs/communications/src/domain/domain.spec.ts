import { canMove, statesBefore } from './delivery';
import { escapeHtml, mergeFields, unknownMergeFields } from './merge-fields';
import { fallbackChannel, firstChannels, listNames, reachableChannels, type Recipient } from './recipient';
import { smsSegments } from './sms-segments';

const parent = (over: Partial<Recipient> = {}): Recipient => ({
  kind: 'contact',
  personId: 'c1',
  title: 'Mrs',
  forename: 'Siobhán',
  surname: "O'Brien",
  children: ['Aoife', 'Cian'],
  appUserId: null,
  email: 'siobhan@example.org',
  mobile: '+447700900123',
  ...over,
});

describe('SMS segments', () => {
  it.each([
    ['nothing', '', 0, 'GSM-7'],
    ['160 plain characters', 'a'.repeat(160), 1, 'GSM-7'],
    ['161 plain characters', 'a'.repeat(161), 2, 'GSM-7'],
    ['306 plain characters', 'a'.repeat(306), 2, 'GSM-7'],
    ['307 plain characters', 'a'.repeat(307), 3, 'GSM-7'],
    ['80 euro signs (two septets each)', '€'.repeat(80), 1, 'GSM-7'],
    ['81 euro signs', '€'.repeat(81), 2, 'GSM-7'],
    ['curly quotes', 'Trip money due ’today’', 1, 'UCS-2'],
    ['70 ü (in GSM-7)', 'ü'.repeat(70), 1, 'GSM-7'],
    ['70 ł (not in GSM-7)', 'ł'.repeat(70), 1, 'UCS-2'],
    ['71 ł', 'ł'.repeat(71), 2, 'UCS-2'],
    ['35 emoji (surrogate pairs)', '🎉'.repeat(35), 1, 'UCS-2'],
  ])('%s: %#', (_label, text, segments, encoding) => {
    expect(smsSegments(text)).toMatchObject({ segments, encoding });
  });
});

describe('routing', () => {
  it('picks the cheapest channel the recipient has: app, then email, then SMS', () => {
    expect(firstChannels('cheapest', reachableChannels(parent({ appUserId: 'u1' })))).toEqual(['app']);
    expect(firstChannels('cheapest', reachableChannels(parent()))).toEqual(['email']);
    expect(firstChannels('cheapest', reachableChannels(parent({ email: null })))).toEqual(['sms']);
    expect(firstChannels('cheapest', reachableChannels(parent({ email: null, mobile: null })))).toEqual([]);
  });

  it('sends urgent messages on every channel at once, and single-channel policies on theirs only', () => {
    const all = reachableChannels(parent({ appUserId: 'u1' }));
    expect(firstChannels('all', all)).toEqual(['app', 'email', 'sms']);
    expect(firstChannels('sms', all)).toEqual(['sms']);
    expect(firstChannels('email', reachableChannels(parent({ email: null })))).toEqual([]);
  });

  it('leaves out SMS for a number that opted out', () => {
    const p = parent({ email: null });
    expect(reachableChannels(p, new Set([p.mobile!]))).toEqual([]);
  });

  it('leaves out email for a suppressed address (a complaint or a permanent bounce)', () => {
    const p = parent();
    expect(reachableChannels(p, new Set([p.email!]))).toEqual(['sms']);
    expect(reachableChannels(p, new Set(['someone-else@example.test']))).toEqual(['email', 'sms']);
  });

  it('falls back to the next channel not yet tried, for the cheapest policy only', () => {
    const reachable = reachableChannels(parent({ appUserId: 'u1' }));
    expect(fallbackChannel('cheapest', reachable, ['app'])).toBe('email');
    expect(fallbackChannel('cheapest', reachable, ['app', 'email'])).toBe('sms');
    expect(fallbackChannel('cheapest', reachable, ['app', 'email', 'sms'])).toBeNull();
    expect(fallbackChannel('all', reachable, ['app'])).toBeNull();
  });
});

describe('merge fields', () => {
  it('names every matching child, and escapes values for HTML', () => {
    const text = 'Dear {{title}} {{surname}}, {{children}} at {{ school }}';
    expect(mergeFields(text, parent(), 'Oakfield')).toBe("Dear Mrs O'Brien, Aoife and Cian at Oakfield");
    expect(mergeFields('{{surname}}', parent(), 'x', escapeHtml)).toBe('O&#39;Brien');
    expect(listNames(['Ada', 'Alan', 'Grace'])).toBe('Ada, Alan and Grace');
  });

  it('reports fields it does not know', () => {
    expect(unknownMergeFields('Hi {{forename}} {{shoe_size}}')).toEqual(['shoe_size']);
  });
});

describe('delivery states', () => {
  it('only ever move forwards, and never out of a dead end', () => {
    expect(canMove('queued', 'sent')).toBe(true);
    expect(canMove('sent', 'delivered')).toBe(true);
    expect(canMove('delivered', 'sent')).toBe(false);
    expect(canMove('delivered', 'read')).toBe(true);
    expect(canMove('read', 'delivered')).toBe(false);
    expect(canMove('bounced', 'delivered')).toBe(false);
    expect(canMove('sent', 'sent')).toBe(false);
    expect(statesBefore('delivered')).toEqual(['queued', 'sent']);
  });
});
