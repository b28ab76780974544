// Registers slash commands with Mattermost. Plugin commands live in server memory, so this
// runs on every activation.
import type { PluginAPI } from '../../mattermost/plugin';
import type { CommandSpec } from './catalog';
import { autocompleteFor } from './autocomplete';

export async function registerCommands(api: PluginAPI, commands: CommandSpec[]): Promise<void> {
  for (const command of commands) {
    await api.registerCommand({
      Trigger: command.trigger,
      DisplayName: 'OpenClaw',
      Description: command.description,
      AutoComplete: true,
      AutoCompleteDesc: command.description,
      AutoCompleteHint: command.hint,
      AutocompleteData: autocompleteFor(command),
    });
  }
}

/** The trigger of "/oc_help foo" is "oc_help". */
export function triggerOf(commandLine: string | undefined): string {
  return (commandLine ?? '').trim().split(/\s+/)[0]?.replace(/^\//, '') ?? '';
}
