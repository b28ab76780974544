// Everything /oc_help lists and the plugin registers: the commands relayed to the gateway and
// the plugin's own (answered here, never by the gateway).
import { commandCatalog, type CommandSpec } from './catalog';
import { pairingCommandSpec } from './pairing-command';
import { stopCommandSpec } from './stop-command';

export const registeredCommands: readonly CommandSpec[] = [...commandCatalog, stopCommandSpec, pairingCommandSpec];
