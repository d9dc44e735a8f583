import type { ServiceDatabaseOptions } from '@marketpulse/database';
import { CreateMessagingTables1795564800000 } from './migrations/1795564800000-CreateMessagingTables';
import { CreateSources1795564800001 } from './migrations/1795564800001-CreateSources';
import { CreateStories1795564800002 } from './migrations/1795564800002-CreateStories';
import { CreateTaggingRules1795564800003 } from './migrations/1795564800003-CreateTaggingRules';
import { SeedSampleSources1795564800004 } from './migrations/1795564800004-SeedSampleSources';
import { CreateStorySources1795564800005 } from './migrations/1795564800005-CreateStorySources';

export const NEWS_SCHEMA = 'news';

/** Ingestion is set-based SQL (a feed's items in a few statements): no entities. */
export const newsDatabase: ServiceDatabaseOptions = {
  schema: NEWS_SCHEMA,
  entities: [],
  migrations: [
    CreateMessagingTables1795564800000,
    CreateSources1795564800001,
    CreateStories1795564800002,
    CreateTaggingRules1795564800003,
    SeedSampleSources1795564800004,
    CreateStorySources1795564800005,
  ],
};
