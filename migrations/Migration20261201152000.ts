import { Migration } from '@mikro-orm/migrations';

/**
 * Staff allocation and registers. An assignment puts a directory member of staff on an event, or on one club
 * session (`session_at`; `session_key` is its epoch milliseconds, 0 for the whole event, so the unique key allows
 * one assignment per person per event or session). A register mark is one row per (booking, session), changed
 * in place when marked again; a trip's register uses the trip's start as its session.
 */
export class Migration20261201152000 extends Migration {
  override name = 'Migration20261201152000';

  override up(): void | Promise<void> {
    this.addSql(`create table \`event_staff_assignments\` (
      \`id\` varchar(36) not null, \`school_id\` varchar(36) not null, \`event_id\` varchar(36) not null,
      \`staff_id\` varchar(36) not null, \`session_at\` datetime(3) null, \`session_key\` bigint not null,
      \`role\` varchar(10) not null, \`assigned_by\` varchar(36) not null,
      \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null,
      primary key (\`id\`),
      unique \`event_staff_assignments_unique\` (\`event_id\`, \`staff_id\`, \`session_key\`),
      index \`event_staff_assignments_staff_index\` (\`school_id\`, \`staff_id\`)
    ) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`create table \`event_register_marks\` (
      \`booking_id\` varchar(36) not null, \`session_at\` datetime(3) not null,
      \`school_id\` varchar(36) not null, \`event_id\` varchar(36) not null, \`present\` tinyint(1) not null,
      \`marked_by\` varchar(36) not null, \`marked_at\` datetime(3) not null,
      primary key (\`booking_id\`, \`session_at\`),
      index \`event_register_marks_event_index\` (\`event_id\`, \`session_at\`)
    ) default character set utf8mb4 engine = InnoDB;`);
  }

  override down(): void | Promise<void> {
    this.addSql('drop table if exists `event_register_marks`;');
    this.addSql('drop table if exists `event_staff_assignments`;');
  }
}
