import { MikroORM } from '@mikro-orm/mysql';
import type { SnapshotPart, StoredRecipient } from '@rowan/communications';
import { v7 } from 'uuid';
import { Factories } from '../support/factories';
import { testDatabaseUrl } from '../support/test-env';
import { ormOptions } from '@rowan/adapters/persistence/orm-config';
import { MikroOrmDeliveryLedger } from '@rowan/adapters/persistence/communications/mikro-orm-delivery-ledger';

/** The delivery ledger's fan-out writes against the real MariaDB: resumable snapshots and batch claims. */
describe('MikroOrmDeliveryLedger', () => {
  let orm: MikroORM;
  let make: Factories;
  const ledger = () => new MikroOrmDeliveryLedger(orm.em.fork());

  beforeAll(async () => {
    orm = await MikroORM.init(ormOptions(testDatabaseUrl()));
    make = new Factories(orm);
  });
  afterAll(() => orm.close(true));

  async function message() {
    const school = await make.school(await make.trust());
    const user = await make.user();
    return { school, message: await make.message(school, user.id, 'sending') };
  }

  const part = (messageId: string, personId: string, channel: 'email' | 'sms' | 'app'): SnapshotPart => {
    const recipient: StoredRecipient = {
      id: v7(),
      messageId,
      kind: 'contact',
      personId,
      title: null,
      forename: `Siobhán "Shiv" O'Brien-张伟 😀 back\\slash`,
      surname: personId,
      children: ['Eve', 'Zoë'],
      appUserId: channel === 'app' ? v7() : null,
      email: channel === 'email' ? `${personId}@example.test` : null,
      mobile: channel === 'sms' ? '+447700900001' : null,
    };
    const address = recipient.email ?? recipient.mobile ?? recipient.appUserId!;
    return {
      recipient,
      deliveries: [
        { id: v7(), channel, address, state: channel === 'app' ? 'sent' : 'queued', fallbackAt: null },
      ],
    };
  };

  it('resumes a snapshot a dispatch stored part of: rows and ids kept, nothing doubled, the queued handed out', async () => {
    const { school, message: m } = await message();
    const people = ['p1', 'p2', 'p3', 'p4'].map((p) => `${p}-${m.id.slice(-6)}`);
    const first = [part(m.id, people[0]!, 'email'), part(m.id, people[1]!, 'sms')];
    const firstQueued = await ledger().storeSnapshot(m.id, school.id, first, false);
    expect(firstQueued.map((q) => q.channel).sort()).toEqual(['email', 'sms']);

    // The dispatch died and runs again: it plans everyone afresh, with new ids.
    const again = [
      part(m.id, people[0]!, 'email'),
      part(m.id, people[1]!, 'sms'),
      part(m.id, people[2]!, 'app'),
      part(m.id, people[3]!, 'email'),
    ];
    const queued = await ledger().storeSnapshot(m.id, school.id, again, true);

    const recipients = await ledger().recipients(m.id);
    expect(recipients).toHaveLength(4);
    expect(recipients.find((r) => r.personId === people[0])!.id).toBe(first[0]!.recipient.id);
    // Every name survives the trip through one JSON document a chunk.
    expect(recipients.find((r) => r.personId === people[0])).toEqual(first[0]!.recipient);
    const conn = orm.em.fork().getConnection();
    const rows = await conn.execute<Array<{ id: string; channel: string }>>(
      'select id, channel from deliveries where message_id = ? order by id',
      [m.id],
    );
    expect(rows).toHaveLength(4);
    expect(queued.map((q) => q.id).sort()).toEqual(
      [...firstQueued.map((q) => q.id), again[3]!.deliveries[0]!.id].sort(),
    );
    expect(await ledger().recipientCount(m.id)).toBe(4);
  });

  it('gives each delivery to one claim at a time, and to a later claim only once the first has expired', async () => {
    const { school, message: m } = await message();
    const parts = ['a', 'b', 'c'].map((p) => part(m.id, `${p}-${m.id.slice(-6)}`, 'email'));
    const ids = (await ledger().storeSnapshot(m.id, school.id, parts, false)).map((q) => q.id);
    const t0 = new Date();

    const [one, two] = await Promise.all([
      ledger().claim(ids, t0, new Date(t0.getTime() - 60_000)),
      ledger().claim(ids, t0, new Date(t0.getTime() - 60_000)),
    ]);
    const claimed = [...one.claimed, ...two.claimed].map((c) => c.delivery.id).sort();
    expect(claimed).toEqual([...ids].sort());
    expect(one.busy + two.busy).toBe(3);
    expect([...one.claimed, ...two.claimed].every((c) => !c.again && c.recipient.forename === parts[0]!.recipient.forename)).toBe(
      true,
    );

    // A live claim is left alone; an expired one (its attempt died) is taken over, marked `again`.
    expect(await ledger().claim(ids, new Date(t0.getTime() + 1000), t0)).toEqual({ claimed: [], busy: 3 });
    const later = new Date(t0.getTime() + 120_000);
    const takeover = await ledger().claim(ids, later, new Date(later.getTime() - 60_000));
    expect(takeover.claimed.map((c) => c.again)).toEqual([true, true, true]);

    // Settled ones are not claimable again; a released one is, as a first attempt.
    await ledger().settleSent([{ id: ids[0]!, providerRef: 'ses-1' }], later);
    await ledger().release([ids[1]!]);
    const next = await ledger().claim(ids, new Date(later.getTime() + 1), new Date(later.getTime() - 60_000));
    expect(next.claimed.map((c) => [c.delivery.id, c.again])).toEqual([[ids[1], false]]);
    expect(next.busy).toBe(1);
    const settled = await ledger().findById(ids[0]!);
    expect(settled).toMatchObject({ state: 'sent', providerRef: 'ses-1' });
  });
});
