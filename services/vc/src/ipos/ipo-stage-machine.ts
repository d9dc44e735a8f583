import type { IpoStage } from '@marketpulse/contracts';

/** The moves one step at a time: `rumoured → filed → priced → listed`, or `withdrawn` before listing. */
export const IPO_TRANSITIONS: Readonly<Record<IpoStage, readonly IpoStage[]>> = {
  rumoured: ['filed', 'withdrawn'],
  filed: ['priced', 'withdrawn'],
  priced: ['listed', 'withdrawn'],
  listed: [],
  withdrawn: [],
};

export function allowedTransitions(from: IpoStage): readonly IpoStage[] {
  return IPO_TRANSITIONS[from];
}

export function canTransition(from: IpoStage, to: IpoStage): boolean {
  return IPO_TRANSITIONS[from].includes(to);
}

/**
 * The stages a data feed steps through from `from` to `to`, one allowed move at a time (`to` last), or
 * undefined when `to` does not lie ahead. A feed may skip the stages it missed (a company seen as rumoured,
 * then already priced): each skipped stage is still recorded as its own move, so the history only ever
 * holds moves the machine allows. It may never go back.
 */
export function pathTo(from: IpoStage, to: IpoStage): IpoStage[] | undefined {
  const previous = new Map<IpoStage, IpoStage>();
  const queue: IpoStage[] = [from];
  while (queue.length > 0) {
    const stage = queue.shift()!;
    for (const next of IPO_TRANSITIONS[stage]) {
      if (previous.has(next) || next === from) continue;
      previous.set(next, stage);
      if (next === to) {
        const path: IpoStage[] = [to];
        for (let step = stage; step !== from; step = previous.get(step)!) path.unshift(step);
        return path;
      }
      queue.push(next);
    }
  }
  return undefined;
}

/** A final stage admits no change at all, not even to the exchange, ticker or price it was reached with. */
export const isFinal = (stage: IpoStage): boolean => IPO_TRANSITIONS[stage].length === 0;

export function describeRefusal(from: IpoStage, to: IpoStage): string {
  const allowed = allowedTransitions(from);
  return allowed.length === 0
    ? `An IPO cannot move from ${from} to ${to}: ${from} is final, no transition is allowed`
    : `An IPO cannot move from ${from} to ${to}; allowed from ${from}: ${allowed.join(', ')}`;
}
