package harness

import "github.com/mattermost/mattermost/server/public/model"

// Calls with no answer but their effect elsewhere (websocket, cluster): recorded.

// Typing is one PublishUserTyping call.
type Typing struct{ UserID, ChannelID, ParentID string }

// ClusterSend is one PublishPluginClusterEvent call.
type ClusterSend struct {
	Event   model.PluginClusterEvent
	Options model.PluginClusterEventSendOptions
}

func (a *API) PublishUserTyping(userID, channelID, parentID string) *model.AppError {
	a.store.count("PublishUserTyping")
	a.store.mu.Lock()
	defer a.store.mu.Unlock()
	a.store.rec.typing = append(a.store.rec.typing, Typing{userID, channelID, parentID})
	return nil
}

func (a *API) PublishPluginClusterEvent(ev model.PluginClusterEvent, opts model.PluginClusterEventSendOptions) error {
	a.store.count("PublishPluginClusterEvent")
	a.store.mu.Lock()
	defer a.store.mu.Unlock()
	a.store.rec.cluster = append(a.store.rec.cluster, ClusterSend{ev, opts})
	return nil
}
