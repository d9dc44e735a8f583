import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every price the service stored, one row per symbol and instant. */
@Entity({ name: 'price_history' })
export class PriceHistory {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  symbol: string;

  @PrimaryColumn({ type: 'timestamptz', name: 'as_of' })
  asOf: Date;

  @Column({ type: 'numeric', precision: 24, scale: 8 })
  price: string;

  @Column({ type: 'varchar', length: 64 })
  source: string;
}
