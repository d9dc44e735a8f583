import { IsOptional, IsString, MinLength, ValidateBy, type ValidationOptions } from 'class-validator';
import { ServiceConfig } from './service.config';

/** Signs demo tokens on a laptop; refused in production, where AUTH_JWT_SECRET must be set. */
export const DEVELOPMENT_JWT_SECRET = 'marketpulse-development-secret-not-for-production';

/**
 * Settings of a service that checks bearer tokens. Every such service trusts the same issuer, so the
 * variables, their defaults and the production guard are declared once here.
 */
export class AuthenticatedServiceConfig extends ServiceConfig {
  /** HS256 secret of the bearer tokens (at least 32 bytes). */
  @IsString()
  @MinLength(32, { message: 'AUTH_JWT_SECRET must be at least 32 characters' })
  @IsNotDevelopmentSecret()
  AUTH_JWT_SECRET = DEVELOPMENT_JWT_SECRET;

  @IsOptional()
  @IsString()
  AUTH_JWT_ISSUER?: string;

  @IsOptional()
  @IsString()
  AUTH_JWT_AUDIENCE?: string;
}

function IsNotDevelopmentSecret(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotDevelopmentSecret',
      validator: {
        validate: (value: unknown, args) =>
          (args?.object as ServiceConfig).NODE_ENV !== 'production' || value !== DEVELOPMENT_JWT_SECRET,
        defaultMessage: () => 'AUTH_JWT_SECRET must be set to a secret of your own when NODE_ENV=production',
      },
    },
    options,
  );
}
