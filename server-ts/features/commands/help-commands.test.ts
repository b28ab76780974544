import { helpText, commandCatalog } from './catalog';
import { registeredCommands } from './help-commands';

test('/oc_help names every command the plugin registers, the gateway ones and its own', () => {
  const help = helpText(registeredCommands);
  for (const c of registeredCommands) expect(help).toContain(`\`/${c.trigger}`);
  expect(registeredCommands.length).toBeGreaterThan(commandCatalog.length);
  expect(help).toContain('`/oc_pairing');
});
