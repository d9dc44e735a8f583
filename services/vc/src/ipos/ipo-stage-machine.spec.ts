import { allowedTransitions, canTransition, describeRefusal, isFinal, pathTo } from './ipo-stage-machine';

describe('IPO stage machine', () => {
  it('moves one step forward at a time, or to withdrawn before listing', () => {
    expect(canTransition('rumoured', 'filed')).toBe(true);
    expect(canTransition('filed', 'priced')).toBe(true);
    expect(canTransition('priced', 'listed')).toBe(true);
    expect(canTransition('filed', 'withdrawn')).toBe(true);
    expect(canTransition('rumoured', 'priced')).toBe(false);
    expect(canTransition('listed', 'withdrawn')).toBe(false);
    expect(canTransition('priced', 'filed')).toBe(false);
  });

  it('treats listed and withdrawn as final', () => {
    expect(allowedTransitions('listed')).toEqual([]);
    expect(allowedTransitions('withdrawn')).toEqual([]);
  });

  it('lets a feed skip stages forward but never go back', () => {
    expect(pathTo('rumoured', 'listed')).toEqual(['filed', 'priced', 'listed']);
    expect(pathTo('filed', 'withdrawn')).toEqual(['withdrawn']);
    expect(pathTo('rumoured', 'filed')).toEqual(['filed']);
    expect(pathTo('listed', 'priced')).toBeUndefined();
    expect(pathTo('withdrawn', 'filed')).toBeUndefined();
    expect(pathTo('priced', 'priced')).toBeUndefined();
    expect([isFinal('listed'), isFinal('withdrawn'), isFinal('priced')]).toEqual([true, true, false]);
  });

  it('names the allowed moves when it refuses one', () => {
    expect(describeRefusal('rumoured', 'listed')).toBe(
      'An IPO cannot move from rumoured to listed; allowed from rumoured: filed, withdrawn',
    );
    expect(describeRefusal('listed', 'filed')).toContain('listed is final');
  });
});
