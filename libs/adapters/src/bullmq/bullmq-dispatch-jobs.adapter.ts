import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { DispatchJobs, type QueuedDelivery } from '@rowan/communications';
import type { Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, jobIds, QUEUES, ROUTINE_PRIORITY, type JobPayloads } from './queues';

/**
 * Communications jobs. Each provider has its own send queue (its own rate limit); urgent jobs carry no priority,
 * which BullMQ takes before any prioritised (routine) job, so an urgent message never waits behind a big one.
 */
@Injectable()
export class BullMqDispatchJobs extends DispatchJobs {
  constructor(
    @InjectQueue(QUEUES.dispatch) private readonly dispatchQueue: Queue<JobPayloads['dispatch-message']>,
    @InjectQueue(QUEUES.sms) private readonly smsQueue: Queue<JobPayloads['send-delivery']>,
    @InjectQueue(QUEUES.email) private readonly emailQueue: Queue<JobPayloads['send-delivery']>,
  ) {
    super();
  }

  async dispatch(messageId: string, urgent: boolean, delayMs = 0): Promise<void> {
    await this.dispatchQueue.add(
      'dispatch-message',
      { messageId },
      {
        ...DEFAULT_JOB_OPTIONS,
        ...(urgent ? {} : { priority: ROUTINE_PRIORITY }),
        ...(delayMs > 0 ? { delay: delayMs } : {}),
        // Each hand-over is its own job (first send, after quiet hours, after approval): an earlier, finished
        // one keeps its id for a day. Running twice is harmless: dispatch is idempotent.
        jobId: jobIds.dispatchMessage(messageId, Date.now() + delayMs),
      },
    );
  }

  async send(deliveries: readonly QueuedDelivery[], urgent: boolean): Promise<void> {
    const jobs = (channel: QueuedDelivery['channel']) =>
      deliveries
        .filter((d) => d.channel === channel)
        .map((d) => ({
          name: 'send-delivery' as const,
          data: { deliveryId: d.id },
          opts: {
            ...DEFAULT_JOB_OPTIONS,
            ...(urgent ? {} : { priority: ROUTINE_PRIORITY }),
            jobId: jobIds.sendDelivery(d.id),
          },
        }));
    const sms = jobs('sms');
    const email = jobs('email');
    await Promise.all([
      sms.length ? this.smsQueue.addBulk(sms) : null,
      email.length ? this.emailQueue.addBulk(email) : null,
    ]);
  }
}
