import { MikroORM } from '@mikro-orm/core';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { QUEUES, type JobPayloads } from '@rowan/adapters/bullmq/queues';
import { inJobContext } from '@rowan/adapters/persistence/job-context';
import { DispatchMessageUseCase, type DispatchResult } from '@rowan/communications';
import type { Job } from 'bullmq';
import { asJobFailure } from './job-outcome';

/** Message fan-out: resolves the audience and hands the deliveries to the send queues. */
@Processor(QUEUES.dispatch, { concurrency: 2 })
export class DispatchProcessor extends WorkerHost {
  private readonly logger = new Logger(DispatchProcessor.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly dispatch: DispatchMessageUseCase,
  ) {
    super();
  }

  async process(job: Job<JobPayloads['dispatch-message']>): Promise<DispatchResult> {
    try {
      const result = await inJobContext(this.orm, job.id ?? job.name, () =>
        this.dispatch.execute({ messageId: job.data.messageId }),
      );
      this.logger.log(`dispatch ${job.data.messageId}: ${JSON.stringify(result)}`);
      return result;
    } catch (error) {
      throw asJobFailure(error);
    }
  }
}
