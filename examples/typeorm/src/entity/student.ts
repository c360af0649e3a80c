import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Relation } from 'typeorm';

// A correct unique-foreign-key one-to-one: oto_certificate.student_id is UNIQUE, and both the table
// and the unique carry the oto_ name, so nobody drops the unique unaware.
@Entity('student')
export class Student {
  @PrimaryGeneratedColumn() id: number;
  @Column() name: string;
  @OneToOne(() => Certificate, (certificate) => certificate.student) certificate?: Relation<Certificate>;
  @OneToOne(() => Locker, (locker) => locker.student) locker?: Relation<Locker>;
}

@Entity('oto_certificate')
@Unique('oto_certificate_student_id_key', ['studentId'])
export class Certificate {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'student_id' }) studentId: number;
  @OneToOne(() => Student, (student) => student.certificate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'student_id' })
  student: Relation<Student>;
  @CreateDateColumn({ name: 'issued_at' }) issuedAt: Date;
}

// A TypeORM-only mistake: @OneToOne on both sides and @JoinColumn on neither. TypeORM accepts it,
// creates no column and no foreign key, and `relations: { locker: true }` then joins nothing.
@Entity('oto_locker')
export class Locker {
  @PrimaryGeneratedColumn() id: number;
  @Column() code: string;
  @OneToOne(() => Student, (student) => student.locker) student?: Relation<Student>;
}
