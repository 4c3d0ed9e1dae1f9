import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { channels } from '../../../shared/contract';
import { ipcChannelPrefix, menuEventChannel, sessionLockedEventChannel, type MenuCommand } from '../../../shared/contract/bridge';
import { createBridge, type RendererIpc } from '../../../main/preload/bridge';

function fakeIpc(answer: (channel: string, input: unknown) => Promise<unknown> = async () => ({ ok: true, value: { done: true } })) {
  const calls: { channel: string; input: unknown }[] = [];
  const events = new EventEmitter();
  const ipc: RendererIpc = {
    invoke: (channel, input) => {
      calls.push({ channel, input });
      return answer(channel, input);
    },
    on: (channel, listener) => events.on(channel, listener),
    removeListener: (channel, listener) => events.removeListener(channel, listener),
  };
  return { ipc, calls, events };
}

describe('the preload bridge (window.skinledger)', () => {
  it('forwards every contract channel with its prefix', async () => {
    const { ipc, calls } = fakeIpc();
    const bridge = createBridge(ipc);
    for (const channel of channels) await bridge.invoke(channel, {} as never);
    expect(calls.map((call) => call.channel)).toEqual(channels.map((channel) => ipcChannelPrefix + channel));
  });

  it.each(['staff.drop', 'constructor', '__proto__', 'toString', '', 'skinledger:app.status', 'app.status '])('refuses %j without calling main', async (name) => {
    const { ipc, calls } = fakeIpc();
    const result = await createBridge(ipc).invoke(name as never, {} as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(calls).toHaveLength(0);
  });

  it('turns a failed call into a result the screen can show, not a thrown error', async () => {
    const { ipc } = fakeIpc(() => Promise.reject(new Error('Error invoking remote method: /home/x/secret')));
    const result = await createBridge(ipc).invoke('app.status', {});
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it('delivers known menu commands only, without the Electron event, and unsubscribes', () => {
    const { ipc, events } = fakeIpc();
    const seen: unknown[][] = [];
    const stop = createBridge(ipc).onMenu((...args: [MenuCommand]) => seen.push(args));
    const electronEvent = { sender: { send: () => undefined } };
    events.emit(menuEventChannel, electronEvent, 'lock');
    events.emit(menuEventChannel, electronEvent, 'format-disk');
    events.emit(menuEventChannel, electronEvent, 'about');
    stop();
    events.emit(menuEventChannel, electronEvent, 'lock');
    expect(seen).toEqual([['lock'], ['about']]);
    expect(events.listenerCount(menuEventChannel)).toBe(0);
  });

  it('tells the page when main locked the session', () => {
    const { ipc, events } = fakeIpc();
    let locked = 0;
    const stop = createBridge(ipc).onSessionLocked((...args: unknown[]) => {
      expect(args).toEqual([]);
      locked += 1;
    });
    events.emit(sessionLockedEventChannel, { sender: {} });
    stop();
    events.emit(sessionLockedEventChannel, { sender: {} });
    expect(locked).toBe(1);
  });

  it('exposes functions only, nothing of ipcRenderer', () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onMenu', 'onSessionLocked']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });
});
