export * from './create-service-app';
export * from './fast-reads';
export * from './http-exception.filter';
