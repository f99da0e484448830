import type { EmailSender, SmsSender} from '@rowan/communications';
import { MERGE_FIELDS, type MergeField } from '@rowan/communications';

export interface SdkFloor {
  /** CPU microseconds this process spends per text in the Twilio SDK call alone. */
  readonly smsMicros: number;
  /** CPU microseconds per email in SES SendBulkEmail calls of 50. */
  readonly emailMicros: number;
}

const fields = Object.fromEntries(MERGE_FIELDS.map((f) => [f, `${f} value`])) as Record<MergeField, string>;

/**
 * The production adapters' own cost, measured against the same sandbox providers: `count` texts one call each,
 * and `count` emails in bulk calls of 50, many at once, with nothing else running. What the fan-out cannot go
 * below, whatever the pipeline around the calls does.
 */
export async function measureSdkFloor(sms: SmsSender, email: EmailSender, count: number): Promise<SdkFloor> {
  const cpu = async (calls: number, lanes: number, call: (i: number) => Promise<unknown>) => {
    let next = 0;
    const before = process.cpuUsage();
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        for (let i = next++; i < calls; i = next++) {
          await call(i);
        }
      }),
    );
    const used = process.cpuUsage(before);
    return used.user + used.system;
  };
  await cpu(200, 20, (i) => sms.send({ to: phone(i), body: 'Warm up', reference: `warm-${i}` }));
  const smsMicros =
    (await cpu(count, 50, (i) =>
      sms.send({ to: phone(i), body: 'Hello from the floor', reference: `f-${i}` }),
    )) / count;
  const batch = email.bulkLimit;
  const emailMicros =
    (await cpu(Math.ceil(count / batch), 10, (i) =>
      email.sendBulk({
        fromName: 'Bench Academy',
        subject: 'Hello {{forename}}',
        html: '<p>Hello {{forename}}</p>',
        text: 'Hello {{forename}}',
        entries: Array.from({ length: batch }, (_, j) => ({
          to: `floor${i * batch + j}@example.test`,
          reference: `f-${i}-${j}`,
          fields,
        })),
      }),
    )) / count;
  return { smsMicros, emailMicros };
}

const phone = (i: number) => `+44771${String(i).padStart(7, '0')}`;
