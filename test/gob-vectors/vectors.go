package main

import (
	"math"
	"net/http"
	"net/rpc"
	"net/url"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
)

// Shapes of Mattermost's generated RPC argument structs (plugin/client_rpc_generated.go).
type ZUpdatePostReturns struct {
	A *model.Post
	B *model.AppError
}

type ZErrorReturns struct {
	A any
	B error
}

// The pre-10.7 ServeHTTP args, which drag the whole *http.Request type graph onto the stream.
type ZServeHTTPArgsLegacy struct {
	ResponseWriterStream uint32
	Request              *http.Request
	Context              *plugin.Context
	RequestBodyStream    uint32
}

type Opaques struct {
	When  time.Time
	Where *url.URL
	Zero  time.Time
}

type Point struct{ X, Y int }

type Tree struct {
	Name     string
	Children []*Tree
	Meta     map[int32]string
}

type Scalars struct {
	B   bool
	I8  int8
	I64 int64
	U8  uint8
	U64 uint64
	F32 float32
	F64 float64
	C   complex128
	S   string
	Raw []byte
	Arr [3]uint8
	Sl  []int
	Em  map[string]bool
	Nil map[string]bool
	Ptr *int
}

type vector struct {
	name        string
	description string
	values      []any
}

func samplePost() *model.Post {
	return &model.Post{
		Id: "p1d7x9ykdpgxjcs6q8b3wb1tqa", CreateAt: 1700000000123, UpdateAt: 1700000000456,
		UserId: "u5xwudkqepb7dbe4f3cdh8nqdw", ChannelId: "c3j8sm7ofjfu7e5fjq1n4mfqsr",
		Message: "Hello **world** – ünïcödé 🎉", Type: "custom_openclaw", IsPinned: true,
		Props: model.StringInterface{
			"from_bot":      "true",
			"count":         int64(42),
			"ratio":         0.25,
			"flag":          true,
			"list":          []any{"a", int64(-1), 2.5, nil, map[string]any{"nested": "yes"}},
			"obj":           map[string]any{"k": "v", "n": int64(7), "deep": []any{[]any{"x"}}},
			"attachments":   attachments(),
			"big":           int64(math.MaxInt64),
			"raw":           []byte{0, 1, 2, 254, 255},
			"strings_typed": []string{"s1", "s2"},
		},
		Hashtags: "#one #two", FileIds: model.StringArray{"f1", "f2"},
		ReplyCount: 3, LastReplyAt: 1700000009999,
	}
}

func attachments() []*model.SlackAttachment {
	return []*model.SlackAttachment{{
		Id: 1, Fallback: "fallback", Color: "#FF0000", Title: "Choose", Text: "Pick one",
		Fields: []*model.SlackAttachmentField{
			{Title: "Short", Value: "value", Short: true},
			{Title: "Number", Value: int64(5)},
		},
		Timestamp: int64(1700000000),
		Actions: []*model.PostAction{
			{
				Id: "approve", Type: model.PostActionTypeButton, Name: "Approve", Style: "primary",
				Integration: &model.PostActionIntegration{
					URL: "/plugins/openclaw/actions/approve",
					Context: map[string]any{"request_id": "r-1", "attempt": int64(2), "ok": true,
						"tags": []any{"x", "y"}},
				},
			},
			{
				Id: "pick", Type: model.PostActionTypeSelect, Name: "Pick",
				Options: []*model.PostActionOptions{{Text: "One", Value: "1"}, {Text: "Two", Value: "2"}},
				Integration: &model.PostActionIntegration{URL: "/plugins/openclaw/actions/pick",
					Context: map[string]any{}},
			},
		},
	}}
}

func sampleConfig() *model.Config {
	c := &model.Config{}
	c.SetDefaults()
	c.ServiceSettings.SiteURL = model.NewPointer("https://chat.example.com")
	c.PluginSettings.Plugins = map[string]map[string]any{
		"openclaw": {"gatewayurl": "http://127.0.0.1:7000", "enabled": true, "retries": float64(3)},
	}
	return c
}

func sampleManifest() *model.Manifest {
	return &model.Manifest{
		Id: "openclaw", Name: "OpenClaw", Version: "0.1.0", MinServerVersion: "9.11.0",
		Server: &model.ManifestServer{Executables: map[string]string{"linux-amd64": "server/dist/plugin-linux-amd64"}},
		SettingsSchema: &model.PluginSettingsSchema{
			Header: "Settings",
			Settings: []*model.PluginSetting{
				{Key: "GatewayURL", DisplayName: "Gateway URL", Type: "text", Default: "http://localhost:7000"},
				{Key: "Enabled", Type: "bool", Default: true},
				{Key: "Mode", Type: "dropdown", Default: "a", Options: []*model.PluginOption{
					{DisplayName: "A", Value: "a"}, {DisplayName: "B", Value: "b"}}},
			},
		},
		Props: map[string]any{"support": "none", "n": float64(1.5)},
	}
}

func legacyServeHTTP() ZServeHTTPArgsLegacy {
	u, _ := url.Parse("/api/v1/hook?x=1&y=%20z")
	return ZServeHTTPArgsLegacy{
		ResponseWriterStream: 7,
		Request: &http.Request{
			Method: "POST", URL: u, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
			Header: http.Header{"Content-Type": {"application/json"}, "X-Multi": {"a", "b"}},
			Host:   "chat.example.com", RemoteAddr: "10.0.0.1:5555", RequestURI: "/plugins/openclaw/api/v1/hook?x=1&y=%20z",
		},
		Context:           &plugin.Context{SessionId: "s1", RequestId: "r1", IPAddress: "10.0.0.1", UserAgent: "curl"},
		RequestBodyStream: 9,
	}
}

func vectors() []vector {
	minusOne := -1
	return []vector{
		{"point", "the worked example from encoding/gob's documentation", []any{Point{22, 33}}},
		{"singletons", "top-level non-struct values on one stream", []any{
			true, false, int64(-1), int64(math.MaxInt64), int64(math.MinInt64), uint64(math.MaxUint64),
			uint32(1), 17.0, -0.5, math.Inf(1), "héllo", "", []byte("bytes"), []string{"a", "b"},
			map[string]string{"k": "v"}, map[int]string{3: "three", -1: "minus"}, complex(1.5, -2),
			[3]int{1, 2, 3}, []any{"x", int64(1), nil}, map[string]any{"a": true},
		}},
		{"scalars", "struct with every scalar kind, zero and non-zero", []any{
			Scalars{B: true, I8: -8, I64: -1 << 40, U8: 200, U64: 1<<64 - 1, F32: 1.5, F64: math.Pi,
				C: complex(0, 1), S: "s", Raw: []byte{1, 2}, Arr: [3]uint8{0, 9, 0}, Sl: []int{0, -1, 1 << 62},
				Em: map[string]bool{}, Ptr: &minusOne},
			Scalars{},
		}},
		{"rpc_request", "net/rpc request header followed by args", []any{
			rpc.Request{ServiceMethod: "Plugin.OnActivate", Seq: 0},
			struct{}{},
			rpc.Request{ServiceMethod: "Plugin.ExecuteCommand", Seq: 1 << 40},
		}},
		{"rpc_response", "net/rpc response headers, with and without error", []any{
			rpc.Response{ServiceMethod: "Plugin.OnActivate", Seq: 3},
			rpc.Response{ServiceMethod: "Plugin.Nope", Seq: 4, Error: "rpc: can't find method Plugin.Nope"},
		}},
		{"post", "model.Post with attachments and mixed props (interfaces spanning messages)", []any{samplePost()}},
		{"post_twice", "the same post sent twice on one stream: no second set of definitions", []any{samplePost(), samplePost()}},
		{"command_args", "model.CommandArgs", []any{&model.CommandArgs{
			UserId: "u1", ChannelId: "c1", TeamId: "t1", RootId: "r1", TriggerId: "tr1", Command: "/claw ask hi",
			SiteURL: "https://chat.example.com", UserMentions: model.UserMentionMap{"bob": "u2"},
			ChannelMentions: model.ChannelMentionMap{},
		}}},
		{"command_response", "model.CommandResponse with recursive ExtraResponses", []any{&model.CommandResponse{
			ResponseType: model.CommandResponseTypeEphemeral, Text: "done", Props: model.StringInterface{"a": "b"},
			Attachments: attachments(),
			ExtraResponses: []*model.CommandResponse{{Text: "extra", ExtraResponses: []*model.CommandResponse{{Text: "deeper"}}}},
		}}},
		{"app_error", "*model.AppError as a plain struct", []any{model.NewAppError("Plugin.X", "app.err.id", map[string]any{"a": 1}, "details", http.StatusBadRequest)}},
		{"plugin_context", "plugin.Context", []any{&plugin.Context{SessionId: "s", RequestId: "r", IPAddress: "1.2.3.4", AcceptLanguage: "en", UserAgent: "ua"}}},
		{"manifest", "model.Manifest with settings whose Default is an interface", []any{sampleManifest()}},
		{"config", "model.Config with defaults: a huge type graph", []any{sampleConfig()}},
		{"z_update_post_returns", "Z_*Returns with a post and a nil *AppError", []any{ZUpdatePostReturns{A: samplePost()}}},
		{"z_error_returns", "error interfaces carrying *model.AppError and *plugin.ErrorString", []any{
			ZErrorReturns{A: "x", B: model.NewAppError("W", "id", nil, "", 500)},
			ZErrorReturns{B: &plugin.ErrorString{Code: 1, Err: "EOF"}},
			ZErrorReturns{A: &model.AutocompleteTextArg{Hint: "h", Pattern: "p"}},
			ZErrorReturns{},
		}},
		{"nested_interfaces", "interfaces inside interfaces, each new concrete type flushing a message", []any{
			map[string]any{"outer": []any{map[string]any{"atts": attachments(), "err": &plugin.ErrorString{Code: 2}}}},
			map[string]any{"again": attachments()},
		}},
		{"opaques", "GobEncoder (time.Time) and BinaryMarshaler (url.URL) fields", []any{Opaques{
			When: time.Date(2024, 2, 29, 12, 30, 45, 123456789, time.UTC), Where: &url.URL{Scheme: "https", Host: "x.y", Path: "/a b", RawQuery: "q=1"},
		}}},
		{"recursive", "recursive struct type with non-string map keys", []any{Tree{Name: "root", Children: []*Tree{
			{Name: "a", Meta: map[int32]string{1: "one"}}, {Name: "b", Children: []*Tree{{Name: "b1"}}},
		}}}},
		{"serve_http_legacy", "pre-10.7 Z_ServeHTTPArgs carrying the whole *http.Request type graph", []any{legacyServeHTTP()}},
	}
}

