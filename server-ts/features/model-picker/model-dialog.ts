// The /oc_model dialog: "provider, then model".
//
// How the two steps work on our servers (11.1 esr pin and 11.4, measured in
// mattermost-wave2.md §7 and read in server/public v0.1.21 integration_action.go):
// a submission request carries no trigger_id, so a submitted provider dialog cannot open a
// second dialog. Instead the provider select has `refresh: true` (11.1+): choosing a provider
// makes the client send a `type: "refresh"` request with the state and current values, and we
// answer `{type: "form", form}` with the model select narrowed to that provider. The model
// select starts with every "provider/model" value, so a client that ignores `refresh` still
// offers the full list, and the submitted value is always the /model argument itself.
import type { Dialog } from '../../mattermost/model/misc';
import { providersOf, type ModelOption } from './model-options';

export const PROVIDER_FIELD = 'provider';
export const MODEL_FIELD = 'model';
/** Mattermost caps a static select's list in the client; more than this would not help anyone. */
const MAX_OPTIONS = 200;

interface OptionJson { text: string; value: string }
interface ElementJson {
  display_name: string; name: string; type: 'select'; default: string; placeholder: string; help_text: string;
  optional: boolean; options: OptionJson[]; refresh?: boolean;
}
/** A dialog as Mattermost's JSON has it (the `form` of a refresh answer). */
export interface DialogJson {
  callback_id: string; title: string; introduction_text: string; elements: ElementJson[];
  submit_label: string; notify_on_cancel: boolean; state: string;
}

export function modelDialog(options: readonly ModelOption[], provider: string | undefined, state: string): DialogJson {
  const providers = providersOf(options);
  const chosen = provider && providers.includes(provider) ? provider : '';
  const models = options.filter((o) => !chosen || o.provider === chosen).slice(0, MAX_OPTIONS);
  return {
    callback_id: 'model', title: 'Choose a model', state, submit_label: 'Use this model', notify_on_cancel: false,
    introduction_text: 'The model applies to this conversation\'s OpenClaw session.',
    elements: [
      { display_name: 'Provider', name: PROVIDER_FIELD, type: 'select', default: chosen, placeholder: 'All providers',
        help_text: 'Pick a provider to narrow the models below.', optional: true, refresh: true,
        options: providers.map((p) => ({ text: p, value: p })) },
      { display_name: 'Model', name: MODEL_FIELD, type: 'select', default: '', placeholder: 'Choose a model', help_text: '', optional: false,
        options: models.map((o) => ({ text: `${chosen ? o.id : o.value}${o.label ? ` — ${o.label}` : ''}`, value: o.value })) },
    ],
  };
}

/** The same dialog as the plugin API's model.Dialog (OpenInteractiveDialog). */
export function gobDialog(d: DialogJson): Dialog {
  return {
    CallbackId: d.callback_id, Title: d.title, IntroductionText: d.introduction_text, SubmitLabel: d.submit_label,
    NotifyOnCancel: d.notify_on_cancel, State: d.state,
    Elements: d.elements.map((e) => ({
      DisplayName: e.display_name, Name: e.name, Type: e.type, Default: e.default, Placeholder: e.placeholder,
      HelpText: e.help_text, Optional: e.optional, Refresh: e.refresh ?? false,
      Options: e.options.map((o) => ({ Text: o.text, Value: o.value })),
    })),
  };
}
