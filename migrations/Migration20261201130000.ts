import { Migration } from '@mikro-orm/migrations';

/** A pupil's own school email address, from the MIS or a CSV upload: how a message to pupils reaches them. */
export class Migration20261201130000 extends Migration {
  override name = 'Migration20261201130000';

  override up(): void | Promise<void> {
    this.addSql('alter table `pupils` add `email` varchar(254) null after `registration_group`;');
  }

  override down(): void | Promise<void> {
    this.addSql('alter table `pupils` drop column `email`;');
  }
}
