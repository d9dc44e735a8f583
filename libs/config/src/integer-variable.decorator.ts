import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

const toInteger = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/**
 * An integer environment variable within bounds. Messages name the variable (the property name) and the
 * range, so `PORT=http` fails with "PORT must be an integer".
 */
export function IntegerVariable(min: number, max: number): PropertyDecorator {
  const range = { message: `$property must be between ${min} and ${max}` };
  return applyDecorators(
    Transform(toInteger),
    IsInt({ message: '$property must be an integer' }),
    Min(min, range),
    Max(max, range),
  );
}
