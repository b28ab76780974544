// Registers slash commands with Mattermost. Plugin commands live in server memory, so this
// runs on every activation.
import type { PluginAPI } from '../../mattermost/plugin';
import type { CommandSpec } from './catalog';
import { autocompleteFor } from './autocomplete';

/** Registers each command; one rejected registration is logged and does not hide the rest. */
export async function registerCommands(api: Pick<PluginAPI, 'registerCommand' | 'logError'>, commands: readonly CommandSpec[]): Promise<string[]> {
  const failed: string[] = [];
  for (const command of commands) {
    await api.registerCommand({
      Trigger: command.trigger,
      DisplayName: 'OpenClaw',
      Description: command.description,
      AutoComplete: true,
      AutoCompleteDesc: command.description,
      AutoCompleteHint: command.hint,
      AutocompleteData: autocompleteFor(command),
    }).catch(async (err: Error) => {
      failed.push(command.trigger);
      await api.logError(`commands: could not register /${command.trigger}: ${err.message}`);
    });
  }
  return failed;
}

/** The trigger of "/oc_help foo" is "oc_help". */
export function triggerOf(commandLine: string | undefined): string {
  // Mattermost matches triggers case-insensitively but passes the text through as typed.
  return ((commandLine ?? '').trim().split(/\s+/)[0]?.replace(/^\//, '') ?? '').toLowerCase();
}
