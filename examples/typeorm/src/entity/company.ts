import { Column, Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Relation } from 'typeorm';

// A time-sliced role declared one-to-one: "the CEO" changes over time, so this keeps no history.
// It should be one-to-many with a partial unique on the current row (valid_to IS NULL).
@Entity('company')
export class Company {
  @PrimaryGeneratedColumn() id: number;
  @OneToOne(() => CeoAssignment, (assignment) => assignment.company) ceo?: Relation<CeoAssignment>;
}

@Entity('oto_ceo_assignment')
@Unique('oto_ceo_assignment_company_id_key', ['companyId'])
export class CeoAssignment {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'company_id' }) companyId: number;
  @OneToOne(() => Company, (company) => company.ceo, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company: Relation<Company>;
  @Column() person: string;
  @Column({ name: 'valid_from', type: 'timestamp' }) validFrom: Date;
  @Column({ name: 'valid_to', type: 'timestamp', nullable: true }) validTo: Date | null;
}
