import { Injectable } from '@nestjs/common';
import type { FastAnswer, FastRead } from '@marketpulse/platform';
import { PricesService } from './prices.service';
import { parseSymbol } from './symbol.pipe';

const ONE_SYMBOL = /^\/prices\/([^/]+)$/;

/**
 * `GET /prices/latest` and `GET /prices/:symbol` answered from the latest-quote cache before the HTTP stack
 * (ADR 0011): the same DTOs as PricesController's, serialised alike. A cold or expired cache, an unknown
 * symbol, a query string or a malformed path is the controller's to answer.
 */
@Injectable()
export class LatestQuoteFastRead implements FastRead {
  constructor(private readonly prices: PricesService) {}

  answer(path: string): FastAnswer | undefined {
    // Express routes ignore case: /prices/LATEST is the list, as the controller answers it.
    if (path.toLowerCase() === '/prices/latest') {
      const all = this.prices.cachedLatest();
      return all && { route: '/prices/latest', body: JSON.stringify(all) };
    }
    const match = ONE_SYMBOL.exec(path);
    if (!match) return undefined;
    let symbol: string | undefined;
    try {
      symbol = parseSymbol(decodeURIComponent(match[1]));
    } catch {
      return undefined; // a malformed escape: the controller's 400
    }
    const quote = symbol && this.prices.cachedLatestFor(symbol);
    return quote ? { route: '/prices/:symbol', body: JSON.stringify(quote) } : undefined;
  }
}
