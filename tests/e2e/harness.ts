import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createDispatcher } from '../../main/bridge/dispatch';
import type { Clock } from '../../main/clock';
import type { ScryptParams } from '../../main/crypto/kdf';
import { keySlotFileName } from '../../main/crypto/key-slot-file';
import { DesktopActions } from '../../main/desktop/desktop-actions';
import { forkPhotoWorker } from '../../main/photos/photo-worker-channel';
import type { DesktopPorts, OpenDialogRequest, SaveDialogRequest } from '../../main/desktop/ports';
import type { NetworkShareKind } from '../../shared/contract/channels';
import { SkinLedgerRuntime } from '../../main/session/runtime';
import { openShellLog } from '../../main/shell/shell-log';
import { fastScryptForTests } from '../support/fast-scrypt';
import { serveFolder } from './support/static-server';
import { decodeFromPage, encodeForPage, pageBridgeScript } from './support/transport';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The built renderer (npm run build); SKINLEDGER_E2E_RENDERER points elsewhere, e.g. a private build. */
export const rendererFolder = process.env.SKINLEDGER_E2E_RENDERER ?? join(repoRoot, 'out', 'renderer');
const chromiumPath = process.env.SKINLEDGER_CHROMIUM ?? '/usr/bin/chromium';
/**
 * The photo process as built (npm run build, which these tests need anyway): the program that
 * ships, started in about a fifth of the time the TypeScript source takes under tsx.
 */
const builtPhotoWorker = join(repoRoot, 'out', 'main', 'photo-worker.js');
const appVersion = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** The front-desk resolution the screenshots and layouts are judged at. */
export const frontDeskViewport = { width: 1366, height: 768 };

export interface LaunchOptions {
  /** The data folder: empty for first run, or a store made by an earlier launch. */
  dataDir: string;
  /** A script run in the page before the app's own, from the first navigation on (the benchmark's timing). */
  initScript?: string;
  /** What the "save file" dialog answers (the Recovery Kit's path); null = the clinic cancelled. */
  savePath?: string | null;
  /** What the "open file" dialog answers (a template file to import); null = the clinic cancelled. */
  openPath?: string | null;
  /** Whether the print dialog reports the document as printed (true) or cancelled (false). */
  printAnswer?: boolean;
  viewport?: { width: number; height: number };
  /** Install Playwright's fake clock before the app loads, for idle-lock tests. */
  fakeClock?: boolean;
  /** The page's clock stands still at this moment (timers still run), for pictures held to baselines. */
  fixedTime?: Date;
  /** The page's time zone (IANA name); the machine's when absent. */
  timezoneId?: string;
  /**
   * Only if production scrypt makes a test too slow; slots record their own cost either way.
   * When absent: production, unless every password slot of the store is at the test cost (a
   * clinic made with createClinic(dataDir, { keySlots: 'test' })), which the store then runs at.
   */
  scrypt?: ScryptParams;
  /** What the folder and open-file dialogs answer; the test may change them between clicks. */
  dialogs?: DialogAnswers;
  /** The main side's clock (backup ages, schedules); the computer's clock when absent. */
  clock?: Clock;
  /** Plays "the data folder is on a network drive" (no NFS mount here); the real mount table when absent. */
  networkShare?: NetworkShareKind | null;
  /**
   * Where this launch writes the shell's log (the dispatcher's faults, as main/index.ts does) and
   * every line the page printed to its console, so a test can scan them for secrets. A new temp
   * folder when absent.
   */
  logDir?: string;
  /** Chromium's fake camera (a moving test pattern) with the camera permission granted, for photo capture. */
  fakeCamera?: boolean;
  /** The app's settings folder (main/index.ts passes userData), where the audit head last seen is kept; none when absent. */
  settingsDir?: string;
}

/** The desktop's dialogs, played by the test: a path, or null for "cancelled". */
export interface DialogAnswers {
  folder: string | null;
  openPath: string | null;
}

export interface LaunchedApp {
  page: Page;
  origin: string;
  runtime: SkinLedgerRuntime;
  /** Unexpected failures the dispatcher reported (a test should end with none). */
  faults: { channel: string; error: unknown }[];
  /** Every bridge call the page made, in order (password fields blanked), to check what was asked. */
  calls: { channel: string; input: unknown }[];
  /** Every save dialog the app asked for. */
  saveRequests: SaveDialogRequest[];
  /** Every open-file dialog the app asked for. */
  openRequests: OpenDialogRequest[];
  /** Every document sent to the print dialog: its bytes (in memory only) and job name. */
  printRequests: { bytes: Uint8Array; jobName: string }[];
  /** Console errors, uncaught exceptions and CSP refusals in the page. */
  pageErrors: string[];
  /** What the folder and file dialogs answer next (change it before the click that opens one). */
  dialogs: DialogAnswers;
  /** The shell log and the page's console lines of this launch (see LaunchOptions.logDir). */
  logDir: string;
  /** Plays the shell's part: an application-menu command, or "main locked the session". */
  shell: { menu(command: 'lock' | 'about'): Promise<void>; sessionLocked(): Promise<void> };
  close(): Promise<void>;
}

/**
 * The app as a browser test sees it: the built renderer served over http://127.0.0.1, Debian's
 * Chromium, and the REAL runtime, dispatcher and encrypted store in this process, exposed to the
 * page as window.skinledger before any app script runs. Only the Electron shell is missing.
 */
export async function launchApp(options: LaunchOptions): Promise<LaunchedApp> {
  if (!existsSync(join(rendererFolder, 'index.html'))) {
    throw new Error(`No built renderer at ${rendererFolder}: run "npm run build" before the e2e tests.`);
  }
  const faults: LaunchedApp['faults'] = [];
  const saveRequests: SaveDialogRequest[] = [];
  const openRequests: OpenDialogRequest[] = [];
  const printRequests: LaunchedApp['printRequests'] = [];
  const pageErrors: string[] = [];
  const calls: LaunchedApp['calls'] = [];

  const dialogs: DialogAnswers = options.dialogs ?? { folder: null, openPath: options.openPath ?? null };
  const logDir = options.logDir ?? mkdtempSync(join(tmpdir(), 'skinledger-e2e-logs-'));
  mkdirSync(logDir, { recursive: true });
  const shellLog = openShellLog(logDir);
  const consoleLog = join(logDir, 'page-console.log');
  shellLog.info('start', { version: appVersion });
  const ports: DesktopPorts = {
    chooseSavePath: async (request: SaveDialogRequest) => {
      saveRequests.push(request);
      return options.savePath ?? null;
    },
    chooseFolder: async () => dialogs.folder,
    chooseOpenPath: async (request: OpenDialogRequest) => {
      openRequests.push(request);
      return dialogs.openPath;
    },
    printPdf: async (bytes: Uint8Array, jobName: string) => {
      printRequests.push({ bytes: new Uint8Array(bytes), jobName });
      return options.printAnswer ?? true;
    },
  };
  const scrypt = options.scrypt ?? testCostOf(options.dataDir);
  const runtime = new SkinLedgerRuntime({
    dataDir: options.dataDir,
    appVersion,
    ...(scrypt ? { scrypt } : {}),
    ...(existsSync(builtPhotoWorker) ? { photoWorker: () => forkPhotoWorker({ path: builtPhotoWorker, fromSource: false }) } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.networkShare !== undefined ? { networkShareOf: () => options.networkShare ?? null } : {}),
    ...(options.settingsDir ? { settingsDir: options.settingsDir } : {}),
  });
  // As main/index.ts does: one desktop, with the harness's dialogs and printer.
  const desktop = new DesktopActions({ runtime, ports });
  const server = await serveFolder(rendererFolder);
  const dispatch = createDispatcher(runtime, desktop, {
    isTrustedSender: (frameUrl) => frameUrl.startsWith(`${server.origin}/`),
    reportFault: (channel, error) => {
      faults.push({ channel, error });
      shellLog.fault(channel, error);
    },
  });

  const browserArgs = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    ...(options.fakeCamera ? ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] : []),
  ];
  // A Chromium of its own, unless the test file shares one (see shareBrowserAcrossLaunches);
  // either way the app gets a fresh browser context: no storage, permissions or clock carried over.
  const ownBrowser = sharedBrowsers === null;
  let browser: Browser | null = null;
  let context: BrowserContext | null = null;
  try {
    browser = ownBrowser ? await launchChromium(browserArgs) : await sharedBrowser(browserArgs);
    context = await browser.newContext({
      viewport: options.viewport ?? frontDeskViewport,
      locale: 'en-GB',
      reducedMotion: 'reduce',
      ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
    });
    if (options.fakeCamera) await context.grantPermissions(['camera']);
    const page = await context.newPage();
    const keepConsoleLine = (line: string) => appendFileSync(consoleLog, `${line}\n`, { mode: 0o600 });
    page.on('pageerror', (error) => {
      pageErrors.push(`pageerror: ${error.message}`);
      keepConsoleLine(`pageerror ${error.message}\n${error.stack ?? ''}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
      keepConsoleLine(`${message.type()} ${message.text()}`);
    });
    await page.exposeBinding('__skinledgerInvoke', async (source, channel: unknown, input: unknown) => {
      const decoded = decodeFromPage(input);
      calls.push({ channel: String(channel), input: withoutPasswords(decoded) });
      const result = await dispatch(channel, decoded, { frameUrl: source.frame.url() });
      // Every error message the window was given, kept with the logs so a test can scan them too.
      if (!result.ok) appendFileSync(join(logDir, 'bridge-errors.log'), `${String(channel)} ${result.error.code} ${result.error.message}\n`, { mode: 0o600 });
      return encodeForPage(result);
    });
    await page.addInitScript({ content: pageBridgeScript });
    if (options.fakeClock) await page.clock.install();
    if (options.fixedTime) await page.clock.setFixedTime(options.fixedTime);
    if (options.initScript) await page.addInitScript({ content: options.initScript });
    await page.goto(`${server.origin}/index.html`);

    const openedBrowser = browser;
    const openedContext = context;
    return {
      page,
      origin: server.origin,
      runtime,
      faults,
      calls,
      saveRequests,
      openRequests,
      printRequests,
      pageErrors,
      dialogs,
      logDir,
      shell: {
        menu: (command) => page.evaluate((c) => (globalThis as unknown as HarnessWindow).__skinledgerHarness.menu(c), command),
        sessionLocked: () => page.evaluate(() => (globalThis as unknown as HarnessWindow).__skinledgerHarness.sessionLocked()),
      },
      async close() {
        await (ownBrowser ? openedBrowser.close() : openedContext.close()).catch(() => undefined);
        await server.close();
        runtime.close();
      },
    };
  } catch (error) {
    await (ownBrowser ? browser?.close() : context?.close())?.catch(() => undefined);
    await server.close();
    runtime.close();
    throw error;
  }
}

/**
 * The test cost, when every staff password slot in the data folder's key file records it (a
 * clinic the tests made at that cost); undefined (production, as shipped) for a first run, a
 * production store, or a key file where only some slots are cheap (an attack a test plays).
 */
function testCostOf(dataDir: string): ScryptParams | undefined {
  let slots: unknown;
  try {
    slots = (JSON.parse(readFileSync(join(dataDir, keySlotFileName), 'utf8')) as { slots?: unknown }).slots;
  } catch {
    return undefined;
  }
  if (!Array.isArray(slots)) return undefined;
  const staff = slots.filter((slot) => (slot as { kind?: unknown } | null)?.kind === 'staff') as { kdf?: Partial<ScryptParams> }[];
  const atTestCost = (slot: { kdf?: Partial<ScryptParams> }) =>
    slot.kdf?.name === fastScryptForTests.name && slot.kdf.N === fastScryptForTests.N && slot.kdf.r === fastScryptForTests.r && slot.kdf.p === fastScryptForTests.p;
  return staff.length > 0 && staff.every(atTestCost) ? fastScryptForTests : undefined;
}

function launchChromium(args: string[]): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args });
}

/** Chromiums shared by the launches of one test file, one per set of flags; null while not shared. */
let sharedBrowsers: Map<string, Promise<Browser>> | null = null;

async function sharedBrowser(args: string[]): Promise<Browser> {
  const browsers = sharedBrowsers!;
  const key = args.join(' ');
  const existing = await browsers.get(key)?.catch(() => null);
  if (existing?.isConnected()) return existing;
  // None yet, or the last one failed to start or went away: a new one, which the next launches share.
  const launched = launchChromium(args);
  browsers.set(key, launched);
  return launched;
}

/**
 * From now on, launches in this process share one Chromium (starting one costs about a second),
 * each app still in a fresh browser context of its own. Returns the function that closes the
 * shared browsers; call it when the test file is done (useAppPerTest does both).
 */
export function shareBrowserAcrossLaunches(): () => Promise<void> {
  const browsers = (sharedBrowsers ??= new Map<string, Promise<Browser>>());
  return async () => {
    if (sharedBrowsers === browsers) sharedBrowsers = null;
    const open = [...browsers.values()];
    browsers.clear();
    await Promise.all(open.map((browser) => browser.then((b) => b.close()).catch(() => undefined)));
  };
}

interface HarnessWindow {
  __skinledgerHarness: { menu(command: string): void; sessionLocked(): void };
}

function withoutPasswords(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  return Object.fromEntries(Object.entries(input).map(([key, value]) => [key, /password/i.test(key) ? '***' : value]));
}
