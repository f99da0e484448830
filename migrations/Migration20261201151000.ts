import { Migration } from '@mikro-orm/migrations';

/**
 * Parents' evenings: an event of kind `parents_evening` with its settings, its teachers (each with the classes
 * they see, availability windows and breaks) and the slots generated from them, unique per (evening, teacher,
 * start). An appointment holds one slot (unique `slot_id`, so a race has one winner) and one per (evening, pupil,
 * teacher, family): `family_key` is '' unless the school lets separated parents book separately, when it is the
 * parent's user id. A parent's bookings are serialised by locking their row in `parents_evening_parents`.
 */
export class Migration20261201151000 extends Migration {
  override name = 'Migration20261201151000';

  override up(): void | Promise<void> {
    this.addSql('alter table `events` modify `kind` varchar(20) not null;');
    this.addSql(`create table \`parents_evenings\` (
      \`event_id\` varchar(36) not null, \`school_id\` varchar(36) not null, \`slot_minutes\` int not null,
      \`mode\` varchar(10) not null, \`video_link\` varchar(500) null, \`separate_bookings\` tinyint(1) not null,
      primary key (\`event_id\`), index \`parents_evenings_school_index\` (\`school_id\`)
    ) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`create table \`parents_evening_teachers\` (
      \`event_id\` varchar(36) not null, \`staff_id\` varchar(36) not null, \`school_id\` varchar(36) not null,
      \`group_ids\` json not null, \`windows\` json not null, \`breaks\` json not null,
      primary key (\`event_id\`, \`staff_id\`)
    ) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`create table \`parents_evening_slots\` (
      \`id\` varchar(36) not null, \`event_id\` varchar(36) not null, \`school_id\` varchar(36) not null,
      \`staff_id\` varchar(36) not null, \`starts_at\` datetime(3) not null, \`ends_at\` datetime(3) not null,
      primary key (\`id\`),
      unique \`parents_evening_slots_unique\` (\`event_id\`, \`staff_id\`, \`starts_at\`)
    ) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`create table \`parents_evening_appointments\` (
      \`id\` varchar(36) not null, \`school_id\` varchar(36) not null, \`event_id\` varchar(36) not null,
      \`slot_id\` varchar(36) not null, \`staff_id\` varchar(36) not null, \`pupil_id\` varchar(36) not null,
      \`parent_user_id\` varchar(36) not null, \`family_key\` varchar(36) not null,
      \`state\` varchar(10) not null, \`hold_expires_at\` datetime(3) null,
      \`starts_at\` datetime(3) not null, \`ends_at\` datetime(3) not null, \`created_at\` datetime(3) not null,
      primary key (\`id\`),
      unique \`parents_evening_appointments_slot_unique\` (\`slot_id\`),
      unique \`parents_evening_appointments_teacher_unique\` (\`event_id\`, \`pupil_id\`, \`staff_id\`, \`family_key\`),
      index \`parents_evening_appointments_parent_index\` (\`event_id\`, \`parent_user_id\`),
      index \`parents_evening_appointments_staff_index\` (\`event_id\`, \`staff_id\`, \`starts_at\`)
    ) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`create table \`parents_evening_parents\` (
      \`event_id\` varchar(36) not null, \`user_id\` varchar(36) not null,
      primary key (\`event_id\`, \`user_id\`)
    ) default character set utf8mb4 engine = InnoDB;`);
  }

  override down(): void | Promise<void> {
    this.addSql('drop table if exists `parents_evening_parents`;');
    this.addSql('drop table if exists `parents_evening_appointments`;');
    this.addSql('drop table if exists `parents_evening_slots`;');
    this.addSql('drop table if exists `parents_evening_teachers`;');
    this.addSql('drop table if exists `parents_evenings`;');
    this.addSql('alter table `events` modify `kind` varchar(10) not null;');
  }
}
