import type { ServiceDatabaseOptions } from '@marketpulse/database';
import { CreateMessagingTables1795600000000 } from './migrations/1795600000000-CreateMessagingTables';
import { CreateCompaniesAndInvestors1795600000001 } from './migrations/1795600000001-CreateCompaniesAndInvestors';
import { CreateRounds1795600000002 } from './migrations/1795600000002-CreateRounds';
import { CreateExitsAndValuations1795600000003 } from './migrations/1795600000003-CreateExitsAndValuations';
import { CreateFunds1795600000004 } from './migrations/1795600000004-CreateFunds';
import { CreateMarketProjections1795600000005 } from './migrations/1795600000005-CreateMarketProjections';
import { AddIndexLevelSource1795600000006 } from './migrations/1795600000006-AddIndexLevelSource';

export const VC_SCHEMA = 'vc';

/** Upserts and analytics are set-based SQL: no entities. */
export const vcDatabase: ServiceDatabaseOptions = {
  schema: VC_SCHEMA,
  entities: [],
  migrations: [
    CreateMessagingTables1795600000000,
    CreateCompaniesAndInvestors1795600000001,
    CreateRounds1795600000002,
    CreateExitsAndValuations1795600000003,
    CreateFunds1795600000004,
    CreateMarketProjections1795600000005,
    AddIndexLevelSource1795600000006,
  ],
};
