// Every /oc_* command the plugin offers, with the hints Mattermost shows in autocomplete.
// Gateway-relayed commands map 1:1 onto the gateway's own slash commands.
export interface CommandSpec {
  trigger: string;
  /** The gateway slash command this relays to. */
  gatewayCommand?: string;
  hint: string;
  description: string;
  /** Fixed first-argument values, offered as an autocomplete list. */
  choices?: string[];
  /** A first argument whose values the gateway knows, fetched as the user types (dynamic autocomplete). */
  list?: AutocompleteList;
}

/** The dynamic lists the plugin answers under /api/v1/autocomplete/<list>. */
export const AUTOCOMPLETE_LISTS = ['models', 'providers', 'thinking'] as const;
export type AutocompleteList = (typeof AUTOCOMPLETE_LISTS)[number];

export const commandCatalog: CommandSpec[] = [
  { trigger: 'oc_help', gatewayCommand: '/help', hint: '', description: 'Show available commands' },
  { trigger: 'oc_status', gatewayCommand: '/status', hint: '', description: 'Show session status (model, usage, uptime)' },
  { trigger: 'oc_model', gatewayCommand: '/model', hint: '[model-name]', description: 'View or change the current model', list: 'models' },
  { trigger: 'oc_models', gatewayCommand: '/models', hint: '[provider]', description: 'Browse available models', list: 'providers' },
  { trigger: 'oc_new', gatewayCommand: '/new', hint: '', description: 'Start a new conversation session' },
  { trigger: 'oc_think', gatewayCommand: '/think', hint: '[off|low|medium|high]', description: 'Set thinking/reasoning level', list: 'thinking' },
  { trigger: 'oc_reasoning', gatewayCommand: '/reasoning', hint: '[on|off]', description: 'Toggle reasoning mode', choices: ['on', 'off'] },
  { trigger: 'oc_verbose', gatewayCommand: '/verbose', hint: '[on|off]', description: 'Toggle verbose mode', choices: ['on', 'off'] },
  { trigger: 'oc_queue', gatewayCommand: '/queue', hint: '[steer|followup|collect|interrupt]', description: 'Adjust active-run queue behavior', choices: ['steer', 'followup', 'collect', 'interrupt'] },
];

export function helpText(available: readonly CommandSpec[]): string {
  const lines = available.map((c) => `- \`/${c.trigger}${c.hint ? ` ${c.hint}` : ''}\` — ${c.description}`);
  return ['#### OpenClaw commands', ...lines].join('\n');
}
