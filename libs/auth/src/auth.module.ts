import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigValidationError, type AuthenticatedServiceConfig } from '@marketpulse/config';
import { AdminGuard } from './admin.guard';
import { AUTH_SETTINGS, authSettingsProblems, type AuthSettings } from './auth.config';
import { DEFAULT_CLOCK_TOLERANCE_SEC } from './jwt';
import { JwtAuthGuard, OptionalJwtAuthGuard } from './jwt-auth.guard';

/**
 * Global, so `@Authenticated()` works in any module of the service. Bad settings stop the service at boot,
 * like any other config error, rather than failing every request later.
 */
@Module({})
export class AuthModule {
  static forRoot(settings: AuthSettings): DynamicModule {
    const resolved: AuthSettings = Object.freeze({
      secret: settings.secret,
      issuer: settings.issuer,
      audience: settings.audience,
      clockToleranceSec: settings.clockToleranceSec ?? DEFAULT_CLOCK_TOLERANCE_SEC,
    });
    const problems = authSettingsProblems(resolved);
    if (problems.length > 0) throw new ConfigValidationError(problems);
    const providers = [
      { provide: AUTH_SETTINGS, useValue: resolved },
      JwtAuthGuard,
      OptionalJwtAuthGuard,
      AdminGuard,
    ];
    return { module: AuthModule, global: true, providers, exports: providers };
  }

  /** The platform's one mapping of the AUTH_JWT_* variables every token-checking service declares. */
  static forService(config: AuthenticatedServiceConfig): DynamicModule {
    return AuthModule.forRoot({
      secret: config.AUTH_JWT_SECRET,
      issuer: config.AUTH_JWT_ISSUER,
      audience: config.AUTH_JWT_AUDIENCE,
      clockToleranceSec: DEFAULT_CLOCK_TOLERANCE_SEC,
    });
  }
}
