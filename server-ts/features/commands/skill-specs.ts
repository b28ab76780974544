// Which of the gateway's commands become /oc_<skill> Mattermost commands. Only skills do
// (the gateway's built-ins have their fixed /oc_ names in the catalog). As in OpenClaw's own
// Mattermost channel, a name already starting with oc_ is used as it is.
import type { GatewayCommand } from '../../gateway';
import type { CommandSpec } from './catalog';

// Mattermost accepts more, but autocomplete needs lower case and a trigger must not start
// with "/" or contain spaces; anything outside this set is skipped rather than guessed at.
const VALID_TRIGGER = /^oc_[a-z0-9][a-z0-9_.-]*$/;
const MAX_TRIGGER = 128;
// The description is the autocomplete line; OpenClaw's channel cuts it at 128 bytes too.
const MAX_DESCRIPTION = 128;

export interface SkippedSkill {
  name: string;
  reason: string;
}

export interface SkillSpecs {
  specs: CommandSpec[];
  skipped: SkippedSkill[];
}

export function skillSpecs(commands: readonly GatewayCommand[], reserved: ReadonlySet<string>): SkillSpecs {
  const specs: CommandSpec[] = [];
  const skipped: SkippedSkill[] = [];
  const taken = new Set<string>();
  for (const c of commands) {
    if (c.source !== 'skill') continue;
    const trigger = c.name.startsWith('oc_') ? c.name : `oc_${c.name}`;
    if (!VALID_TRIGGER.test(trigger) || trigger.length > MAX_TRIGGER) {
      skipped.push({ name: c.name, reason: `/${trigger.slice(0, 40)} is not a valid Mattermost trigger (lower-case letters, digits, _ . - only)` });
    } else if (reserved.has(trigger)) {
      skipped.push({ name: c.name, reason: `/${trigger} is one of the plugin's own commands` });
    } else if (taken.has(trigger)) {
      skipped.push({ name: c.name, reason: `/${trigger} is already used by another skill` });
    } else {
      taken.add(trigger);
      specs.push({ trigger, gatewayCommand: c.text, hint: c.acceptsArgs ? '[args]' : '', description: shorten(c.description || `Run skill ${c.name}`) });
    }
  }
  return { specs, skipped };
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= MAX_DESCRIPTION ? oneLine : `${oneLine.slice(0, MAX_DESCRIPTION - 1)}…`;
}
