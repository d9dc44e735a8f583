/** One row of the cron table. The tick subject is `tick.<service>.<job>`; `name` is `<service>.<job>`. */
export interface JobDefinition {
  name: string;
  service: string;
  job: string;
  /** Six-field cron (seconds first), always UTC. */
  schedule: string;
  /** Exchange-traded work: slots on Saturday and Sunday (UTC) are skipped. */
  marketHours: boolean;
  enabled: boolean;
  description: string;
}
