import { Migration } from '@mikro-orm/migrations';

export class Migration20261123184418 extends Migration {
  override name = 'Migration20261123184418';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`audit_records\` (\`id\` varchar(36) not null, \`at\` datetime(3) not null, \`actor_id\` varchar(36) null, \`action\` varchar(64) not null, \`trust_id\` varchar(36) null, \`school_id\` varchar(36) null, \`target_type\` varchar(40) not null, \`target_id\` varchar(64) not null, \`summary\` varchar(500) not null, \`before\` json null, \`after\` json null, \`request_id\` varchar(64) null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`audit_records\` add index \`audit_records_school_id_id_index\` (\`school_id\`, \`id\`);`,
    );
    this.addSql(
      `alter table \`audit_records\` add index \`audit_records_trust_id_id_index\` (\`trust_id\`, \`id\`);`,
    );
    this.addSql(`alter table \`audit_records\` add index \`audit_records_actor_id_index\` (\`actor_id\`);`);

    this.addSql(
      `create table \`memberships\` (\`id\` varchar(36) not null, \`user_id\` varchar(36) not null, \`trust_id\` varchar(36) not null, \`school_id\` varchar(36) null, \`scope_key\` varchar(36) not null, \`role\` varchar(20) not null, \`status\` varchar(10) not null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`memberships\` add index \`memberships_school_id_id_index\` (\`school_id\`, \`id\`);`,
    );
    this.addSql(`alter table \`memberships\` add index \`memberships_trust_id_index\` (\`trust_id\`);`);
    this.addSql(
      `alter table \`memberships\` add unique \`memberships_user_scope_unique\` (\`user_id\`, \`scope_key\`);`,
    );

    this.addSql(
      `create table \`schools\` (\`id\` varchar(36) not null, \`trust_id\` varchar(36) not null, \`name\` varchar(200) not null, \`urn\` varchar(6) not null, \`created_at\` datetime(3) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`schools\` add index \`schools_trust_id_index\` (\`trust_id\`);`);
    this.addSql(`alter table \`schools\` add unique \`schools_urn_unique\` (\`urn\`);`);

    this.addSql(
      `create table \`trusts\` (\`id\` varchar(36) not null, \`name\` varchar(200) not null, \`created_at\` datetime(3) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );

    this.addSql(
      `create table \`users\` (\`id\` varchar(36) not null, \`email\` varchar(320) not null, \`given_name\` varchar(100) not null, \`family_name\` varchar(100) not null, \`identity_subject\` varchar(64) null, \`created_at\` datetime(3) not null, \`updated_at\` datetime(3) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`users\` add unique \`users_email_unique\` (\`email\`);`);
    this.addSql(`alter table \`users\` add unique \`users_identity_subject_unique\` (\`identity_subject\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`audit_records\`;`);
    this.addSql(`drop table if exists \`memberships\`;`);
    this.addSql(`drop table if exists \`schools\`;`);
    this.addSql(`drop table if exists \`trusts\`;`);
    this.addSql(`drop table if exists \`users\`;`);
  }
}
