import type { ConditionNode, Operand } from './condition.ast';

const PRECEDENCE = { or: 1, and: 2, not: 3, comparison: 4 } as const;

/**
 * Canonical text of a condition: upper-case keywords, single spaces, parentheses only where the tree
 * needs them (and always after NOT, which reads better). Parsing the text gives back the same tree.
 */
export function formatCondition(node: ConditionNode): string {
  switch (node.kind) {
    case 'comparison':
      return `${formatOperand(node.left)} ${node.operator} ${formatOperand(node.right)}`;
    case 'not':
      return `NOT (${formatCondition(node.operand)})`;
    case 'and':
    case 'or': {
      // The parser groups `a OR b OR c` from the left, so only a right child of equal rank needs brackets.
      const left = formatChild(node.left, PRECEDENCE[node.kind]);
      const right = formatChild(node.right, PRECEDENCE[node.kind] + 1);
      return `${left} ${node.kind.toUpperCase()} ${right}`;
    }
  }
}

function formatChild(node: ConditionNode, minimumPrecedence: number): string {
  const text = formatCondition(node);
  return PRECEDENCE[node.kind] < minimumPrecedence ? `(${text})` : text;
}

function formatOperand(operand: Operand): string {
  return operand.kind === 'number' ? operand.value : operand.name;
}
