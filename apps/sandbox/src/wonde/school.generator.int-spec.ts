import { generateSchool } from './school.generator';
import type { PupilRecord, SchoolData } from './school-records';

const share = (part: number, whole: number) => part / whole;
const onRoll = (school: SchoolData): PupilRecord[] =>
  [...school.pupils.values()].filter((pupil) => pupil.status === 'on-roll');

describe('school generator', () => {
  const school = generateSchool({ seed: 'awkward-names', pupils: 2000, phase: 'secondary' });
  const pupils = onRoll(school);
  const contacts = [...school.contacts.values()];
  const names = [...pupils, ...contacts].flatMap((person) => [person.forename, person.surname]);
  const legalNames = pupils.flatMap((pupil) => [pupil.legalForename, pupil.legalSurname]);

  it('is the same school for the same seed, and another for another seed', () => {
    const again = generateSchool({ seed: 'awkward-names', pupils: 2000, phase: 'secondary' });
    expect(JSON.stringify([...again.pupils.values()])).toBe(JSON.stringify([...school.pupils.values()]));
    expect(JSON.stringify([...again.contacts.values()])).toBe(JSON.stringify(contacts));
    expect([...again.classes.keys()]).toEqual([...school.classes.keys()]);
    const other = generateSchool({ seed: 'another', pupils: 2000, phase: 'secondary' });
    expect([...other.pupils.keys()]).not.toEqual([...school.pupils.keys()]);
  });

  it('has the pupils asked for on roll, about 3 % leavers, and staff about a tenth of pupils', () => {
    expect(pupils).toHaveLength(2000);
    const leavers = [...school.pupils.values()].filter((pupil) => pupil.status === 'leaver');
    expect(leavers).toHaveLength(60);
    expect(leavers.every((pupil) => /^\d{4}-\d{2}-\d{2}$/.test(pupil.leavingDate ?? ''))).toBe(true);
    expect(school.employees.size).toBe(200);
    expect([...school.employees.values()].every((member) => member.email.includes('@'))).toBe(true);
  });

  it('shares contact records between siblings: about 1.75 contacts per pupil, ~30 % of families with 2–3', () => {
    expect(share(contacts.length, pupils.length)).toBeGreaterThan(1.6);
    expect(share(contacts.length, pupils.length)).toBeLessThan(1.9);
    const shared = contacts.filter((contact) => contact.pupilIds.length > 1);
    expect(share(shared.length, contacts.length)).toBeGreaterThan(0.2);
    const sizes = new Map<number, number>();
    [...school.pupils.values()].forEach((p) => sizes.set(p.familyId, (sizes.get(p.familyId) ?? 0) + 1));
    const withSiblings = [...sizes.values()].filter((size) => size >= 2).length;
    expect(share(withSiblings, sizes.size)).toBeGreaterThan(0.25);
    expect(share(withSiblings, sizes.size)).toBeLessThan(0.35);
    for (const contact of shared) {
      const family = new Set(contact.pupilIds.map((id) => school.pupils.get(id)?.familyId));
      expect(family.size).toBe(1);
    }
  });

  it('has separated parents: two with parental responsibility, one not living with the pupil', () => {
    const separated = pupils.filter((pupil) => {
      const parents = pupil.contacts.filter((link) => link.parentalResponsibility);
      return parents.length >= 2 && parents.some((link) => !link.livesWithPupil);
    });
    expect(share(separated.length, pupils.length)).toBeGreaterThan(0.05);
    const [pupil] = separated;
    const [home, away] = [true, false].map((lives) =>
      school.contacts.get(
        pupil!.contacts.find((l) => l.parentalResponsibility && l.livesWithPupil === lives)!.contactId,
      ),
    );
    expect(home!.address).not.toEqual(away!.address);
  });

  it('has contacts without email, without mobile, without either, and couples sharing a mobile', () => {
    const noEmail = contacts.filter((c) => c.email === null).length;
    const noMobile = contacts.filter((c) => c.mobile === null).length;
    const neither = contacts.filter((c) => c.email === null && c.mobile === null).length;
    expect(share(noEmail, contacts.length)).toBeGreaterThan(0.04);
    expect(share(noMobile, contacts.length)).toBeGreaterThan(0.03);
    expect(neither).toBeGreaterThan(10);
    const mobiles = contacts.flatMap((c) => (c.mobile ? [c.mobile] : []));
    expect(new Set(mobiles).size).toBeLessThan(mobiles.length);
    expect(mobiles.every((m) => /^(07\d{3} ?\d{6}|\+447\d{9})$/.test(m))).toBe(true);
    const landlines = contacts.flatMap((c) => (c.homePhone ? [c.homePhone] : []));
    expect(landlines.length).toBeGreaterThan(100);
    expect(landlines.every((n) => /^0[12]\d/.test(n))).toBe(true);
  });

  it('has awkward names: apostrophes, hyphens, accents and non-Latin scripts', () => {
    const count = (pattern: RegExp, list: string[]) => list.filter((name) => pattern.test(name)).length;
    expect(count(/^(O'|D')/, names)).toBeGreaterThan(20);
    expect(count(/\p{L}-\p{L}/u, names)).toBeGreaterThan(20);
    expect(count(/[À-ſ]/u, names)).toBeGreaterThan(50);
    const nonLatin = /[\p{Script=Han}\p{Script=Arabic}\p{Script=Cyrillic}\p{Script=Greek}]/u;
    expect(count(nonLatin, names) + count(nonLatin, legalNames)).toBeGreaterThan(40);
    for (const script of ['Han', 'Arabic', 'Cyrillic', 'Greek']) {
      expect(count(new RegExp(`\\p{Script=${script}}`, 'u'), [...names, ...legalNames])).toBeGreaterThan(0);
    }
  });

  it('has characteristics near national rates', () => {
    const rate = (test: (p: PupilRecord) => boolean) => share(pupils.filter(test).length, pupils.length);
    expect(rate((p) => p.characteristics.pupilPremium)).toBeCloseTo(0.25, 1);
    expect(rate((p) => p.characteristics.freeSchoolMeals)).toBeCloseTo(0.2, 1);
    expect(rate((p) => p.characteristics.sen === 'K')).toBeCloseTo(0.12, 1);
    expect(rate((p) => p.characteristics.sen === 'E')).toBeGreaterThan(0.005);
    expect(rate((p) => p.characteristics.sen === 'E')).toBeLessThan(0.04);
    expect(rate((p) => p.characteristics.eal)).toBeCloseTo(0.2, 1);
  });

  it('gives a secondary Years 7–13 with forms like 10R2, subject sets with teachers, houses and clubs', () => {
    const groups = [...school.groups.values()];
    expect(groups.filter((g) => g.type === 'YEAR').map((g) => g.code)).toEqual([
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
      '13',
    ]);
    expect(groups.some((g) => g.type === 'REGISTRATION' && /^10[RGBY]\d$/.test(g.name))).toBe(true);
    expect(groups.filter((g) => g.type === 'HOUSE')).toHaveLength(4);
    expect(groups.filter((g) => g.type === 'MISC').length).toBeGreaterThan(4);
    expect(pupils.every((p) => p.registrationGroupId && p.houseId && p.classIds.length >= 3)).toBe(true);
    expect([...school.classes.values()].every((c) => c.employeeIds.length >= 1)).toBe(true);
  });

  it('gives a primary Reception–Year 6 with one form per 30 pupils', () => {
    const primary = generateSchool({ seed: 'oakfield', pupils: 210, phase: 'primary' });
    const forms = [...primary.groups.values()].filter((g) => g.type === 'REGISTRATION').map((g) => g.name);
    expect(forms).toEqual(['RB', '1B', '2B', '3B', '4B', '5B', '6B']);
    expect(onRoll(primary).every((p) => p.classIds.length >= 1)).toBe(true);
  });

  it('gives secondary-age pupils a unique school email, firstname.surname at the school domain, and none below', () => {
    const emails = pupils.map((p) => p.email);
    expect(emails.every((e) => e !== null && e.endsWith(`@${school.domain}`))).toBe(true);
    expect(new Set(emails).size).toBe(emails.length);
    const plain = pupils.find((p) => /^[A-Za-z]+$/.test(p.forename + p.surname))!;
    expect(plain.email).toMatch(
      new RegExp(`^${plain.forename.toLowerCase()}\\.${plain.surname.toLowerCase()}\\d*@`),
    );
    const primary = generateSchool({ seed: 'oakfield', pupils: 210, phase: 'primary' });
    expect([...primary.pupils.values()].every((p) => p.email === null)).toBe(true);
  });

  it('generates 16,000 pupils well under 2 s', () => {
    generateSchool({ seed: 'warm-up', pupils: 2000, phase: 'secondary' });
    const cpu = process.cpuUsage();
    const started = performance.now();
    const big = generateSchool({ seed: 'benchmark', pupils: 16_000, phase: 'secondary' });
    const elapsed = performance.now() - started;
    const { user, system } = process.cpuUsage(cpu);
    expect(onRoll(big)).toHaveLength(16_000);
    // CPU time, not wall time: the other Jest workers (and other jobs on a CI box) share the cores.
    expect((user + system) / 1000).toBeLessThan(2000);
    expect(elapsed).toBeLessThan(5000);
  });
});
