import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { DispatchJobs, type QueuedDelivery } from '@rowan/communications';
import type { Queue } from 'bullmq';
import { chunks } from '../persistence/directory/bulk-sql';
import { DEFAULT_JOB_OPTIONS, jobIds, QUEUES, ROUTINE_PRIORITY, type JobPayloads } from './queues';

/** Deliveries per send job for each provider (see `sendPacing`): the queues' rate limits count jobs. */
export class SendBatchSizes {
  constructor(
    readonly sms: number,
    readonly email: number,
  ) {}
}

/**
 * Communications jobs. Each provider has its own send queue (its own rate limit); urgent jobs carry no priority,
 * which BullMQ takes before any prioritised (routine) job, so an urgent message never waits behind a big one.
 */
@Injectable()
export class BullMqDispatchJobs extends DispatchJobs {
  constructor(
    @InjectQueue(QUEUES.dispatch) private readonly dispatchQueue: Queue<JobPayloads['dispatch-message']>,
    @InjectQueue(QUEUES.sms) private readonly smsQueue: Queue<JobPayloads['send-deliveries']>,
    @InjectQueue(QUEUES.email) private readonly emailQueue: Queue<JobPayloads['send-deliveries']>,
    private readonly batches: SendBatchSizes,
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
      chunks(
        deliveries.filter((d) => d.channel === channel).map((d) => d.id),
        this.batches[channel],
      ).map((deliveryIds) => ({
        name: 'send-deliveries' as const,
        data: { deliveryIds },
        opts: {
          ...DEFAULT_JOB_OPTIONS,
          ...(urgent ? {} : { priority: ROUTINE_PRIORITY }),
          jobId: jobIds.sendDeliveries(deliveryIds),
        },
      }));
    // addBulk a thousand jobs at a time: one Redis round trip each.
    for (const [queue, channel] of [
      [this.smsQueue, 'sms'],
      [this.emailQueue, 'email'],
    ] as const) {
      for (const bulk of chunks(jobs(channel), 1000)) {
        await queue.addBulk(bulk);
      }
    }
  }
}
