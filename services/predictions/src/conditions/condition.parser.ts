import type { ConditionNode, Operand } from './condition.ast';
import { ConditionSyntaxError } from './condition-syntax.error';
import { tokenize } from './condition.tokenizer';
import type { Token } from './condition.tokenizer';

export const MAX_CONDITION_LENGTH = 500;
export const MAX_CONDITION_DEPTH = 32;

/**
 * Parses a condition such as `price_change_percent > 0 AND price_change_percent < 1.0`.
 *
 *   or         := and ("OR" and)*
 *   and        := not ("AND" not)*
 *   not        := "NOT" not | "(" or ")" | comparison
 *   comparison := operand ("<" | "<=" | ">" | ">=" | "==" | "!=") operand
 *
 * User text never reaches eval or Function: this is the only way a condition becomes executable.
 */
export function parseCondition(source: string): ConditionNode {
  if (source.length > MAX_CONDITION_LENGTH) {
    throw new ConditionSyntaxError(
      `condition is ${source.length} characters long; the limit is ${MAX_CONDITION_LENGTH}`,
    );
  }
  if (source.trim() === '') throw new ConditionSyntaxError('condition is empty');
  return new Parser(tokenize(source)).parse();
}

class Parser {
  private position = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): ConditionNode {
    const node = this.parseOr();
    this.expect('end', 'AND, OR or end of input');
    return node;
  }

  private parseOr(): ConditionNode {
    let node = this.parseAnd();
    while (this.accept('OR')) node = { kind: 'or', left: node, right: this.parseAnd() };
    return node;
  }

  private parseAnd(): ConditionNode {
    let node = this.parseNot();
    while (this.accept('AND')) node = { kind: 'and', left: node, right: this.parseNot() };
    return node;
  }

  private parseNot(): ConditionNode {
    const token = this.peek();
    if (token.kind !== 'NOT' && token.kind !== '(') return this.parseComparison();
    // Only NOT and parentheses recurse; bounding them bounds the stack whatever the input.
    if (++this.depth > MAX_CONDITION_DEPTH) {
      throw new ConditionSyntaxError(
        `nesting deeper than ${MAX_CONDITION_DEPTH} levels at column ${token.column}`,
        token.column,
      );
    }
    this.position += 1;
    let node: ConditionNode;
    if (token.kind === 'NOT') {
      node = { kind: 'not', operand: this.parseNot() };
    } else {
      node = this.parseOr();
      this.expect(')', "AND, OR or ')'");
    }
    this.depth -= 1;
    return node;
  }

  private parseComparison(): ConditionNode {
    const start = this.peek();
    const left = this.parseOperand("a comparison, NOT or '('");
    const operator = this.peek();
    if (operator.kind !== 'operator') {
      throw this.expected('a comparison operator (<, <=, >, >=, ==, !=)', operator);
    }
    this.position += 1;
    const right = this.parseOperand('a number or a variable');
    if (left.kind === 'number' && right.kind === 'number') {
      throw new ConditionSyntaxError(
        `expected a variable on at least one side of the comparison at column ${start.column}, found two numbers`,
        start.column,
      );
    }
    return { kind: 'comparison', operator: operator.operator, left, right };
  }

  private parseOperand(expectation: string): Operand {
    const token = this.peek();
    if (token.kind === 'number') {
      this.position += 1;
      return { kind: 'number', value: token.value };
    }
    if (token.kind === 'variable') {
      this.position += 1;
      return { kind: 'variable', name: token.name };
    }
    throw this.expected(expectation, token);
  }

  private peek(): Token {
    return this.tokens[this.position];
  }

  private accept(kind: Token['kind']): boolean {
    if (this.peek().kind !== kind) return false;
    this.position += 1;
    return true;
  }

  private expect(kind: Token['kind'], expectation: string): void {
    if (!this.accept(kind)) throw this.expected(expectation, this.peek());
  }

  private expected(expectation: string, found: Token): ConditionSyntaxError {
    const description = found.kind === 'end' ? 'end of input' : `'${found.text}'`;
    return new ConditionSyntaxError(
      `expected ${expectation} at column ${found.column}, found ${description}`,
      found.column,
    );
  }
}
