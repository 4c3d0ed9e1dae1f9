import type { z } from 'zod';
import type { rekeyChannels } from '../../shared/contract/rekey-channels';
import { rekeyDeskOf } from '../rekey/rekey-desk';
import type { HandlerContext } from './handlers';

type RekeyChannels = typeof rekeyChannels;
type Handler<C extends keyof RekeyChannels> = (
  input: z.output<RekeyChannels[C]['input']>,
  context: HandlerContext,
) => Promise<z.input<RekeyChannels[C]['output']>> | z.input<RekeyChannels[C]['output']>;

/** Changing the data key; the dispatcher already checked role and input. */
export const rekeyHandlers: { [C in keyof RekeyChannels]: Handler<C> } = {
  'rekey.run': (input, { runtime }) => rekeyDeskOf(runtime).run(runtime, input.password),
  'rekey.progress': (_input, { runtime }) => rekeyDeskOf(runtime).progressNow(),
  'rekey.saveRecoveryKit': (_input, { runtime }) => rekeyDeskOf(runtime).saveRecoveryKit(runtime),
  'rekey.acknowledge': (_input, { runtime }) => {
    rekeyDeskOf(runtime).acknowledge(runtime);
    return { done: true } as const;
  },
};
