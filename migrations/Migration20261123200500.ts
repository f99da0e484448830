import { Migration } from '@mikro-orm/migrations';

/** Parent accounts (a contact linked to the user it signs in as) and retryable sync failures. */
export class Migration20261123200500 extends Migration {
  override name = 'Migration20261123200500';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`contacts\` add \`user_id\` varchar(36) null after \`uses_parent_app\`;`);
    this.addSql(`alter table \`contacts\` add index \`contacts_user_id_index\` (\`user_id\`);`);
    this.addSql(`alter table \`sync_runs\` add \`retryable\` tinyint(1) not null default 0;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`sync_runs\` drop column \`retryable\`;`);
    this.addSql(`alter table \`contacts\` drop index \`contacts_user_id_index\`;`);
    this.addSql(`alter table \`contacts\` drop column \`user_id\`;`);
  }
}
