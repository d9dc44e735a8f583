export const CONDITION_VARIABLES = ['price_change_percent', 'price', 'price_at_create'] as const;
export type ConditionVariable = (typeof CONDITION_VARIABLES)[number];

export const COMPARISON_OPERATORS = ['<', '<=', '>', '>=', '==', '!='] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

export interface VariableOperand {
  readonly kind: 'variable';
  readonly name: ConditionVariable;
}

/** `value` is exact decimal text without exponent or trailing zeros (`-0.5`, `1`), never a JS number. */
export interface NumberOperand {
  readonly kind: 'number';
  readonly value: string;
}

export type Operand = VariableOperand | NumberOperand;

export interface ComparisonNode {
  readonly kind: 'comparison';
  readonly operator: ComparisonOperator;
  readonly left: Operand;
  readonly right: Operand;
}

export interface NotNode {
  readonly kind: 'not';
  readonly operand: ConditionNode;
}

export interface LogicalNode {
  readonly kind: 'and' | 'or';
  readonly left: ConditionNode;
  readonly right: ConditionNode;
}

export type ConditionNode = ComparisonNode | NotNode | LogicalNode;
