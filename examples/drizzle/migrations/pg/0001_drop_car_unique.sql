-- A hand-written migration: the unique on oto_car.driver_id is swapped for a plain index
-- ("inserts are faster"), while the schema still declares driver ↔ car one-to-one.
-- oto check --migrations migrations/pg reports it: migration-drops-one-to-one-unique.
ALTER TABLE "oto_car" DROP CONSTRAINT "oto_car_driver_id_key";
--> statement-breakpoint
CREATE INDEX "oto_car_driver_id_idx" ON "oto_car" ("driver_id");
