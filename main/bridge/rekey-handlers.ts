import type { rekeyChannels } from '../../shared/contract/rekey-channels';
import type { HandlersFor } from './handler';

/** Changing the data key; the dispatcher already checked role and input. */
export const rekeyHandlers: HandlersFor<keyof typeof rekeyChannels> = {
  'rekey.run': (input, { desktop }) => desktop.rekey.run(input.password),
  'rekey.progress': (_input, { desktop }) => desktop.rekey.progressNow(),
  'rekey.saveRecoveryKit': (_input, { desktop }) => desktop.rekey.saveRecoveryKit(),
  'rekey.acknowledge': (_input, { desktop }) => {
    desktop.rekey.acknowledge();
    return { done: true } as const;
  },
};
