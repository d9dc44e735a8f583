import Decimal from 'decimal.js';
import type { ConditionNode, ConditionVariable, Operand } from './condition.ast';
import { compareDecimals } from './comparison-operator';

export type ConditionVariables = Readonly<Record<ConditionVariable, Decimal>>;

/** Whether a parsed condition holds for these prices; every comparison is exact decimal arithmetic. */
export function evaluateCondition(node: ConditionNode, vars: ConditionVariables): boolean {
  switch (node.kind) {
    case 'comparison':
      return compareDecimals(valueOf(node.left, vars), node.operator, valueOf(node.right, vars));
    case 'not':
      return !evaluateCondition(node.operand, vars);
    case 'and':
      return evaluateCondition(node.left, vars) && evaluateCondition(node.right, vars);
    case 'or':
      return evaluateCondition(node.left, vars) || evaluateCondition(node.right, vars);
  }
}

function valueOf(operand: Operand, vars: ConditionVariables): Decimal {
  return operand.kind === 'number' ? new Decimal(operand.value) : vars[operand.name];
}
