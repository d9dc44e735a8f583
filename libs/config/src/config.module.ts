import { Module, type DynamicModule } from '@nestjs/common';
import type { ClassConstructor } from 'class-transformer';
import { ServiceConfig } from './service.config';

/**
 * Registers the service's validated config under its own class and under `ServiceConfig`,
 * so shared libs inject the common part and the service injects its full typed config. The config is
 * loaded (and validated) by `main.ts` before Nest starts, so a bad variable stops the process with a
 * message naming it, before anything connects anywhere.
 */
@Module({})
export class ConfigModule {
  static forRoot<T extends ServiceConfig>(configClass: ClassConstructor<T>, config: T): DynamicModule {
    const providers = [
      { provide: configClass, useValue: config },
      { provide: ServiceConfig, useValue: config },
    ];
    return { module: ConfigModule, global: true, providers, exports: providers };
  }
}
