export * from './health.controller';
export * from './health.registry';
export * from './http-tracing.middleware';
export * from './json.logger';
export * from './metrics.service';
export * from './observability.module';
export * from './trace-context';
