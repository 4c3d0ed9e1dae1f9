import { createDispatcher } from '../../main/bridge/dispatch';
import { pdfFontsWarmed } from '../../main/pdf/warm-fonts';
import { SkinLedgerRuntime } from '../../main/session/runtime';
import type { FilledForm } from '../../shared/consents/filled-form';
import { testDesktop } from '../support/desktop';

/**
 * One start of the app, as the practitioner meets it: a fresh process signs in through the
 * dispatcher (production key cost), and the first consent of the day is signed through it too,
 * timed from the call to its answer. The fonts are warmed after sign-in off the request path;
 * the consent waits for that to have run, as any consent does that took longer than a second to
 * fill in. The form (synthetic ink, no client's data) arrives over the IPC channel.
 */
export interface FirstConsentJob {
  dataDir: string;
  appVersion: string;
  name: string;
  password: string;
  clientId: string;
  form: FilledForm;
}

export interface FirstConsentReport {
  /** consents.sign end to end, the first PDF this process renders. */
  firstSignMs: number;
  /** From the sign-in's answer to the fonts warmed. */
  warmedAfterMs: number;
}

process.once('message', (job: FirstConsentJob) => {
  // The font warming waits on an unref'd timer and the IPC channel stops holding the process
  // once its listener is gone: this keeps the process alive until the report is sent.
  const alive = setInterval(() => undefined, 1000);
  void run(job)
    .finally(() => clearInterval(alive))
    .then(
      (report) => process.send?.(report, () => process.disconnect?.()),
      (error: unknown) => process.send?.({ error: error instanceof Error ? error.message : String(error) }, () => process.disconnect?.()),
    );
});

async function run(job: FirstConsentJob): Promise<FirstConsentReport> {
  const runtime = new SkinLedgerRuntime({ dataDir: job.dataDir, appVersion: job.appVersion });
  const dispatch = createDispatcher(runtime, testDesktop(runtime), { isTrustedSender: () => true, reportFault: () => undefined });
  const call = async (channel: string, input: unknown) => {
    const result = await dispatch(channel, input, { frameUrl: 'app://skinledger/index.html' });
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  try {
    await call('session.login', { name: job.name, password: job.password });
    const signedIn = performance.now();
    await pdfFontsWarmed();
    const warmedAfterMs = performance.now() - signedIn;
    const start = performance.now();
    await call('consents.sign', { clientId: job.clientId, sessionId: null, form: job.form });
    return { firstSignMs: performance.now() - start, warmedAfterMs };
  } finally {
    runtime.close();
  }
}
