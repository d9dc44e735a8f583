import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { SYMBOL_PATTERN } from '@marketpulse/contracts';

/** `xauusd` and `XAUUSD` name the same instrument; undefined when the text could not be a symbol. */
export function parseSymbol(value: unknown): string | undefined {
  const symbol = String(value ?? '')
    .trim()
    .toUpperCase();
  return SYMBOL_PATTERN.test(symbol) ? symbol : undefined;
}

/** A route's symbol parameter, normalised; anything that could not be a symbol is a 400. */
@Injectable()
export class SymbolPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const symbol = parseSymbol(value);
    if (symbol === undefined) {
      throw new BadRequestException(
        `'${String(value).slice(0, 40)}' is not a symbol: use letters, digits, _ or - (at most 32), e.g. XAUUSD`,
      );
    }
    return symbol;
  }
}
