export * from './config-validation.error';
export * from './config.module';
export * from './integer-variable.decorator';
export * from './load-config';
export * from './service.config';
export * from './authenticated-service.config';
