// Every /oc_* command the plugin offers, with the hints Mattermost shows in autocomplete.
// Gateway-relayed commands map 1:1 onto the gateway's own slash commands.
export interface CommandSpec {
  trigger: string;
  /** The gateway slash command this relays to; absent for commands answered locally. */
  gatewayCommand?: string;
  hint: string;
  description: string;
}

export const commandCatalog: CommandSpec[] = [
  { trigger: 'oc_help', hint: '', description: 'List the OpenClaw commands' },
  { trigger: 'oc_status', gatewayCommand: '/status', hint: '', description: 'Show the agent session status: model, tokens, queue' },
  { trigger: 'oc_model', gatewayCommand: '/model', hint: '[model]', description: 'Show or switch the model of this conversation' },
  { trigger: 'oc_models', gatewayCommand: '/models', hint: '[provider]', description: 'List the available models' },
  { trigger: 'oc_new', gatewayCommand: '/new', hint: '[model]', description: 'Start a fresh session for this conversation' },
  { trigger: 'oc_think', gatewayCommand: '/think', hint: '[off|minimal|low|medium|high]', description: 'Set the thinking level' },
  { trigger: 'oc_reasoning', gatewayCommand: '/reasoning', hint: '[on|off|stream]', description: 'Show or hide the model reasoning' },
  { trigger: 'oc_verbose', gatewayCommand: '/verbose', hint: '[on|off]', description: 'Toggle verbose tool output' },
  { trigger: 'oc_queue', gatewayCommand: '/queue', hint: '[mode]', description: 'Show or change how new messages queue while the agent works' },
];

export function helpText(available: CommandSpec[]): string {
  const lines = available.map((c) => `- \`/${c.trigger}${c.hint ? ` ${c.hint}` : ''}\` — ${c.description}`);
  return ['#### OpenClaw commands', ...lines].join('\n');
}
