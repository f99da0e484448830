import { Migration } from '@mikro-orm/migrations';

/** Parent accounts: a contact is linked to the Rowan user it signs in as. */
export class Migration20261123200500 extends Migration {
  override name = 'Migration20261123200500';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`contacts\` add \`user_id\` varchar(36) null after \`uses_parent_app\`;`);
    this.addSql(`alter table \`contacts\` add index \`contacts_user_id_index\` (\`user_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`contacts\` drop index \`contacts_user_id_index\`;`);
    this.addSql(`alter table \`contacts\` drop column \`user_id\`;`);
  }
}
