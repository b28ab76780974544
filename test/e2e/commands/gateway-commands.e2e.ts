// Issue 11 items 2–4 end to end: the dist/ bundle on a real Mattermost, a real OpenClaw
// gateway in front of the fake model. A skill added to the gateway's workspace becomes
// /oc_<skill>, runs, and goes away when removed; /oc_model, /oc_models and /oc_think get
// the gateway's values through Mattermost's dynamic autocomplete; /oc_stop stops a slow run.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { autocomplete, executeCommand, pluginLog, waitFor } from '../../harness';
import { botPosts, modelInputs, say, useConversationBed, type ConvBed } from '../conversations/bed';
import { runCommand } from '../openclaw/helpers';

jest.setTimeout(300_000);

describe('gateway commands: skills, dynamic autocomplete, /oc_stop', () => {
  const bed = useConversationBed({ DmPolicy: 'open', ChannelPolicy: 'open' });
  let b: ConvBed;
  const figures: Record<string, number> = {};
  beforeAll(() => { b = bed(); });
  afterAll(() => console.log(`gateway commands e2e figures: ${JSON.stringify(figures)}`));

  const channel = () => ({ id: b.world.channel.id, team_id: b.world.team.id });
  const suggestions = async (input: string) =>
    (await autocomplete(b.alice.client, b.world.team.id, b.world.channel.id, input)).map((s) => ({ complete: s.Complete, hint: s.Hint, description: s.Description }));
  const triggers = async (prefix: string) => (await suggestions(prefix)).map((s) => s.complete.split(' ')[0]);

  test('a skill added on the gateway becomes /oc_<skill>, runs there, and disappears when removed', async () => {
    const skillDir = join(b.gw.dir, 'workspace', 'skills', 'e2e-probe');
    mkdirSync(skillDir, { recursive: true });
    writeFileSync(join(skillDir, 'SKILL.md'), '---\nname: e2e-probe\ndescription: Probe skill of the Mattermost e2e suite\n---\n\nAnswer briefly.\n');
    const added = Date.now();
    // The gateway names it e2e_probe (hyphen → underscore); the plugin polls every 15 s.
    await waitFor('/oc_e2e_probe in autocomplete', async () => ((await triggers('/oc_e2e')).includes('oc_e2e_probe') ? true : undefined), 90_000, 500);
    figures.skillAppearedMs = Date.now() - added;
    const [row] = (await suggestions('/oc_e2e')).filter((s) => s.complete.startsWith('oc_e2e_probe'));
    expect(row).toMatchObject({ hint: '[args]', description: 'Probe skill of the Mattermost e2e suite' });
    // The bundled skills came with it; none shadows a command of ours.
    expect(await triggers('/oc_weath')).toContain('oc_weather');

    const from = b.gw.model.requests.length;
    const result = await runCommand(b.alice.client, b.ws.alice, channel(), '/oc_e2e_probe echo: skill-ran-42', 120_000);
    expect(result.first.message).toContain('Asking OpenClaw: `/e2e_probe echo: skill-ran-42`');
    expect(result.answer.message).toBe('skill-ran-42');
    // The gateway ran it as its skill: the model was told to use e2e-probe.
    expect(modelInputs(b.gw, from).some((m) => m.includes('e2e-probe') && m.includes('/e2e_probe echo: skill-ran-42'))).toBe(true);

    rmSync(skillDir, { recursive: true, force: true });
    const removed = Date.now();
    await waitFor('/oc_e2e_probe to leave autocomplete', async () => ((await triggers('/oc_e2e')).includes('oc_e2e_probe') ? undefined : true), 90_000, 500);
    figures.skillGoneMs = Date.now() - removed;
    await expect(executeCommand(b.alice.client, channel(), '/oc_e2e_probe hello')).rejects.toThrow(/not found|Command with a trigger/i);
    expect(await triggers('/oc_weath')).toContain('oc_weather');
    const log = pluginLog(b.mm.logFile ?? '').map((l) => l.msg ?? '');
    expect(log.filter((m) => m.includes('skill commands registered:') && m.includes('/oc_e2e_probe'))).toHaveLength(1);
    expect(log.filter((m) => m === 'commands: skill commands removed: /oc_e2e_probe')).toHaveLength(1);
  });

  test('/oc_model, /oc_models and /oc_think suggest the gateway\'s values through autocomplete_suggestions', async () => {
    const t0 = performance.now();
    const models = await suggestions('/oc_model ');
    figures.modelsFirstMs = Math.round(performance.now() - t0);
    expect(models).toEqual([{ complete: 'oc_model fake/fake-1', hint: '', description: 'Fake Model (default)' }]);
    const t1 = performance.now();
    await suggestions('/oc_model ');
    figures.modelsCachedMs = Math.round(performance.now() - t1);
    // Mattermost keeps only items starting with what was typed.
    expect(await suggestions('/oc_model fake/')).toHaveLength(1);
    expect(await suggestions('/oc_model other')).toEqual([]);
    expect(await suggestions('/oc_models ')).toEqual([{ complete: 'oc_models fake', hint: '', description: '1 model: fake-1' }]);
    // fake-1 is configured without reasoning: the gateway offers only "off" for it.
    expect(await suggestions('/oc_think ')).toEqual([{ complete: 'oc_think off', hint: '', description: 'Thinking level off' }]);
    // The plugin route answers the same list when called directly (as Mattermost does, as the user).
    const res = await fetch(`${b.mm.url}/plugins/openclaw/api/v1/autocomplete/models?user_input=oc_model+&channel_id=${b.world.channel.id}`,
      { headers: { Authorization: `Bearer ${b.alice.token}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ Item: 'fake/fake-1', Hint: '', HelpText: 'Fake Model (default)' }]);
  });

  test('/oc_stop stops the agent\'s slow run in a DM', async () => {
    const dm = { id: b.aliceDm, team_id: b.world.team.id };
    const from = b.gw.model.requests.length;
    const posted = b.ws.alice.events.length;
    await say(b.alice, b.aliceDm, 'slow stream please');
    await waitFor('the model to start the slow reply', async () => (modelInputs(b.gw, from).some((m) => m.includes('slow stream')) ? true : undefined), 120_000, 100);
    const started = Date.now();
    const result = await runCommand(b.alice.client, b.ws.alice, dm, '/oc_stop', 30_000);
    figures.stopAnswerMs = Math.round(result.answerMs);
    expect(result.answer.message).toBe(':octagonal_sign: Stopped the agent\'s run in this conversation.');
    const [line] = await botPosts(b.ws.alice, b.botId, (p) => p.channel_id === b.aliceDm, 1, 30_000, posted);
    expect(line?.message).toBe(':stop_sign: OpenClaw stopped before finishing this reply.');
    // The 40-word answer needs 10 s; it was cut well before.
    expect(Date.now() - started).toBeLessThan(8_000);
    const again = await runCommand(b.alice.client, b.ws.alice, dm, '/oc_stop', 30_000);
    expect(again.answer.message).toBe('Nothing is running in this conversation.');
  });
});
