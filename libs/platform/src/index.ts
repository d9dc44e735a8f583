export * from './create-service-app';
export * from './http-exception.filter';
