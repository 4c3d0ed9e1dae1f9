import type { ChannelInput } from '../../../../shared/contract';
import type { consentChannels } from '../../../../shared/contract/consent-channels';
import { photographyTemplate } from '../../../../shared/consents/built-in-templates';
import type { Ink } from '../../../../shared/consents/ink';
import type { ClinicIds } from '../trust-clinic';

/** A 1×1 transparent PNG: the pad's picture does not matter to the checks, the strokes do. */
const tinyPng = new Uint8Array([
  137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 31, 21, 196, 137, 0, 0, 0, 11, 73, 68, 65, 84, 120, 156, 99, 96, 0, 2, 0, 0, 5, 0, 1, 122, 94,
  171, 63, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
]);

/** A signature-sized zig-zag: enough points and a big enough box to count as a signature. */
export function sampleInk(): Ink {
  const points = Array.from({ length: 24 }, (_, i) => ({ x: 20 + i * 12, y: i % 2 === 0 ? 30 : 80, t: i * 16 }));
  return { png: tinyPng, width: 400, height: 120, strokes: [points] };
}

/** One valid input per channel of this feature (see channel-samples.ts). */
export function consentSamples(ids: ClinicIds): { [C in keyof typeof consentChannels]: ChannelInput<C> } {
  const signature = { ink: sampleInk(), drawnAt: null };
  return {
    'consentTemplates.list': {},
    'consentTemplates.get': { templateId: 'microneedling', version: null },
    'consentTemplates.publish': { template: photographyTemplate, change: 'minor' },
    'consentTemplates.exportJson': { templateId: 'photography', version: null },
    'consentTemplates.importJson': {},
    'consents.status': { clientId: ids.clientId },
    'consents.listForClient': { clientId: ids.clientId },
    'consents.sign': {
      clientId: ids.clientId,
      sessionId: null,
      form: {
        templateId: 'photography',
        templateVersion: { major: 1, minor: 0 },
        answers: {},
        initials: {},
        photography: { clinicalRecord: true, teaching: false, marketingFaceVisible: false, marketingFaceHidden: true },
        guardian: null,
        signatures: { client: signature, guardian: null, witness: null, practitioner: signature },
      },
    },
    'consents.withdraw': { consentId: 'no-such-consent', parts: ['marketingFaceHidden'], note: '' },
    'consents.pdf': { consentId: 'no-such-consent' },
    'consents.print': { consentId: 'no-such-consent', withAftercare: false },
    'consents.printAftercare': { clientId: ids.clientId },
    'consents.savePdf': { consentId: 'no-such-consent' },
    'consents.settings.get': {},
    'consents.settings.update': { validityMonths: 12 },
  };
}
