import type { z } from 'zod';
import type { auditChannels } from '../../shared/contract/audit-channels';
import type { HandlerContext } from './handlers';

type Channels = typeof auditChannels;
type Handler<C extends keyof Channels> = (
  input: z.output<Channels[C]['input']>,
  context: HandlerContext,
) => Promise<z.input<Channels[C]['output']>> | z.input<Channels[C]['output']>;

/** The audit trail screen and retention/erasure (issue #6). */
export const auditHandlers: { [C in keyof Channels]: Handler<C> } = {};
