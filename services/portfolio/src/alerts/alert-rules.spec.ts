import { checkAlert } from './alert-rules';

describe(checkAlert.name, () => {
  it('needs a symbol for price and daily-move alerts', () => {
    expect(checkAlert('price_above', undefined, '10')).toEqual(['a price_above alert needs a symbol']);
    expect(checkAlert('daily_move', 'AAPL', '2')).toEqual([]);
  });

  it('takes a drawdown with or without a symbol, as a percent up to 100', () => {
    expect(checkAlert('drawdown', undefined, '25')).toEqual([]);
    expect(checkAlert('drawdown', 'AAPL', '100.5')).toEqual([
      'a drawdown threshold is a percent, at most 100',
    ]);
  });

  it('keeps value milestones portfolio-wide', () => {
    expect(checkAlert('value_milestone', 'AAPL', '100000')).toEqual([
      'a value_milestone alert is about the whole portfolio: no symbol',
    ]);
  });

  it('takes a direction for value milestones only', () => {
    expect(checkAlert('value_milestone', undefined, '100000', 'down')).toEqual([]);
    expect(checkAlert('price_above', 'AAPL', '10', 'down')).toEqual([
      'direction applies only to a value_milestone alert, not to price_above',
    ]);
  });
});
