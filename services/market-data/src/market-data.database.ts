import type { ServiceDatabaseOptions } from '@marketpulse/database';
import { Instrument } from './catalogue/instrument.entity';
import { DailyBar } from './history/daily-bar.entity';
import { CreateMessagingTables1795392000000 } from './migrations/1795392000000-CreateMessagingTables';
import { CreateCatalogue1795392000001 } from './migrations/1795392000001-CreateCatalogue';
import { CreatePrices1795392000002 } from './migrations/1795392000002-CreatePrices';
import { ExtendCatalogue1795575038611 } from './migrations/1795575038611-ExtendCatalogue';
import { CreateDailyBars1795575038612 } from './migrations/1795575038612-CreateDailyBars';
import { CreateSignals1795575038613 } from './migrations/1795575038613-CreateSignals';
import { CreateTrendReports1795575038620 } from './migrations/1795575038620-CreateTrendReports';
import { CreateIntradayBars1795575038640 } from './migrations/1795575038640-CreateIntradayBars';
import { AddIndexProxy1795575038650 } from './migrations/1795575038650-AddIndexProxy';
import { AddSignalPeriods1795575038671 } from './migrations/1795575038671-AddSignalPeriods';
import { AddSignalSynthetic1795575038672 } from './migrations/1795575038672-AddSignalSynthetic';
import { AddProviderOrder1795575038680 } from './migrations/1795575038680-AddProviderOrder';
import { HistoryImportAttempts1795575038690 } from './migrations/1795575038690-HistoryImportAttempts';
import { LatestPrice } from './prices/latest-price.entity';
import { PriceHistory } from './prices/price-history.entity';

export const MARKET_DATA_SCHEMA = 'market_data';

export const marketDataDatabase: ServiceDatabaseOptions = {
  schema: MARKET_DATA_SCHEMA,
  entities: [Instrument, LatestPrice, PriceHistory, DailyBar],
  migrations: [
    CreateMessagingTables1795392000000,
    CreateCatalogue1795392000001,
    CreatePrices1795392000002,
    ExtendCatalogue1795575038611,
    CreateDailyBars1795575038612,
    CreateSignals1795575038613,
    CreateTrendReports1795575038620,
    CreateIntradayBars1795575038640,
    AddIndexProxy1795575038650,
    AddSignalPeriods1795575038671,
    AddSignalSynthetic1795575038672,
    AddProviderOrder1795575038680,
    HistoryImportAttempts1795575038690,
  ],
};
