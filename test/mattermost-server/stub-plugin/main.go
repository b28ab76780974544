// Stand-in plugin for test-bed self-checks; see go.mod.
package main

import (
	"encoding/json"
	"net/http"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
)

// version is set by the build script from the generated plugin.json.
var version = "0.0.0-stub"

type stub struct {
	plugin.MattermostPlugin
}

func (p *stub) OnActivate() error {
	return p.API.RegisterCommand(&model.Command{
		Trigger:          "oc_help",
		AutoComplete:     true,
		AutoCompleteDesc: "List the OpenClaw commands",
		AutoCompleteHint: "",
		DisplayName:      "OpenClaw help",
	})
}

func (p *stub) ExecuteCommand(_ *plugin.Context, _ *model.CommandArgs) (*model.CommandResponse, *model.AppError) {
	return &model.CommandResponse{
		ResponseType: model.CommandResponseTypeEphemeral,
		Text:         "OpenClaw commands (stub):\n/oc_help - show this list",
	}, nil
}

func (p *stub) ServeHTTP(_ *plugin.Context, w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/api/v1/health" {
		http.NotFound(w, r)
		return
	}
	// The server sets this header only for authenticated requests.
	if r.Header.Get("Mattermost-User-Id") == "" {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{
		"plugin": map[string]string{"id": "openclaw", "version": version},
		"server": map[string]string{"version": p.API.GetServerVersion()},
	})
}

func main() {
	plugin.ClientMain(&stub{})
}
