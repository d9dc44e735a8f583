import type { ExecutionContext } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { httpExecutionContext } from '../test/http-execution-context';
import { CurrentUser } from './current-user.decorator';

type ParamFactory = (data: unknown, context: ExecutionContext) => unknown;

/** The function Nest calls to fill a `@CurrentUser()` parameter. */
function currentUserFactory(): ParamFactory {
  class Probe {
    handle(@CurrentUser() _user: unknown): void {}
  }
  const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, Probe, 'handle') as Record<
    string,
    { factory: ParamFactory }
  >;
  return Object.values(args)[0].factory;
}

describe('CurrentUser', () => {
  const factory = currentUserFactory();

  it('gives the user the guard put on the request', () => {
    const { context, request } = httpExecutionContext();
    request.user = { id: 'user-7', roles: ['trader'] };
    expect(factory(undefined, context)).toBe(request.user);
  });

  it('gives undefined for an anonymous caller', () => {
    expect(factory(undefined, httpExecutionContext().context)).toBeUndefined();
  });
});
