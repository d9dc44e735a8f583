import type { ServiceDatabaseOptions } from '@marketpulse/database';
import { CreateMessagingTables1795392000000 } from './migrations/1795392000000-CreateMessagingTables';
import { CreatePriceProjection1795392000001 } from './migrations/1795392000001-CreatePriceProjection';
import { CreatePredictions1795392000002 } from './migrations/1795392000002-CreatePredictions';
import { CreateUserStats1795392000003 } from './migrations/1795392000003-CreateUserStats';

export const PREDICTIONS_SCHEMA = 'predictions';

/** The service works in set-based SQL (verification touches thousands of rows at once): no entities. */
export const predictionsDatabase: ServiceDatabaseOptions = {
  schema: PREDICTIONS_SCHEMA,
  entities: [],
  migrations: [
    CreateMessagingTables1795392000000,
    CreatePriceProjection1795392000001,
    CreatePredictions1795392000002,
    CreateUserStats1795392000003,
  ],
};
