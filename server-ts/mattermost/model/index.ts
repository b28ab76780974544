// Mattermost model structs: each declared once as a gob schema whose TypeScript type is inferred.
import './interfaces';

export * from './app-error';
export * from './attachment';
export * from './channel';
export * from './command';
export * from './context';
export * from './file';
export * from './misc';
export * from './post';
export * from './push';
export * from './reaction';
export * from './team';
export * from './user';
export { MATTERMOST_INTERFACE_TYPES } from './interfaces';
