import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'latest_prices' })
export class LatestPrice {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  symbol: string;

  @Column({ type: 'numeric', precision: 24, scale: 8 })
  price: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'timestamptz', name: 'as_of' })
  asOf: Date;

  @Column({ type: 'varchar', length: 64 })
  source: string;

  @Column({ type: 'numeric', precision: 24, scale: 8, name: 'previous_price', nullable: true })
  previousPrice: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 4, name: 'change_percent', nullable: true })
  changePercent: string | null;

  @Column({ type: 'boolean' })
  synthetic: boolean;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
