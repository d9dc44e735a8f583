import { IsString, Length, Matches } from 'class-validator';
import { applyDecorators } from './apply-decorators';

/** Catalogue symbols are subject tokens: upper-case letters, digits, `_` and `-` (BRK-B, not BRK.B). */
export const SYMBOL_PATTERN = /^[A-Z0-9][A-Z0-9_-]{0,31}$/;

export function IsSymbol(): PropertyDecorator {
  return Matches(SYMBOL_PATTERN, {
    message: '$property must be upper-case letters, digits, _ or - (at most 32)',
  });
}

/** A user id is the `sub` of the caller's token: opaque text, at most 128 characters. */
export function IsUserId(): PropertyDecorator {
  return applyDecorators(IsString(), Length(1, 128));
}
