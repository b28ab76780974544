import { registeredCommands } from './help-commands';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandCatalog, helpText } from './catalog';
import { triggerOf } from './register';

test('triggers are lower-case and unique (Mattermost matches them case-insensitively)', () => {
  const triggers = commandCatalog.map((c) => c.trigger);
  expect(triggers.every((t) => t === t.toLowerCase())).toBe(true);
  expect(new Set(triggers).size).toBe(triggers.length);
});

test('each /oc_x relays to the gateway\'s /x, and fixed choices are what the hint offers', () => {
  for (const c of commandCatalog) {
    expect(c.gatewayCommand).toBe(`/${c.trigger.replace(/^oc_/, '')}`);
    if (c.choices) expect(c.hint).toBe(`[${c.choices.join('|')}]`);
  }
});

test('the README documents exactly the registered commands', () => {
  const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Commands'), readme.indexOf('\n## ', readme.indexOf('## Commands') + 1));
  const documented = new Set([...section.matchAll(/`\/(oc_\w+)/g)].map((m) => m[1]));
  expect([...documented].sort()).toEqual(registeredCommands.map((c) => c.trigger).sort());
});

test('help lists exactly the given commands, each with its hint and description', () => {
  const [think, status] = ['oc_think', 'oc_status'].map((t) => commandCatalog.find((c) => c.trigger === t)!);
  const text = helpText([think]);
  expect(text).toContain(`\`/oc_think ${think.hint}\` — ${think.description}`);
  expect(text).not.toContain(`/${status.trigger}`);
});

test('trigger is the first word without the slash', () => {
  expect(triggerOf('/oc_think  high')).toBe('oc_think');
  expect(triggerOf('/OC_Status')).toBe('oc_status'); // Mattermost matches triggers case-insensitively
  expect(triggerOf('')).toBe('');
});
