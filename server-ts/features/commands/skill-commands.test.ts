// The skill command sync against a fake gateway link and a fake Mattermost API.
import type { GatewayCommand, GatewayLink } from '../../gateway';
import type { Command } from '../../mattermost/model/command';
import type { PluginAPI } from '../../mattermost/plugin';
import type { ServerLogger } from '../logging/server-logger';
import { SkillCommands } from './skill-commands';
import { skillCommandsEnabled } from './skill-setting';

const skill = (name: string, description = `Skill ${name}`): GatewayCommand => ({ name, text: `/${name}`, description, source: 'skill', acceptsArgs: true });
const NATIVE: GatewayCommand = { name: 'status', text: '/status', description: 'Show status', source: 'native', acceptsArgs: false };

function setup() {
  let commands: GatewayCommand[] = [];
  let failNext: Error | undefined;
  const mm = new Map<string, Command>();
  const lines: string[] = [];
  const link = {
    state: { status: 'connected' },
    commandsList: async (agentId: string) => {
      if (agentId !== 'main') throw new Error(`unexpected agent ${agentId}`);
      if (failNext) { const e = failNext; failNext = undefined; throw e; }
      return commands;
    },
  };
  const api = {
    registerCommand: async (c: Command) => {
      if (c.Trigger === 'oc_broken') throw new Error('invalid autocomplete data');
      mm.set(c.Trigger ?? '', c);
    },
    unregisterCommand: async (teamId: string, trigger: string) => { if (teamId === '') mm.delete(trigger); },
    logError: async (m: string) => { lines.push(`error ${m}`); },
  } as unknown as PluginAPI;
  const log = { debug: () => undefined, info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`), error: (m: string) => lines.push(`error ${m}`) } as ServerLogger;
  const skills = new SkillCommands({ api, link: () => link as unknown as GatewayLink, agentId: () => 'main', reserved: new Set(['oc_status', 'oc_stop']), log });
  return {
    skills, mm, lines, link,
    gateway: (list: GatewayCommand[]) => { commands = list; },
    failOnce: (e: Error) => { failNext = e; },
  };
}

describe('skill commands', () => {
  test('each skill becomes /oc_<skill> with its description and an [args] hint; built-ins are not touched', async () => {
    const t = setup();
    t.gateway([NATIVE, skill('weather', 'Current weather and forecasts'), skill('oc_deploy')]);
    await t.skills.refresh();
    expect([...t.mm.keys()].sort()).toEqual(['oc_deploy', 'oc_weather']);
    expect(t.mm.get('oc_weather')).toMatchObject({ Trigger: 'oc_weather', Description: 'Current weather and forecasts', AutoCompleteHint: '[args]',
      AutocompleteData: { Trigger: 'oc_weather', RoleID: 'system_user' } });
    expect(t.skills.find('oc_weather')).toMatchObject({ gatewayCommand: '/weather' });
    expect(t.skills.find('oc_deploy')).toMatchObject({ gatewayCommand: '/oc_deploy' });
    expect(t.lines).toContain('info skill commands registered: /oc_weather /oc_deploy');
  });

  test('a removed skill is unregistered; an unchanged one is not registered again', async () => {
    const t = setup();
    t.gateway([skill('weather'), skill('tmux')]);
    await t.skills.refresh();
    const before = t.mm.get('oc_weather');
    t.gateway([skill('weather')]);
    await t.skills.refresh();
    expect([...t.mm.keys()]).toEqual(['oc_weather']);
    expect(t.mm.get('oc_weather')).toBe(before);
    expect(t.skills.find('oc_tmux')).toBeUndefined();
    expect(t.lines).toContain('info skill commands removed: /oc_tmux');
  });

  test('clashing and invalid names are skipped with one log line each, however often the list is read', async () => {
    const t = setup();
    t.gateway([skill('status'), skill('Weather Now'), skill('stop'), skill('x'.repeat(130)), skill('ok')]);
    await t.skills.refresh();
    await t.skills.refresh();
    expect([...t.mm.keys()]).toEqual(['oc_ok']);
    const warnings = t.lines.filter((l) => l.startsWith('warn'));
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toBe('warn skill "status" has no Mattermost command: /oc_status is one of the plugin\'s own commands');
    expect(warnings[1]).toContain('skill "Weather Now" has no Mattermost command: /oc_Weather Now is not a valid Mattermost trigger');
  });

  test('a registration Mattermost refuses is logged and retried on the next read; the others stand', async () => {
    const t = setup();
    t.gateway([skill('broken'), skill('ok')]);
    await t.skills.refresh();
    expect([...t.mm.keys()]).toEqual(['oc_ok']);
    expect(t.skills.find('oc_broken')).toBeUndefined();
    expect(t.lines).toContain('error commands: could not register /oc_broken: invalid autocomplete data');
  });

  test('a failed read keeps the commands; a disconnected link changes nothing', async () => {
    const t = setup();
    t.gateway([skill('weather')]);
    await t.skills.refresh();
    t.failOnce(new Error('timeout'));
    await t.skills.refresh();
    expect([...t.mm.keys()]).toEqual(['oc_weather']);
    t.link.state = { status: 'connecting' };
    t.gateway([]);
    await t.skills.refresh();
    expect([...t.mm.keys()]).toEqual(['oc_weather']);
  });

  test('the setting off removes every skill command; on brings them back', async () => {
    const t = setup();
    t.gateway([skill('weather')]);
    await t.skills.refresh();
    await t.skills.setEnabled(false);
    expect(t.mm.size).toBe(0);
    expect(t.skills.list()).toEqual([]);
    await t.skills.setEnabled(true);
    expect([...t.mm.keys()]).toEqual(['oc_weather']);
  });
});

test('the SkillCommands setting defaults to on and reads booleans in either form', () => {
  expect(skillCommandsEnabled({})).toBe(true);
  expect(skillCommandsEnabled(undefined)).toBe(true);
  expect(skillCommandsEnabled({ SkillCommands: false })).toBe(false);
  expect(skillCommandsEnabled({ skillcommands: 'false' })).toBe(false);
  expect(skillCommandsEnabled({ SkillCommands: 'nonsense' })).toBe(true);
});
