import { commandCatalog, helpText } from './catalog';
import { triggerOf } from './register';

test('the nine oc_* commands are catalogued once each', () => {
  const triggers = commandCatalog.map((c) => c.trigger).sort();
  expect(triggers).toEqual(['oc_help', 'oc_model', 'oc_models', 'oc_new', 'oc_queue', 'oc_reasoning', 'oc_status', 'oc_think', 'oc_verbose']);
});

test('help lists every given command with its hint', () => {
  const text = helpText(commandCatalog);
  for (const c of commandCatalog) expect(text).toContain(`/${c.trigger}`);
  expect(text).toContain('/oc_think [off|low|medium|high]');
});

test('trigger is the first word without the slash', () => {
  expect(triggerOf('/oc_think  high')).toBe('oc_think');
  expect(triggerOf('/OC_Status')).toBe('oc_status'); // Mattermost matches triggers case-insensitively
  expect(triggerOf('')).toBe('');
});
