// GET /api/v1/autocomplete/<list>: Mattermost's dynamic autocomplete calls it as the typing
// user (Mattermost-User-Id), with the conversation in the query. It answers a JSON array of
// {Item, Hint, HelpText}; anything it cannot use gets an empty list, never an error page,
// since Mattermost would only log the error and show nothing either way.
import { z } from 'zod';
import type { PluginAPI } from '../../mattermost/plugin';
import type { Route } from '../http/router';
import { sessionKeyFor } from '../conversations/session-key';
import type { AutocompleteLists } from './autocomplete-lists';
import type { AutocompleteList } from './catalog';

const Id = z.string().regex(/^[a-z0-9]{26}$/);
const Query = z.object({ channel_id: Id, root_id: z.union([Id, z.literal('')]).optional() });

export interface AutocompleteRouteDeps {
  api: Pick<PluginAPI, 'getChannel' | 'getChannelMember'>;
  lists: AutocompleteLists;
  agentId(): string;
  logDebug(message: string): void;
}

export function autocompleteRoute(deps: AutocompleteRouteDeps, list: AutocompleteList): Route {
  return async (_ctx, req, res) => {
    let sessionKey = '';
    if (list === 'thinking') {
      const query = Query.safeParse(Object.fromEntries(req.query));
      if (!query.success) return res.json(200, []);
      try {
        // A session's levels say which model it runs: only people in the conversation learn them.
        const member = await deps.api.getChannelMember(query.data.channel_id, req.userId ?? '');
        if (member.UserId !== req.userId) return res.json(200, []);
        const channel = await deps.api.getChannel(query.data.channel_id);
        sessionKey = sessionKeyFor(deps.agentId(), {
          channelId: query.data.channel_id, channelType: channel.Type ?? 'O', userId: req.userId ?? '', rootId: query.data.root_id || undefined,
        });
      } catch (err) {
        deps.logDebug(`autocomplete ${list}: ${(err as Error).message}`);
        return res.json(200, []);
      }
    }
    res.json(200, await deps.lists.items(list, sessionKey));
  };
}
