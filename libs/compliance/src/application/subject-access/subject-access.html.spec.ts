import { createHash } from 'node:crypto';
import type { SubjectAccessReport, SubjectDataSection } from '../../domain/subject-access';
import {
  readable,
  renderSubjectAccessHtml,
  SUBJECT_ACCESS_CSP,
  SUBJECT_ACCESS_STYLESHEET,
} from './subject-access.html';

const section = (over: Partial<SubjectDataSection>): SubjectDataSection => ({
  key: 'directory.pupil',
  category: 'Directory',
  title: 'Pupil record',
  description: 'From the school’s MIS.',
  columns: [
    { key: 'name', label: 'Name', type: 'text' },
    { key: 'born', label: 'Date of birth', type: 'date' },
  ],
  rows: [],
  ...over,
});

const report = (sections: SubjectDataSection[]): SubjectAccessReport => ({
  subject: { kind: 'pupil', id: 'p-1', name: 'Ada <b>Lovelace</b>' },
  school: { id: 's-1', name: 'St Mary’s & All Saints' },
  generatedAt: new Date('2026-07-01T09:30:00Z'),
  sections,
});

describe('subject access page', () => {
  it('escapes every value, names and headings included, and has no script', () => {
    const html = renderSubjectAccessHtml(
      report([
        section({ rows: [{ name: '<script>alert(1)</script>', born: '2016-05-04' }], title: 'A & B' }),
      ]),
    );
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Ada &lt;b&gt;Lovelace&lt;/b&gt;');
    expect(html).toContain('St Mary’s &amp; All Saints');
    expect(html).toContain('A &amp; B');
    expect(html).not.toMatch(/<script|<b>/i);
  });

  it('heads the page with the school, the subject and the time in the UK, then a table per section', () => {
    const html = renderSubjectAccessHtml(
      report([
        section({ key: 'events.bookings', category: 'Events', title: 'Bookings', rows: [] }),
        section({ rows: [{ name: 'Ada', born: '2016-05-04' }] }),
      ]),
    );
    expect(html).toContain('<dt>Pupil</dt><dd>Ada &lt;b&gt;Lovelace&lt;/b&gt;');
    expect(html).toContain('1 Jul 2026, 10:30');
    expect(html.indexOf('<h2>Directory</h2>')).toBeLessThan(html.indexOf('<h2>Events</h2>'));
    expect(html).toContain('<th scope="col">Date of birth</th>');
    expect(html).toContain('<td>4 May 2016</td>');
    expect(html).toContain('Nothing is held.');
  });

  it('allows its one stylesheet by hash and nothing else', () => {
    const hash = createHash('sha256').update(SUBJECT_ACCESS_STYLESHEET).digest('base64');
    expect(SUBJECT_ACCESS_CSP).toContain(`style-src 'sha256-${hash}'`);
    expect(SUBJECT_ACCESS_CSP).toMatch(/^default-src 'none'/);
    expect(renderSubjectAccessHtml(report([]))).toContain(`<style>${SUBJECT_ACCESS_STYLESHEET}</style>`);
  });

  it('reads values as people do: pounds, Yes/No, UK time, a dash for nothing', () => {
    expect(readable(2450, 'pence')).toBe('£24.50');
    expect(readable(true, 'boolean')).toBe('Yes');
    expect(readable(false, 'boolean')).toBe('No');
    expect(readable(null, 'text')).toBe('–');
    expect(readable('2026-01-15T18:05:00.000Z', 'datetime')).toBe('15 Jan 2026, 18:05');
  });
});
