/** Funding stages in the order a company normally raises them. */
export const FUNDING_STAGES = [
  'pre-seed',
  'seed',
  'series-a',
  'series-b',
  'series-c',
  'series-d',
  'series-e',
  'growth',
] as const;
export type FundingStage = (typeof FUNDING_STAGES)[number];

/** IPO pipeline stages: `rumoured → filed → priced → listed`, or `withdrawn` before listing. */
export const IPO_STAGES = ['rumoured', 'filed', 'priced', 'listed', 'withdrawn'] as const;
export type IpoStage = (typeof IPO_STAGES)[number];
