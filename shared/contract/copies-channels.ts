import { z } from 'zod';
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
} as const;
