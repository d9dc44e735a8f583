import 'reflect-metadata';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ConfigValidationError } from './config-validation.error';

/**
 * Builds a typed config object from environment variables and validates it once, at boot.
 * Property names are the variable names, so a validation message names the variable to fix.
 * Only the properties the class declares are read; empty strings count as unset so that
 * `FOO=` in a compose file falls back to the default instead of failing a number check.
 */
export function loadConfig<T extends object>(
  configClass: ClassConstructor<T>,
  env: Record<string, string | undefined> = process.env,
): T {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(configClass, raw, {
    enableImplicitConversion: true,
    excludeExtraneousValues: false,
    exposeDefaultValues: true,
  });
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: false });
  if (errors.length > 0) throw ConfigValidationError.fromValidationErrors(errors, raw);
  return Object.freeze(config);
}
