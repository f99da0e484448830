import { Migration } from '@mikro-orm/migrations';

/**
 * Parents' evenings: the answers given to requests sent with an `Idempotency-Key` (holding, confirming and 'book for
 * me'), one per (parent, key), so that a retry gets the same answer and the key cannot be reused for another request.
 */
export class Migration20261202090000 extends Migration {
  override name = 'Migration20261202090000';

  override up(): void | Promise<void> {
    this.addSql(`create table \`parents_evening_replies\` (
      \`user_id\` varchar(36) not null, \`idempotency_key\` varchar(100) not null,
      \`school_id\` varchar(36) not null, \`event_id\` varchar(36) not null,
      \`request_hash\` varchar(300) not null, \`answer\` json not null, \`created_at\` datetime(3) not null,
      primary key (\`user_id\`, \`idempotency_key\`),
      index \`parents_evening_replies_event_index\` (\`school_id\`, \`event_id\`)
    ) default character set utf8mb4 engine = InnoDB;`);
  }

  override down(): void | Promise<void> {
    this.addSql('drop table if exists `parents_evening_replies`;');
  }
}
