import Decimal from 'decimal.js';
import { COMPARISON_OPERATORS, CONDITION_VARIABLES } from './condition.ast';
import type { ComparisonOperator, ConditionVariable } from './condition.ast';
import { ConditionSyntaxError } from './condition-syntax.error';

export type Token =
  | { kind: 'number'; value: string; text: string; column: number }
  | { kind: 'variable'; name: ConditionVariable; text: string; column: number }
  | { kind: 'operator'; operator: ComparisonOperator; text: string; column: number }
  | { kind: 'AND' | 'OR' | 'NOT' | '(' | ')'; text: string; column: number }
  | { kind: 'end'; text: ''; column: number };

const KEYWORDS = new Map<string, 'AND' | 'OR' | 'NOT'>([
  ['AND', 'AND'],
  ['and', 'AND'],
  ['OR', 'OR'],
  ['or', 'OR'],
  ['NOT', 'NOT'],
  ['not', 'NOT'],
]);

// Characters people type from other languages; the hint saves them a trip to the docs.
const HINTS = new Map([
  ['=', '=='],
  ['!', '!='],
  ['&', 'AND'],
  ['|', 'OR'],
]);

const WORD_START = /[A-Za-z_]/;
const WORD_PART = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;
const WHITESPACE = /\s/;

/** Splits a condition into tokens; the last one is always `end`, at the column after the input. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index];
    const column = index + 1;
    if (WHITESPACE.test(char)) {
      index += 1;
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: char, text: char, column });
      index += 1;
    } else if (DIGIT.test(char) || char === '-') {
      const text = readNumber(source, index);
      tokens.push({ kind: 'number', value: new Decimal(text).toFixed(), text, column });
      index += text.length;
    } else if (WORD_START.test(char)) {
      const text = readWhile(source, index, WORD_PART);
      tokens.push(wordToken(text, column));
      index += text.length;
    } else {
      const operator = readOperator(source, index);
      if (!operator) throw unexpectedCharacter(source, index);
      tokens.push({ kind: 'operator', operator, text: operator, column });
      index += operator.length;
    }
  }
  tokens.push({ kind: 'end', text: '', column: source.length + 1 });
  return tokens;
}

function readWhile(source: string, start: number, pattern: RegExp): string {
  let end = start;
  while (end < source.length && pattern.test(source[end])) end += 1;
  return source.slice(start, end);
}

function readNumber(source: string, start: number): string {
  let end = start + (source[start] === '-' ? 1 : 0);
  const digits = readWhile(source, end, DIGIT);
  if (digits === '') {
    throw new ConditionSyntaxError(
      `expected a digit after '-' at column ${end + 1}, found ${describeAt(source, end)}`,
      end + 1,
    );
  }
  end += digits.length;
  if (source[end] === '.') {
    const fraction = readWhile(source, end + 1, DIGIT);
    if (fraction === '') {
      throw new ConditionSyntaxError(
        `expected a digit after the decimal point at column ${end + 2}, found ${describeAt(source, end + 1)}`,
        end + 2,
      );
    }
    end += 1 + fraction.length;
  }
  // `1e5`, `1.2.3` or `12abc` would otherwise split into two tokens and fail later with a vaguer message.
  if (end < source.length && (WORD_PART.test(source[end]) || source[end] === '.')) {
    const text = source.slice(start, end) + readWhile(source, end, /[A-Za-z0-9_.]/);
    throw new ConditionSyntaxError(
      `malformed number '${text}' at column ${start + 1}; write numbers like 12, -0.5 or 1.25 (no exponent)`,
      start + 1,
    );
  }
  return source.slice(start, end);
}

function readOperator(source: string, index: number): ComparisonOperator | undefined {
  const two = source.slice(index, index + 2);
  return (
    COMPARISON_OPERATORS.find((operator) => operator === two) ??
    COMPARISON_OPERATORS.find((operator) => operator === source[index])
  );
}

function wordToken(text: string, column: number): Token {
  const keyword = KEYWORDS.get(text);
  if (keyword) return { kind: keyword, text, column };
  const variable = CONDITION_VARIABLES.find((name) => name === text);
  if (variable) return { kind: 'variable', name: variable, text, column };
  const similar = [...CONDITION_VARIABLES, 'AND', 'OR', 'NOT'].find(
    (word) => word.toLowerCase() === text.toLowerCase(),
  );
  throw new ConditionSyntaxError(
    `unknown identifier '${text}' at column ${column}` +
      (similar ? ` (did you mean '${similar}'?)` : '') +
      `; the variables are ${CONDITION_VARIABLES.join(', ')}`,
    column,
  );
}

function unexpectedCharacter(source: string, index: number): ConditionSyntaxError {
  const char = String.fromCodePoint(source.codePointAt(index) ?? 0);
  const hint = HINTS.has(char) ? ` (did you mean '${HINTS.get(char)}'?)` : '';
  return new ConditionSyntaxError(`unexpected character '${char}' at column ${index + 1}${hint}`, index + 1);
}

function describeAt(source: string, index: number): string {
  if (index >= source.length) return 'end of input';
  return `'${source[index]}'`;
}
