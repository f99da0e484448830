import type { UserId } from '@rowan/kernel';
import { AccessJobs } from '../application/ports/access-jobs';

/** Records the jobs asked for instead of queueing them. */
export class RecordingAccessJobs extends AccessJobs {
  readonly provisionRequests: UserId[] = [];
  private failure: Error | null = null;

  provisionIdentity(userId: UserId): Promise<void> {
    if (this.failure) {
      return Promise.reject(this.failure);
    }
    this.provisionRequests.push(userId);
    return Promise.resolve();
  }

  readonly forgetRequests: string[] = [];

  forgetIdentity(subject: string): Promise<void> {
    if (this.failure) {
      return Promise.reject(this.failure);
    }
    this.forgetRequests.push(subject);
    return Promise.resolve();
  }

  /** Every request fails (the queue is down) until `recover()`. */
  failWith(error: Error = new Error('Redis is not answering')): void {
    this.failure = error;
  }

  recover(): void {
    this.failure = null;
  }
}
