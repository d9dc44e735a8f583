import { GUARDS_METADATA } from '@nestjs/common/constants';
import { Controller, Get } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ConfigValidationError } from '@marketpulse/config';
import { AdminGuard } from './admin.guard';
import { AUTH_SETTINGS, type AuthSettings } from './auth.config';
import { AdminOnly, Authenticated } from './auth.decorators';
import { AuthModule } from './auth.module';
import { JwtAuthGuard, OptionalJwtAuthGuard } from './jwt-auth.guard';

const secret = 'a-test-secret-of-at-least-32-bytes!!';

@Controller()
@Authenticated()
class ProbeController {
  @Get()
  read(): void {}

  @Get('admin')
  @AdminOnly()
  administer(): void {}
}

describe(AuthModule.name, () => {
  it('provides the settings and the guards to the whole app', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ secret, clockToleranceSec: 5 })],
      controllers: [ProbeController],
    }).compile();
    expect(moduleRef.get<AuthSettings>(AUTH_SETTINGS)).toEqual({
      secret,
      issuer: undefined,
      audience: undefined,
      clockToleranceSec: 5,
    });
    expect(moduleRef.get(JwtAuthGuard)).toBeInstanceOf(JwtAuthGuard);
    expect(moduleRef.get(OptionalJwtAuthGuard)).toBeInstanceOf(OptionalJwtAuthGuard);
    expect(moduleRef.get(AdminGuard)).toBeInstanceOf(AdminGuard);
    await moduleRef.close();
  });

  it('defaults the clock tolerance when the service leaves it unset', () => {
    const { providers } = AuthModule.forRoot({ secret } as AuthSettings);
    expect(providers).toContainEqual({
      provide: AUTH_SETTINGS,
      useValue: expect.objectContaining({ clockToleranceSec: 30 }),
    });
  });

  it('stops the service at boot on bad settings, without printing the secret', () => {
    const bad = { secret: 'short-secret', issuer: '', clockToleranceSec: -1 };
    expect(() => AuthModule.forRoot(bad)).toThrow(ConfigValidationError);
    try {
      AuthModule.forRoot(bad);
    } catch (error) {
      const { problems, message } = error as ConfigValidationError;
      expect(problems).toEqual([
        'auth secret must be at least 32 bytes',
        'auth issuer must be a non-empty string when set',
        'auth clockToleranceSec must be an integer between 0 and 300',
      ]);
      expect(message).not.toContain('short-secret');
    }
  });
});

describe('Authenticated and AdminOnly', () => {
  it('guard a controller with JwtAuthGuard, and an admin route with JwtAuthGuard then AdminGuard', () => {
    expect(Reflect.getMetadata(GUARDS_METADATA, ProbeController)).toEqual([JwtAuthGuard]);
    expect(Reflect.getMetadata(GUARDS_METADATA, ProbeController.prototype.administer)).toEqual([
      JwtAuthGuard,
      AdminGuard,
    ]);
  });
});
