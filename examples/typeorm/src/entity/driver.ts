import { Column, Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Relation } from 'typeorm';

// A one-to-one optional on both sides: a driver may have no car, a car may have no driver.
@Entity('driver')
export class Driver {
  @PrimaryGeneratedColumn() id: number;
  @OneToOne(() => Car, (car) => car.driver) car?: Relation<Car>;
}

@Entity('oto_car')
@Unique('oto_car_driver_id_key', ['driverId'])
export class Car {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'driver_id', type: 'int', nullable: true }) driverId: number | null;
  @OneToOne(() => Driver, (driver) => driver.car, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'driver_id' })
  driver: Relation<Driver> | null;
}
