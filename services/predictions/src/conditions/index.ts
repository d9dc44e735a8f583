export * from './condition.ast';
export { ConditionSyntaxError } from './condition-syntax.error';
export { MAX_CONDITION_DEPTH, MAX_CONDITION_LENGTH, parseCondition } from './condition.parser';
export { evaluateCondition } from './condition.evaluator';
export type { ConditionVariables } from './condition.evaluator';
export { formatCondition } from './condition.printer';
export { checkCoverage } from './option-coverage';
export type { CoverageProblem } from './option-coverage';
