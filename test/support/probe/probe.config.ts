import { ServiceConfig } from '@marketpulse/config';

export class ProbeConfig extends ServiceConfig {}
