import type { ComparisonNode, ConditionNode } from './condition.ast';
import { ConditionSyntaxError } from './condition-syntax.error';
import { parseCondition } from './condition.parser';

const pcp = { kind: 'variable', name: 'price_change_percent' } as const;
const price = { kind: 'variable', name: 'price' } as const;
const priceAtCreate = { kind: 'variable', name: 'price_at_create' } as const;
const num = (value: string) => ({ kind: 'number', value }) as const;
const pcpCompared = (operator: ComparisonNode['operator'], value: string): ConditionNode => ({
  kind: 'comparison',
  operator,
  left: pcp,
  right: num(value),
});

function errorOf(source: string): ConditionSyntaxError {
  try {
    parseCondition(source);
  } catch (error) {
    if (error instanceof ConditionSyntaxError) return error;
    throw error;
  }
  throw new Error(`'${source}' parsed`);
}

describe(parseCondition.name, () => {
  describe('happy paths', () => {
    it('parses a range of price_change_percent, keeping numbers as exact decimal text', () => {
      expect(parseCondition('price_change_percent > 0 AND price_change_percent < 1.0')).toEqual({
        kind: 'and',
        left: pcpCompared('>', '0'),
        right: pcpCompared('<', '1'),
      });
    });

    it.each(['<', '<=', '>', '>=', '==', '!='] as const)('parses the operator %s', (operator) => {
      expect(parseCondition(`price_change_percent ${operator} -0.5`)).toEqual(pcpCompared(operator, '-0.5'));
    });

    it('normalises number literals without going through floats', () => {
      expect(parseCondition('price > 007.50')).toEqual({
        kind: 'comparison',
        operator: '>',
        left: price,
        right: num('7.5'),
      });
      expect(parseCondition('price_change_percent > 0.1000000000000000000000000001')).toEqual(
        pcpCompared('>', '0.1000000000000000000000000001'),
      );
      expect(parseCondition('price_change_percent > -0')).toEqual(pcpCompared('>', '0'));
    });

    it('accepts a number on the left and a variable on each side', () => {
      expect(parseCondition('-0.5 <= price_change_percent')).toEqual({
        kind: 'comparison',
        operator: '<=',
        left: num('-0.5'),
        right: pcp,
      });
      expect(parseCondition('price > price_at_create')).toEqual({
        kind: 'comparison',
        operator: '>',
        left: price,
        right: priceAtCreate,
      });
    });

    it('needs no spaces and accepts any whitespace', () => {
      expect(parseCondition('price_change_percent>-5')).toEqual(pcpCompared('>', '-5'));
      expect(parseCondition('\tprice_change_percent\n>=\r\n1 ')).toEqual(pcpCompared('>=', '1'));
    });

    it('accepts lower-case keywords', () => {
      expect(
        parseCondition('not price_change_percent < 1 and price_change_percent > 0 or price == 3'),
      ).toEqual(parseCondition('NOT price_change_percent < 1 AND price_change_percent > 0 OR price == 3'));
    });

    it('accepts a condition of exactly 500 characters and 32 levels of nesting', () => {
      expect(parseCondition('price > 1'.padEnd(500))).toEqual(parseCondition('price > 1'));
      const nested = '('.repeat(16) + 'NOT '.repeat(16) + 'price > 1' + ')'.repeat(16);
      expect(parseCondition(nested)).toEqual(parseCondition('NOT '.repeat(16) + 'price > 1'));
    });
  });

  describe('precedence', () => {
    const [a, b, c] = ['0', '1', '2'].map((value) => pcpCompared('>', value));
    const [sa, sb, sc] = ['price_change_percent > 0', 'price_change_percent > 1', 'price_change_percent > 2'];

    it('binds AND tighter than OR', () => {
      expect(parseCondition(`${sa} OR ${sb} AND ${sc}`)).toEqual({
        kind: 'or',
        left: a,
        right: { kind: 'and', left: b, right: c },
      });
      expect(parseCondition(`${sa} AND ${sb} OR ${sc}`)).toEqual({
        kind: 'or',
        left: { kind: 'and', left: a, right: b },
        right: c,
      });
    });

    it('binds NOT tighter than AND', () => {
      expect(parseCondition(`NOT ${sa} AND ${sb}`)).toEqual({
        kind: 'and',
        left: { kind: 'not', operand: a },
        right: b,
      });
    });

    it('lets parentheses override precedence', () => {
      expect(parseCondition(`(${sa} OR ${sb}) AND ${sc}`)).toEqual({
        kind: 'and',
        left: { kind: 'or', left: a, right: b },
        right: c,
      });
      expect(parseCondition(`NOT (${sa} AND ${sb})`)).toEqual({
        kind: 'not',
        operand: { kind: 'and', left: a, right: b },
      });
    });

    it('groups chains from the left and stacks NOT', () => {
      expect(parseCondition(`${sa} OR ${sb} OR ${sc}`)).toEqual({
        kind: 'or',
        left: { kind: 'or', left: a, right: b },
        right: c,
      });
      expect(parseCondition(`NOT NOT ${sa}`)).toEqual({ kind: 'not', operand: { kind: 'not', operand: a } });
    });
  });

  describe('errors', () => {
    it.each([
      ['', 'condition is empty'],
      [' \t ', 'condition is empty'],
      ['price > 1'.padEnd(501), 'condition is 501 characters long; the limit is 500'],
      ['price_change_percent > ', 'expected a number or a variable at column 24, found end of input'],
      ['price > AND', "expected a number or a variable at column 9, found 'AND'"],
      ['price > 1 AND', "expected a comparison, NOT or '(' at column 14, found end of input"],
      ['price > 1 OR )', "expected a comparison, NOT or '(' at column 14, found ')'"],
      ['price', 'expected a comparison operator (<, <=, >, >=, ==, !=) at column 6, found end of input'],
      [
        'price AND price > 1',
        "expected a comparison operator (<, <=, >, >=, ==, !=) at column 7, found 'AND'",
      ],
      ['NOT 1', 'expected a comparison operator (<, <=, >, >=, ==, !=) at column 6, found end of input'],
      ['1 < 2', 'expected a variable on at least one side of the comparison at column 1, found two numbers'],
      [
        'price > 1 OR (-1 == 2)',
        'expected a variable on at least one side of the comparison at column 15, found two numbers',
      ],
      ['price > 1 price', "expected AND, OR or end of input at column 11, found 'price'"],
      ['price > 1)', "expected AND, OR or end of input at column 10, found ')'"],
      ['0 < price_change_percent < 1', "expected AND, OR or end of input at column 26, found '<'"],
      ['(price > 1', "expected AND, OR or ')' at column 11, found end of input"],
      ['((price > 1) OR price < 0', "expected AND, OR or ')' at column 26, found end of input"],
      ['('.repeat(33) + 'price > 1' + ')'.repeat(33), 'nesting deeper than 32 levels at column 33'],
      ['NOT '.repeat(33) + 'price > 1', 'nesting deeper than 32 levels at column 129'],
      [
        'pcp > 1',
        "unknown identifier 'pcp' at column 1; the variables are price_change_percent, price, price_at_create",
      ],
      [
        'PRICE > 1',
        "unknown identifier 'PRICE' at column 1 (did you mean 'price'?); the variables are price_change_percent, price, price_at_create",
      ],
      [
        'price > 1 And price < 2',
        "unknown identifier 'And' at column 11 (did you mean 'AND'?); the variables are price_change_percent, price, price_at_create",
      ],
      ['price = 1', "unexpected character '=' at column 7 (did you mean '=='?)"],
      ['price > 1 && price < 2', "unexpected character '&' at column 11 (did you mean 'AND'?)"],
      ['price > 1 || price < 2', "unexpected character '|' at column 11 (did you mean 'OR'?)"],
      ['!(price > 1)', "unexpected character '!' at column 1 (did you mean '!='?)"],
      ['price > $1', "unexpected character '$' at column 9"],
      ['price > .5', "unexpected character '.' at column 9"],
      [
        'price > 1e5',
        "malformed number '1e5' at column 9; write numbers like 12, -0.5 or 1.25 (no exponent)",
      ],
      [
        'price > 1.2.3',
        "malformed number '1.2.3' at column 9; write numbers like 12, -0.5 or 1.25 (no exponent)",
      ],
      ['price > 1.', 'expected a digit after the decimal point at column 11, found end of input'],
      ['price > 1.x', "expected a digit after the decimal point at column 11, found 'x'"],
      ['price > - 5', "expected a digit after '-' at column 10, found ' '"],
      ['price > --5', "expected a digit after '-' at column 10, found '-'"],
    ])('rejects %j', (source, message) => {
      expect(errorOf(source).message).toBe(message);
    });

    it('is a ConditionSyntaxError that carries the column', () => {
      const error = errorOf('price_change_percent > ');
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe('ConditionSyntaxError');
      expect(error.column).toBe(24);
      expect(errorOf('').column).toBeUndefined();
    });

    it('never evaluates the text as code', () => {
      expect(errorOf('process.exit(1)').message).toBe(
        "unknown identifier 'process' at column 1; the variables are price_change_percent, price, price_at_create",
      );
    });
  });
});
