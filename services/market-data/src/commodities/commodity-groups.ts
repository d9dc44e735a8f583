import type { InstrumentCategory } from '../catalogue/instrument.entity';

/** The catalogue categories that are commodities; fx, crypto and stocks are not. */
export const COMMODITY_CATEGORIES = [
  'precious-metal',
  'battery-ai-material',
  'energy',
  'space-tech-material',
  'industrial-metal',
] as const satisfies readonly InstrumentCategory[];

export type CommodityCategory = (typeof COMMODITY_CATEGORIES)[number];

/** The groups the API serves under /commodities/<group>: metals spans two categories. */
export const COMMODITY_GROUPS = {
  metals: ['precious-metal', 'industrial-metal'],
  'ai-materials': ['battery-ai-material'],
  'space-tech': ['space-tech-material'],
  energy: ['energy'],
} as const satisfies Record<string, readonly CommodityCategory[]>;

export type CommodityGroup = keyof typeof COMMODITY_GROUPS;
