import { IdGenerator } from '@rowan/kernel';

/**
 * UUID-shaped ids that sort in the order they were made, like UUIDv7 (the counter takes the timestamp's place):
 * 00000000-0001-7000-8000-000000000000, 00000000-0002-7000-8000-000000000000, ...
 */
export class SequentialIdGenerator extends IdGenerator {
  private counter = 0;

  next(): string {
    this.counter += 1;
    const hex = this.counter.toString(16).padStart(12, '0');
    return `${hex.slice(0, 8)}-${hex.slice(8)}-7000-8000-000000000000`;
  }
}
