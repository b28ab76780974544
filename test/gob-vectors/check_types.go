package main

import (
	"net/rpc"
	"runtime"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
)

func goVersion() string { return runtime.Version() }

type emptyReply struct{}

// Targets the check mode can decode into; each returns a pointer to a fresh value.
var checkTypes = map[string]func() any{
	"rpc_request":      func() any { return new(rpc.Request) },
	"rpc_response":     func() any { return new(rpc.Response) },
	"empty":            func() any { return new(emptyReply) },
	"post":             func() any { return new(model.Post) },
	"command_args":     func() any { return new(model.CommandArgs) },
	"command_response": func() any { return new(model.CommandResponse) },
	"app_error":        func() any { return new(model.AppError) },
	"plugin_context":   func() any { return new(plugin.Context) },
	"manifest":         func() any { return new(model.Manifest) },
	"config":           func() any { return new(model.Config) },
	"z_update_post":    func() any { return new(ZUpdatePostReturns) },
	"z_error_returns":  func() any { return new(ZErrorReturns) },
	"opaques":          func() any { return new(Opaques) },
	"scalars":          func() any { return new(Scalars) },
	"tree":             func() any { return new(Tree) },
	"props":            func() any { return new(map[string]any) },
	"any":              func() any { return new(any) },
	"string":           func() any { return new(string) },
	"bool":             func() any { return new(bool) },
	"int64":            func() any { return new(int64) },
	"uint64":           func() any { return new(uint64) },
	"float64":          func() any { return new(float64) },
	"bytes":            func() any { return new([]byte) },
	"strings":          func() any { return new([]string) },
}
