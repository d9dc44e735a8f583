import type { ServiceDatabaseOptions } from '@marketpulse/database';
import { CreateMessagingTables1795478400000 } from './migrations/1795478400000-CreateMessagingTables';
import { CreateMarketProjection1795478400001 } from './migrations/1795478400001-CreateMarketProjection';
import { CreatePortfolios1795478400002 } from './migrations/1795478400002-CreatePortfolios';
import { CreateSnapshotsAndAlerts1795478400003 } from './migrations/1795478400003-CreateSnapshotsAndAlerts';
import { DrawdownPeaks1795478400004 } from './migrations/1795478400004-DrawdownPeaks';
import { SnapshotLedgerSeq1795478400005 } from './migrations/1795478400005-SnapshotLedgerSeq';
import { PortfolioPricedAsOf1795478400006 } from './migrations/1795478400006-PortfolioPricedAsOf';
import { MilestoneDirection1795478400007 } from './migrations/1795478400007-MilestoneDirection';
import { PositionTradeDay1795478400008 } from './migrations/1795478400008-PositionTradeDay';
import { SnapshotBaseCurrency1795478400009 } from './migrations/1795478400009-SnapshotBaseCurrency';
import { ValuationSequence1795478400010 } from './migrations/1795478400010-ValuationSequence';
import { TransactionReversals1795478400011 } from './migrations/1795478400011-TransactionReversals';
import { TransactionBaseRates1795478400012 } from './migrations/1795478400012-TransactionBaseRates';

export const PORTFOLIO_SCHEMA = 'portfolio';

/** Revaluation and snapshots touch every portfolio at once in set-based SQL: no entities. */
export const portfolioDatabase: ServiceDatabaseOptions = {
  schema: PORTFOLIO_SCHEMA,
  entities: [],
  migrations: [
    CreateMessagingTables1795478400000,
    CreateMarketProjection1795478400001,
    CreatePortfolios1795478400002,
    CreateSnapshotsAndAlerts1795478400003,
    DrawdownPeaks1795478400004,
    SnapshotLedgerSeq1795478400005,
    PortfolioPricedAsOf1795478400006,
    MilestoneDirection1795478400007,
    PositionTradeDay1795478400008,
    SnapshotBaseCurrency1795478400009,
    ValuationSequence1795478400010,
    TransactionReversals1795478400011,
    TransactionBaseRates1795478400012,
  ],
};
