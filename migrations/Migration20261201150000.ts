import { Migration } from '@mikro-orm/migrations';

/**
 * Consent for events: one form per event (its questions, in order, as JSON) and the answers given, one row per
 * booking and guardian (the parent user who answered). `stale` is set when the trip's key details or its form
 * change after consent was given, so the family is asked again.
 */
export class Migration20261201150000 extends Migration {
  override name = 'Migration20261201150000';

  override up(): void | Promise<void> {
    this.addSql(`create table \`event_consent_forms\` (
      \`event_id\` varchar(36) not null, \`school_id\` varchar(36) not null, \`questions\` json not null,
      \`reconsent_message_id\` varchar(36) null, \`updated_at\` datetime(3) not null,
      primary key (\`event_id\`), index \`event_consent_forms_school_index\` (\`school_id\`)
    ) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`create table \`event_consents\` (
      \`booking_id\` varchar(36) not null, \`guardian_id\` varchar(36) not null,
      \`school_id\` varchar(36) not null, \`event_id\` varchar(36) not null, \`answers\` json not null,
      \`stale\` tinyint(1) not null default 0, \`given_at\` datetime(3) not null, \`stale_at\` datetime(3) null,
      primary key (\`booking_id\`, \`guardian_id\`), index \`event_consents_event_index\` (\`event_id\`, \`stale\`)
    ) default character set utf8mb4 engine = InnoDB;`);
  }

  override down(): void | Promise<void> {
    this.addSql('drop table if exists `event_consents`;');
    this.addSql('drop table if exists `event_consent_forms`;');
  }
}
