import { contextBridge, ipcRenderer } from 'electron';
import { bridgeGlobalName } from '../../shared/contract/bridge';
import { createBridge } from './bridge';

// Sandboxed preload: bundled into one CommonJS file, no npm requires at run time.
contextBridge.exposeInMainWorld(bridgeGlobalName, createBridge(ipcRenderer));
