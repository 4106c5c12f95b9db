/**
 * Compile-time compatibility: every `op.pipes` / `op.events` method accepts the option types
 * of `@workos-inc/node` v11 (checked by `tsc -p packages/sdk`), so application code written
 * against WorkOS type-checks against OpenPipes.
 */
import type { WorkOS } from '@workos-inc/node';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { OpenPipes } from '../src/index.js';

type WorkOSPipes = WorkOS['pipes'];
type OpPipes = OpenPipes['pipes'];
type FirstArg<F> = F extends (arg: infer A, ...rest: never[]) => unknown ? A : never;

/** Method names of WorkOS v11 `pipes`. */
type PipesMethod = {
  [K in keyof WorkOSPipes]: WorkOSPipes[K] extends (...args: never[]) => unknown ? K : never;
}[keyof WorkOSPipes];

/** For each WorkOS method: `true` when OpenPipes has it and accepts WorkOS's options. */
type Compat = {
  [K in PipesMethod]: K extends keyof OpPipes ? (FirstArg<WorkOSPipes[K]> extends FirstArg<OpPipes[K]> ? true : false) : false;
};

describe('type compatibility with @workos-inc/node v11', () => {
  it('op.pipes has every WorkOS pipes method and accepts its options', () => {
    expectTypeOf<Compat>().toEqualTypeOf<{ [K in PipesMethod]: true }>();
    expectTypeOf<FirstArg<WorkOS['events']['listEvents']>>().toExtend<FirstArg<OpenPipes['events']['listEvents']>>();
    expect(true).toBe(true);
  });
});
