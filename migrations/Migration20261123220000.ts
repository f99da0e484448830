import { Migration } from '@mikro-orm/migrations';

/** Whether a contact uses the parent app is read from their parent membership, not stored on the contact. */
export class Migration20261123220000 extends Migration {
  override name = 'Migration20261123220000';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`contacts\` drop column \`uses_parent_app\`;`);
  }

  override down(): void | Promise<void> {
    this.addSql(
      `alter table \`contacts\` add \`uses_parent_app\` tinyint(1) not null default 0 after \`mobiles\`;`,
    );
  }
}
