// /oc_models: the models as paged buttons in a bot post; a click applies one to the
// conversation's session.
//
// Why a real bot post in the conversation and not an ephemeral one (mattermost-wave2.md §8):
// paging means replacing the buttons, and answering a click on an ephemeral post with
// `update` fails with 404; ephemeral posts are also not stored, so the click verifier could
// not check that our bot wrote the post and that it holds the clicked action. A model change
// applies to the whole conversation's session, so a visible record of who chose what belongs
// there anyway. Only the person who ran /oc_models may press its buttons.
import type { PluginAPI } from '../../mattermost/plugin';
import type { ClickHandler } from '../interactions/click-route';
import { INTERACTIVE_POST_TYPE, showDecided } from '../interactions/decided-post';
import { attachmentsProp, signedAttachment, type ButtonSpec } from '../interactions/signed-buttons';
import type { SigningSecrets } from '../interactions/signing-secrets';
import { applyModel, chosenOption, confirmation, type ApplyDeps } from './apply-model';
import { modelOptions, pageOf, type ModelOption, type ModelSource } from './model-options';

export const MODEL_PICK_KIND = 'model-pick';
export const PAGE_SIZE = 8;
const LIFETIME_MS = 30 * 60_000;
const HEADER = '**OpenClaw models** — choose one for this conversation';

export interface ModelsPostDeps extends ApplyDeps {
  api: Pick<PluginAPI, 'getChannel' | 'createPost' | 'getPost' | 'updatePost' | 'getUser'>;
  lists: ModelSource;
  secrets: Pick<SigningSecrets, 'get'>;
  pluginId: string;
  botUserId(): string;
  now?: () => number;
}

interface PageSpec { requester: string; provider: string; page: number }

function pageButtons(options: readonly ModelOption[], spec: PageSpec): { text: string; buttons: ButtonSpec[] } {
  const shown = pageOf(options, spec.page, PAGE_SIZE);
  const common = { requester: spec.requester, provider: spec.provider };
  const buttons: ButtonSpec[] = shown.items.map((o, i) => ({ id: `m${i}`, name: o.value, data: { ...common, model: o.value } }));
  if (shown.page > 0) buttons.push({ id: 'prev', name: '◀ Previous', data: { ...common, goto: String(shown.page - 1) } });
  if (shown.page < shown.pages - 1) buttons.push({ id: 'next', name: 'Next ▶', data: { ...common, goto: String(shown.page + 1) } });
  const lines = shown.items.map((o) => `- \`${o.value}\`${o.label ? ` — ${o.label}` : ''}`);
  return { text: [`Page ${shown.page + 1} of ${shown.pages}${spec.provider ? ` · provider ${spec.provider}` : ''}`, ...lines].join('\n'), buttons };
}

async function attachment(deps: ModelsPostDeps, channelId: string, options: readonly ModelOption[], spec: PageSpec) {
  const { text, buttons } = pageButtons(options, spec);
  return signedAttachment({
    pluginId: deps.pluginId, secret: await deps.secrets.get('buttons'), kind: MODEL_PICK_KIND, channelId,
    expiresAtMs: (deps.now ?? Date.now)() + LIFETIME_MS, text, buttons,
  });
}

async function offered(deps: ModelsPostDeps, provider: string): Promise<ModelOption[]> {
  const options = (await modelOptions(deps.lists)).filter((o) => !provider || o.provider === provider);
  if (!options.length) throw new Error(provider ? `OpenClaw offers no models of provider "${provider.slice(0, 60)}".` : 'OpenClaw could not list its models right now; try again in a moment.');
  return options;
}

/** Posts the first page; resolves an error sentence for the invoker, or undefined once posted. */
export async function postModels(deps: ModelsPostDeps, at: { userId: string; channelId: string; rootId: string }, provider: string): Promise<string | undefined> {
  let options: ModelOption[];
  try {
    options = await offered(deps, provider);
  } catch (err) {
    return `:x: ${(err as Error).message}`;
  }
  await deps.api.createPost({
    UserId: deps.botUserId(), ChannelId: at.channelId, RootId: at.rootId, Message: HEADER, Type: INTERACTIVE_POST_TYPE,
    Props: { attachments: attachmentsProp([await attachment(deps, at.channelId, options, { requester: at.userId, provider, page: 0 })]) },
  });
  return undefined;
}

export function modelPickHandler(deps: ModelsPostDeps): ClickHandler {
  return {
    kind: MODEL_PICK_KIND,
    authorize: (userId, click) => Promise.resolve(click.context.requester === userId ? undefined
      : 'only the person who ran /oc_models can choose here; run /oc_models yourself.'),
    handle: async (click) => {
      const { context, post } = click;
      const channelId = post.ChannelId ?? '';
      const provider = typeof context.provider === 'string' ? context.provider : '';
      const options = await offered(deps, provider);
      if (typeof context.goto === 'string') {
        // Each page is signed afresh: the click just spent this page's nonce.
        const page = Number(context.goto);
        const next = await attachment(deps, channelId, options, { requester: click.userId, provider, page: Number.isFinite(page) ? page : 0 });
        const current = await deps.api.getPost(post.Id ?? '');
        await deps.api.updatePost({ ...current, Props: { ...current.Props, attachments: attachmentsProp([next]) } });
        return undefined;
      }
      const option = chosenOption(options, context.model);
      const said = await applyModel(deps, { userId: click.userId, channelId, rootId: post.RootId ?? '' }, option, context.nonce);
      const user = await deps.api.getUser(click.userId);
      await showDecided(deps.api, post.Id ?? '', HEADER, {
        outcome: 'selected', label: option.value, by: `@${user.Username ?? click.userId}`, atMs: (deps.now ?? Date.now)(),
      });
      return confirmation(option, said);
    },
  };
}
