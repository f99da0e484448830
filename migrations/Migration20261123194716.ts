import { Migration } from '@mikro-orm/migrations';

/** The directory: pupils, contacts, staff, groups, characteristics, MIS connections and sync runs. */
export class Migration20261123194716 extends Migration {
  override name = 'Migration20261123194716';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`contacts\` (\`id\` varchar(36) not null, \`school_id\` varchar(36) not null, \`mis_id\` varchar(64) not null, \`title\` varchar(20) null, \`forename\` varchar(100) not null, \`surname\` varchar(100) not null, \`emails\` json not null, \`mobiles\` json not null, \`uses_parent_app\` tinyint(1) not null default false, \`active\` tinyint(1) not null default true, \`fingerprint\` varchar(27) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`contacts\` add index \`contacts_school_id_surname_index\` (\`school_id\`, \`surname\`);`,
    );
    this.addSql(
      `alter table \`contacts\` add unique \`contacts_school_mis_unique\` (\`school_id\`, \`mis_id\`);`,
    );

    this.addSql(
      `create table \`pupil_groups\` (\`id\` varchar(36) not null, \`school_id\` varchar(36) not null, \`mis_id\` varchar(64) not null, \`kind\` varchar(20) not null, \`name\` varchar(120) not null, \`code\` varchar(40) null, \`active\` tinyint(1) not null default true, \`fingerprint\` varchar(27) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`pupil_groups\` add unique \`pupil_groups_school_mis_unique\` (\`school_id\`, \`mis_id\`);`,
    );

    this.addSql(
      `create table \`group_members\` (\`group_id\` varchar(36) not null, \`pupil_id\` varchar(36) not null, \`school_id\` varchar(36) not null, primary key (\`group_id\`, \`pupil_id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`group_members\` add index \`group_members_pupil_id_index\` (\`pupil_id\`);`);
    this.addSql(`alter table \`group_members\` add index \`group_members_school_id_index\` (\`school_id\`);`);

    this.addSql(
      `create table \`mis_connections\` (\`school_id\` varchar(36) not null, \`provider\` varchar(20) not null, \`external_school_id\` varchar(64) not null, \`base_url\` varchar(300) not null, \`encrypted_token\` text not null, \`daily_sync_hour\` smallint not null, \`last_synced_from\` datetime(3) null, \`updated_at\` datetime(3) not null, primary key (\`school_id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`mis_connections\` add index \`mis_connections_daily_sync_hour_index\` (\`daily_sync_hour\`);`,
    );

    this.addSql(
      `create table \`pupils\` (\`id\` varchar(36) not null, \`school_id\` varchar(36) not null, \`mis_id\` varchar(64) not null, \`upn\` varchar(13) null, \`legal_forename\` varchar(100) not null, \`legal_surname\` varchar(100) not null, \`preferred_forename\` varchar(100) not null, \`preferred_surname\` varchar(100) not null, \`date_of_birth\` date null, \`nc_year\` smallint null, \`year_group\` varchar(40) null, \`registration_group\` varchar(40) null, \`enrolment\` varchar(10) not null, \`leave_date\` date null, \`fingerprint\` varchar(27) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`pupils\` add index \`pupils_school_id_enrolment_preferred_surname_index\` (\`school_id\`, \`enrolment\`, \`preferred_surname\`);`,
    );
    this.addSql(
      `alter table \`pupils\` add index \`pupils_school_id_nc_year_index\` (\`school_id\`, \`nc_year\`);`,
    );
    this.addSql(
      `alter table \`pupils\` add unique \`pupils_school_mis_unique\` (\`school_id\`, \`mis_id\`);`,
    );

    this.addSql(
      `create table \`pupil_characteristics\` (\`id\` varchar(36) not null, \`school_id\` varchar(36) not null, \`pupil_id\` varchar(36) not null, \`kind\` varchar(20) not null, \`value\` varchar(20) not null, \`effective_from\` date not null, \`effective_to\` date null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`pupil_characteristics\` add index \`pupil_characteristics_pupil_id_kind_effective_to_index\` (\`pupil_id\`, \`kind\`, \`effective_to\`);`,
    );
    this.addSql(
      `alter table \`pupil_characteristics\` add index \`pupil_characteristics_school_id_kind_effective_to_index\` (\`school_id\`, \`kind\`, \`effective_to\`);`,
    );

    this.addSql(
      `create table \`pupil_contacts\` (\`pupil_id\` varchar(36) not null, \`contact_id\` varchar(36) not null, \`school_id\` varchar(36) not null, \`relationship\` varchar(40) not null, \`parental_responsibility\` tinyint(1) not null, \`priority\` smallint not null, \`lives_with_pupil\` tinyint(1) not null, primary key (\`pupil_id\`, \`contact_id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`pupil_contacts\` add index \`pupil_contacts_contact_id_index\` (\`contact_id\`);`,
    );
    this.addSql(
      `alter table \`pupil_contacts\` add index \`pupil_contacts_school_id_index\` (\`school_id\`);`,
    );

    this.addSql(
      `create table \`staff_members\` (\`id\` varchar(36) not null, \`school_id\` varchar(36) not null, \`mis_id\` varchar(64) not null, \`title\` varchar(20) null, \`forename\` varchar(100) not null, \`surname\` varchar(100) not null, \`job_title\` varchar(100) null, \`email\` varchar(320) null, \`active\` tinyint(1) not null default true, \`fingerprint\` varchar(27) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`staff_members\` add unique \`staff_members_school_mis_unique\` (\`school_id\`, \`mis_id\`);`,
    );

    this.addSql(
      `create table \`sync_runs\` (\`id\` varchar(36) not null, \`school_id\` varchar(36) not null, \`source\` varchar(10) not null, \`mode\` varchar(10) not null, \`status\` varchar(10) not null, \`phase\` varchar(10) not null, \`percent\` smallint not null, \`tally\` json not null, \`error\` varchar(1000) null, \`requested_by\` varchar(36) null, \`queued_at\` datetime(3) not null, \`started_at\` datetime(3) null, \`finished_at\` datetime(3) null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`sync_runs\` add index \`sync_runs_school_id_id_index\` (\`school_id\`, \`id\`);`,
    );
    this.addSql(
      `alter table \`sync_runs\` add index \`sync_runs_school_id_status_index\` (\`school_id\`, \`status\`);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`contacts\`;`);
    this.addSql(`drop table if exists \`pupil_groups\`;`);
    this.addSql(`drop table if exists \`group_members\`;`);
    this.addSql(`drop table if exists \`mis_connections\`;`);
    this.addSql(`drop table if exists \`pupils\`;`);
    this.addSql(`drop table if exists \`pupil_characteristics\`;`);
    this.addSql(`drop table if exists \`pupil_contacts\`;`);
    this.addSql(`drop table if exists \`staff_members\`;`);
    this.addSql(`drop table if exists \`sync_runs\`;`);
  }
}
