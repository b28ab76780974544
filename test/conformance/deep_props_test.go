package conformance

import (
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
)

// deepPropsLevels is how deep the props of TestDeepProps nest. Any user can create such a
// post through the REST API: the server's encoding/json accepts up to 10,000 levels.
const deepPropsLevels = 5000

// deepProps nests maps, with a list every fourth level, as encoding/json decodes them.
func deepProps(depth int) any {
	var v any = "leaf"
	for i := depth - 1; i >= 0; i-- {
		if i%4 == 2 {
			v = []any{v, "x"}
		} else {
			v = map[string]any{"a": v, "n": float64(i)}
		}
	}
	return v
}

// TestDeepProps: MessageHasBeenPosted with props nesting 5,000 levels reaches the plugin,
// and the hooks stream it came on keeps answering the hooks after it.
func TestDeepProps(t *testing.T) {
	for _, p := range pluginsUnderTest(t) {
		t.Run(p.name, func(t *testing.T) {
			s := &suite{host: newHost(t)}
			if err := s.host.Install(pluginID, p.exe); err != nil {
				t.Fatal(err)
			}
			s.store = s.host.Store(pluginID)
			t.Cleanup(s.host.Shutdown)
			if _, err := s.host.Activate(pluginID); err != nil {
				t.Fatalf("Activate: %v", err)
			}
			ctx := &plugin.Context{RequestId: model.NewId()}
			deep := &model.Post{Id: model.NewId(), ChannelId: model.NewId(), UserId: model.NewId(), Message: "deep props",
				Props: model.StringInterface{"deep": deepProps(deepPropsLevels)}}
			s.runHook(t, plugin.MessageHasBeenPostedID, func(h plugin.Hooks) { h.MessageHasBeenPosted(ctx, deep) })
			wantFields(t, waitHookLog(t, s.store, "MessageHasBeenPosted", 1), map[string]string{"post_id": deep.Id, "message": deep.Message})

			args := &model.CommandArgs{Command: "/conf after deep props", UserId: model.NewId(), ChannelId: model.NewId()}
			resp, appErr := s.hooksClient(t).ExecuteCommand(ctx, args)
			if appErr != nil {
				t.Fatal(appErr)
			}
			if resp == nil || resp.Text != "conf:"+args.Command {
				t.Fatalf("ExecuteCommand after the deep post = %+v", resp)
			}
			next := &model.Post{Id: model.NewId(), ChannelId: deep.ChannelId, UserId: deep.UserId, Message: "next"}
			s.runHook(t, plugin.MessageHasBeenPostedID, func(h plugin.Hooks) { h.MessageHasBeenPosted(ctx, next) })
			wantFields(t, waitHookLog(t, s.store, "MessageHasBeenPosted", 2), map[string]string{"post_id": next.Id})
		})
	}
}
