import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One day of one instrument: a real observation, or a generated bar flagged `synthetic`. */
@Entity({ name: 'daily_bars' })
export class DailyBar {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  symbol: string;

  /** UTC calendar day, `YYYY-MM-DD`. */
  @PrimaryColumn({ type: 'date' })
  date: string;

  @Column({ type: 'numeric', precision: 24, scale: 8 })
  open: string;

  @Column({ type: 'numeric', precision: 24, scale: 8 })
  high: string;

  @Column({ type: 'numeric', precision: 24, scale: 8 })
  low: string;

  @Column({ type: 'numeric', precision: 24, scale: 8 })
  close: string;

  /** `eia` (real), `bridged-monthly-average` or `simulated-history` (both synthetic). */
  @Column({ type: 'varchar', length: 64 })
  source: string;

  @Column({ type: 'boolean' })
  synthetic: boolean;
}
