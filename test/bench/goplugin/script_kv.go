package main

import (
	"net/http"

	"github.com/mattermost/mattermost/server/public/model"
)

// KVCompareAndSet / KVSetWithOptions steps (kv-script.ts).

// text is a KV value as the script reports it: a string, or nil when absent.
func text(b []byte) any {
	if b == nil {
		return nil
	}
	return string(b)
}

func (p *confPlugin) kvScript(s *script) {
	set := func(step, key string, old, value []byte) {
		ok, err := p.API.KVCompareAndSet(key, old, value)
		s.app(step, ok, err)
	}
	get := func(step, key string) {
		v, err := p.API.KVGet(key)
		s.app(step, text(v), err)
	}
	opt := func(step, key string, value []byte, o model.PluginKVSetOptions) {
		ok, err := p.API.KVSetWithOptions(key, value, o)
		s.app(step, ok, err)
	}
	set("KVCompareAndSet absent", "cas", nil, []byte("v1"))
	set("KVCompareAndSet present", "cas", nil, []byte("v2"))
	set("KVCompareAndSet wrong old", "cas", []byte("nope"), []byte("v2"))
	set("KVCompareAndSet", "cas", []byte("v1"), []byte("v2"))
	get("KVGet cas", "cas")
	opt("KVSetWithOptions plain", "opt", []byte("a"), model.PluginKVSetOptions{})
	opt("KVSetWithOptions atomic wrong old", "opt", []byte("b"), model.PluginKVSetOptions{Atomic: true, OldValue: []byte("x")})
	opt("KVSetWithOptions atomic", "opt", []byte("b"), model.PluginKVSetOptions{Atomic: true, OldValue: []byte("a")})
	get("KVGet opt", "opt")
	opt("KVSetWithOptions old value without atomic", "opt", []byte("c"), model.PluginKVSetOptions{OldValue: []byte("b")})
	opt("KVSetWithOptions empty key", "", []byte("c"), model.PluginKVSetOptions{})
	opt("KVSetWithOptions expiring", "exp", []byte("soon"), model.PluginKVSetOptions{ExpireInSeconds: 60})
	get("KVGet expiring", "exp")
	opt("KVSetWithOptions nil deletes", "opt", nil, model.PluginKVSetOptions{})
	get("KVGet deleted", "opt")
}

// kvExpiry runs after the suite moved the harness clock past the expiry of "exp".
func (p *confPlugin) kvExpiry(w http.ResponseWriter) {
	s := &script{}
	v, err := p.API.KVGet("exp")
	s.app("KVGet expired", text(v), err)
	ok, err := p.API.KVCompareAndSet("exp", nil, []byte("again"))
	s.app("KVCompareAndSet expired is absent", ok, err)
	ok, err = p.API.KVSetWithOptions("exp", []byte("lost"), model.PluginKVSetOptions{Atomic: true, OldValue: []byte("soon")})
	s.app("KVSetWithOptions atomic on expired", ok, err)
	v, err = p.API.KVGet("exp")
	s.app("KVGet exp", text(v), err)
	s.write(w)
}
