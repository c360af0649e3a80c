CREATE TABLE "oto_address" (
	"id" serial PRIMARY KEY,
	"user_id" integer NOT NULL,
	"line" text NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oto_car" (
	"id" serial PRIMARY KEY,
	"driver_id" integer CONSTRAINT "oto_car_driver_id_key" UNIQUE
);
--> statement-breakpoint
CREATE TABLE "driver" (
	"id" serial PRIMARY KEY
);
--> statement-breakpoint
CREATE TABLE "membership" (
	"user_id" integer,
	"team_id" integer,
	CONSTRAINT "membership_pkey" PRIMARY KEY("user_id","team_id")
);
--> statement-breakpoint
CREATE TABLE "oto_passport" (
	"id" serial PRIMARY KEY,
	"user_id" integer NOT NULL,
	"number" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oto_profile" (
	"id" serial PRIMARY KEY,
	"user_id" integer NOT NULL CONSTRAINT "oto_profile_user_id_key" UNIQUE,
	"bio" text
);
--> statement-breakpoint
CREATE TABLE "oto_subscription" (
	"id" serial PRIMARY KEY,
	"user_id" integer NOT NULL,
	"plan" text NOT NULL,
	"cancelled_at" timestamp
);
--> statement-breakpoint
CREATE TABLE "team" (
	"id" serial PRIMARY KEY,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app_user" (
	"id" serial PRIMARY KEY,
	"email" text NOT NULL UNIQUE
);
--> statement-breakpoint
CREATE UNIQUE INDEX "oto_subscription_live_user_id_key" ON "oto_subscription" ("user_id") WHERE "cancelled_at" IS NULL;--> statement-breakpoint
ALTER TABLE "oto_address" ADD CONSTRAINT "oto_address_user_id_app_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "oto_car" ADD CONSTRAINT "oto_car_driver_id_driver_id_fkey" FOREIGN KEY ("driver_id") REFERENCES "driver"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_user_id_app_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_team_id_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "oto_passport" ADD CONSTRAINT "oto_passport_user_id_app_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "oto_profile" ADD CONSTRAINT "oto_profile_user_id_app_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "oto_subscription" ADD CONSTRAINT "oto_subscription_user_id_app_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE;