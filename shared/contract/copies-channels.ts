import { z } from 'zod';
import { OutboxMessage, SmtpSettingsInput, SmtpSettingsView } from '../copies/email';
import { GpLetterTemplate } from '../copies/gp-letter';
import { SharingChoices, sharingKinds } from '../copies/sharing-choices';
import { adminsOnly, clinicians, type Access } from './access';

interface Spec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
}
const channel = <I extends z.ZodType, O extends z.ZodType>(spec: Spec<I, O>) => spec;
const Id = z.string().min(1).max(64);

/** Copies that leave the clinic: whether the client agreed to their GP being told, and the GP letter. */
export const copiesChannels = {
  'clients.sharingChoices': channel({ input: z.object({ clientId: Id }).strict(), output: SharingChoices, access: clinicians }),
  /** The client's answer as given today, recorded with who asked; audited. */
  'clients.recordSharingChoice': channel({
    input: z.object({ clientId: Id, kind: z.enum(sharingKinds), agreed: z.boolean() }).strict(),
    output: SharingChoices,
    access: clinicians,
  }),
  'gpLetter.template': channel({ input: z.object({}).strict(), output: GpLetterTemplate, access: clinicians }),
  'gpLetter.updateTemplate': channel({ input: GpLetterTemplate, output: GpLetterTemplate, access: adminsOnly }),
  /** The session's GP letter to the print dialog, or saved as PDF; refused unless the client agreed. */
  'sessions.printGpLetter': channel({ input: z.object({ id: Id }).strict(), output: z.object({ printed: z.boolean() }), access: clinicians }),
  'sessions.saveGpLetter': channel({ input: z.object({ id: Id }).strict(), output: z.object({ saved: z.boolean() }), access: clinicians }),
  /** The session record, its signed consent and the aftercare sheet queued for the client and tried at once; refused without e-mail consent. */
  'sessions.emailCopy': channel({ input: z.object({ id: Id }).strict(), output: z.object({ sent: z.boolean(), problem: z.string().nullable() }), access: clinicians }),
  /** The clinic's mail account without its password (only whether one is saved); null until set up. */
  'email.settings': channel({ input: z.object({}).strict(), output: SmtpSettingsView.nullable(), access: adminsOnly }),
  'email.updateSettings': channel({ input: SmtpSettingsInput, output: SmtpSettingsView, access: adminsOnly }),
  /** Messages waiting: what, to whom, tries and the last problem; never the content. */
  'email.outbox': channel({ input: z.object({}).strict(), output: z.array(OutboxMessage), access: adminsOnly }),
  'email.sendNow': channel({ input: z.object({}).strict(), output: z.object({ sent: z.number().int(), waiting: z.number().int() }), access: adminsOnly }),
} as const;
