export type { CashFlow } from './cash-flow';
export { xirr, type XirrResult } from './xirr';
