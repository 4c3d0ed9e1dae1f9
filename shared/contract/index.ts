export * from './access';
export * from './channels';
export * from '../errors';
