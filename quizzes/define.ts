/**
 * Authoring helpers. They add nothing at run time: they let a quiz file's functions see the real
 * types of its parameters (`p.azs` is 2 | 3 | 4, not any value) while the schema stays the one
 * definition of the format.
 */
import type * as z from 'zod/mini';
import type { cloudQuestionSchema, cpuQuestionSchema, cloudTaskSchema, cpuTaskSchema, Params, Config, QuizInput, QuestionInput, ParamValue } from './schema';

type ParamsOf<S> = { readonly [K in keyof S]: S[K] extends readonly (infer V)[] ? V : never };

/** Rewrites every author function whose last argument is `Params` to take `P` instead. */
type WithParams<T, P> = T extends (...args: infer A) => infer R
  ? A extends [...infer H, infer L]
    ? [Params] extends [L]
      ? [L] extends [Params]
        ? (...args: [...H, P]) => R
        : T
      : T
    : T
  : T extends readonly (infer E)[]
    ? WithParams<E, P>[]
    : T extends object
      ? { [K in keyof T]: WithParams<T[K], P> }
      : T;

type CloudInput = z.input<typeof cloudQuestionSchema>;
type CpuInput = z.input<typeof cpuQuestionSchema>;

/** A question the cloud engine answers, whose functions know the types of its parameters. */
export function engineQuestion<const S extends Readonly<Record<string, readonly ParamValue[]>> = Record<never, never>>(
  q: Omit<WithParams<CloudInput, ParamsOf<S>>, 'params' | 'kind' | 'model'> & { params?: S },
): QuestionInput {
  return { kind: 'engine', model: 'cloud', ...q } as unknown as QuestionInput;
}

/** A question the engine's CPU model answers (a CPU scenario per variant), typed the same way. */
export function cpuQuestion<const S extends Readonly<Record<string, readonly ParamValue[]>> = Record<never, never>>(
  q: Omit<WithParams<CpuInput, ParamsOf<S>>, 'params' | 'kind' | 'model'> & { params?: S },
): QuestionInput {
  return { kind: 'engine', model: 'cpu', ...q } as unknown as QuestionInput;
}

type ControlInput =
  | { readonly type: 'count'; readonly id: string; readonly label: string; readonly min: number; readonly max: number; readonly default: number }
  | {
      readonly type: 'choice';
      readonly id: string;
      readonly label: string;
      readonly options: readonly { readonly value: string; readonly label: string }[];
      readonly default: string;
    }
  | { readonly type: 'toggle'; readonly id: string; readonly label: string; readonly default: boolean };

type ConfigOf<C extends readonly ControlInput[]> = {
  readonly [K in C[number] as K['id']]: K extends { type: 'count' }
    ? number
    : K extends { type: 'toggle' }
      ? boolean
      : K extends { options: readonly { value: infer V }[] }
        ? V
        : never;
};

type TaskInput = z.input<typeof cloudTaskSchema>;
type CpuTaskInput = z.input<typeof cpuTaskSchema>;

/** A task the cloud engine grades, whose scenario and examples know the shape of its configuration. */
export function task<const C extends readonly ControlInput[]>(
  t: Omit<TaskInput, 'kind' | 'model' | 'controls' | 'scenario' | 'accept' | 'reject'> & {
    controls: C;
    scenario: (c: ConfigOf<C>) => ReturnType<TaskInput['scenario']>;
    accept: ConfigOf<C>[];
    reject: { config: ConfigOf<C>; because: string }[];
  },
): QuestionInput {
  return { kind: 'task', model: 'cloud', ...t } as unknown as QuestionInput;
}

/** A task the engine's CPU model grades (CPU scenarios from the configuration), typed the same way. */
export function cpuTask<const C extends readonly ControlInput[]>(
  t: Omit<CpuTaskInput, 'kind' | 'model' | 'controls' | 'scenario' | 'accept' | 'reject'> & {
    controls: C;
    scenario: (c: ConfigOf<C>) => ReturnType<CpuTaskInput['scenario']>;
    accept: ConfigOf<C>[];
    reject: { config: ConfigOf<C>; because: string }[];
  },
): QuestionInput {
  return { kind: 'task', model: 'cpu', ...t } as unknown as QuestionInput;
}

export function defineQuiz(quiz: QuizInput): QuizInput {
  return quiz;
}

export type { Params, Config };
