export * from './admin.guard';
export * from './auth.config';
export * from './auth.decorators';
export * from './auth.module';
export * from './authenticated-user';
export * from './current-user.decorator';
export * from './invalid-token.error';
export * from './jwt-auth.guard';
export {
  DEFAULT_CLOCK_TOLERANCE_SEC,
  MAX_SUBJECT_LENGTH,
  mintDemoToken,
  signJwt,
  verifyJwt,
  type DemoTokenOptions,
  type JwtClaims,
  type JwtSecret,
  type JwtVerifyOptions,
  type SignJwtOptions,
} from './jwt';
