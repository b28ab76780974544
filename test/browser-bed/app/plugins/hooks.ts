// Running plugin hooks the way Mattermost does. Slash command hooks (actions/hooks.ts
// runSlashCommandWillBePostedHooks) run in registration order; each may pass the command on
// ({message, args}), swallow it ({}) or reject it ({error: {message}}).
import type { CommandArgs } from '@mattermost/types/integrations';
import { store } from '../store/store';

type HookResult = { message?: string; args?: CommandArgs; error?: { message: string } } | undefined;
type SlashHook = (message: string, args: CommandArgs) => HookResult | Promise<HookResult>;

/** The command to run after the hooks, or undefined when a hook swallowed it; throws when one rejects it. */
export async function runSlashCommandHooks(message: string, args: CommandArgs): Promise<{ message: string; args: CommandArgs } | undefined> {
  let current = { message, args };
  for (const registration of store.getState().plugins.components.SlashCommandWillBePosted ?? []) {
    const result = await (registration.hook as SlashHook)(current.message, current.args);
    if (result?.error) throw new Error(result.error.message);
    if (!result?.message) return undefined;
    current = { message: result.message, args: result.args ?? current.args };
  }
  return current;
}
