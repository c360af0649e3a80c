import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The app's first migration, written from what TypeORM would create, except that oto_car was
 * written by hand without its uniques: the entity declares driver ↔ car one-to-one (with
 * @Unique and the REL_ unique TypeORM adds), the database this migration builds has neither.
 * `oto check --typeorm src/data-source.ts --migrations` replays it and reports the missing unique.
 */
export class Init1700000000000 implements MigrationInterface {
  name = 'Init1700000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [
      `CREATE TABLE "company" ("id" SERIAL NOT NULL, CONSTRAINT "PK_056f7854a7afdba7cbd6d45fc20" PRIMARY KEY ("id"))`,
      `CREATE TABLE "oto_ceo_assignment" ("id" SERIAL NOT NULL, "company_id" integer NOT NULL, "person" character varying NOT NULL, "valid_from" TIMESTAMP NOT NULL, "valid_to" TIMESTAMP, CONSTRAINT "oto_ceo_assignment_company_id_key" UNIQUE ("company_id"), CONSTRAINT "REL_53c3b6eb81d535184874a78660" UNIQUE ("company_id"), CONSTRAINT "PK_a0da4133cc7b042e4714c8f656a" PRIMARY KEY ("id"))`,
      `CREATE TABLE "driver" ("id" SERIAL NOT NULL, CONSTRAINT "PK_61de71a8d217d585ecd5ee3d065" PRIMARY KEY ("id"))`,
      `CREATE TABLE "oto_car" ("id" SERIAL NOT NULL, "driver_id" integer, CONSTRAINT "PK_2d302d22d2e05ad8de95edfa4c0" PRIMARY KEY ("id"))`,
      `CREATE TABLE "student" ("id" SERIAL NOT NULL, "name" character varying NOT NULL, CONSTRAINT "PK_3d8016e1cb58429474a3c041904" PRIMARY KEY ("id"))`,
      `CREATE TABLE "oto_certificate" ("id" SERIAL NOT NULL, "student_id" integer NOT NULL, "issued_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "oto_certificate_student_id_key" UNIQUE ("student_id"), CONSTRAINT "REL_544e513ca601b09bd467bd8f1b" UNIQUE ("student_id"), CONSTRAINT "PK_3101c7cff0030379349878da19f" PRIMARY KEY ("id"))`,
      `CREATE TABLE "oto_locker" ("id" SERIAL NOT NULL, "code" character varying NOT NULL, CONSTRAINT "PK_f1fa16c2f14d2a39002c4cef5c9" PRIMARY KEY ("id"))`,
      `CREATE TABLE "order" ("id" SERIAL NOT NULL, "user_id" integer NOT NULL, CONSTRAINT "PK_1031171c13130102495201e3e20" PRIMARY KEY ("id"))`,
      `CREATE TABLE "invoice" ("id" SERIAL NOT NULL, "order_id" integer NOT NULL, CONSTRAINT "UQ_1e74a9888e5e228184769ba3dfd" UNIQUE ("order_id"), CONSTRAINT "PK_15d25c200d9bcd8a33f698daf18" PRIMARY KEY ("id"))`,
      `CREATE TABLE "app_user" ("id" SERIAL NOT NULL, "email" character varying NOT NULL, CONSTRAINT "UQ_3fa909d0e37c531ebc237703391" UNIQUE ("email"), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
      `CREATE TABLE "oto_profile" ("user_id" integer NOT NULL, "bio" text, CONSTRAINT "PK_9b26174c7a73296140939910e54" PRIMARY KEY ("user_id"))`,
      `CREATE TABLE "account" ("id" SERIAL NOT NULL, "user_id" integer NOT NULL, CONSTRAINT "account_user_id_key" UNIQUE ("user_id"), CONSTRAINT "REL_efef1e5fdbe318a379c06678c5" UNIQUE ("user_id"), CONSTRAINT "PK_54115ee388cdb6d86bb4bf5b2ea" PRIMARY KEY ("id"))`,
      `CREATE TABLE "oto_passport" ("id" SERIAL NOT NULL, "user_id" integer NOT NULL, "number" character varying NOT NULL, CONSTRAINT "PK_5ffe6097e3999423bd66430c697" PRIMARY KEY ("id"))`,
      `ALTER TABLE "oto_ceo_assignment" ADD CONSTRAINT "FK_53c3b6eb81d535184874a78660e" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "oto_car" ADD CONSTRAINT "FK_e0982cdb033092729166d7d0e30" FOREIGN KEY ("driver_id") REFERENCES "driver"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
      `ALTER TABLE "oto_certificate" ADD CONSTRAINT "FK_544e513ca601b09bd467bd8f1b2" FOREIGN KEY ("student_id") REFERENCES "student"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "order" ADD CONSTRAINT "FK_199e32a02ddc0f47cd93181d8fd" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
      `ALTER TABLE "invoice" ADD CONSTRAINT "FK_1e74a9888e5e228184769ba3dfd" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
      `ALTER TABLE "oto_profile" ADD CONSTRAINT "FK_9b26174c7a73296140939910e54" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "account" ADD CONSTRAINT "FK_efef1e5fdbe318a379c06678c51" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    ]) {
      await queryRunner.query(statement);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of [
      `ALTER TABLE "account" DROP CONSTRAINT "FK_efef1e5fdbe318a379c06678c51"`,
      `ALTER TABLE "oto_profile" DROP CONSTRAINT "FK_9b26174c7a73296140939910e54"`,
      `ALTER TABLE "invoice" DROP CONSTRAINT "FK_1e74a9888e5e228184769ba3dfd"`,
      `ALTER TABLE "order" DROP CONSTRAINT "FK_199e32a02ddc0f47cd93181d8fd"`,
      `ALTER TABLE "oto_certificate" DROP CONSTRAINT "FK_544e513ca601b09bd467bd8f1b2"`,
      `ALTER TABLE "oto_car" DROP CONSTRAINT "FK_e0982cdb033092729166d7d0e30"`,
      `ALTER TABLE "oto_ceo_assignment" DROP CONSTRAINT "FK_53c3b6eb81d535184874a78660e"`,
      `DROP TABLE "oto_passport"`,
      `DROP TABLE "account"`,
      `DROP TABLE "oto_profile"`,
      `DROP TABLE "app_user"`,
      `DROP TABLE "invoice"`,
      `DROP TABLE "order"`,
      `DROP TABLE "oto_locker"`,
      `DROP TABLE "oto_certificate"`,
      `DROP TABLE "student"`,
      `DROP TABLE "oto_car"`,
      `DROP TABLE "driver"`,
      `DROP TABLE "oto_ceo_assignment"`,
      `DROP TABLE "company"`,
    ]) {
      await queryRunner.query(statement);
    }
  }
}
