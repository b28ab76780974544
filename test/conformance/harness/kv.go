package harness

import (
	"bytes"
	"net/http"
	"sort"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
)

// The plugin KV store, with the semantics of Mattermost's SQL plugin store: a nil
// value deletes, an expired entry reads as absent (also for compare-and-set), and
// an atomic set only happens if the live value equals the old one (nil: if absent).
// Each operation holds the store lock, so it is atomic.

type kvEntry struct {
	value    []byte
	expireAt int64 // ms on the harness clock; 0 never expires
}

// Advance moves the harness clock (KV expiry, timestamps the API sets).
func (s *Store) Advance(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.now += d.Milliseconds()
}

// KV returns the live value of key (nil when absent or expired).
func (s *Store) KV(key string) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.live(key)
}

func (s *Store) live(key string) []byte {
	e, ok := s.kv[key]
	if !ok || (e.expireAt != 0 && e.expireAt <= s.now) {
		return nil
	}
	return e.value
}

func (s *Store) put(key string, value []byte, expireAt int64) {
	if value == nil {
		delete(s.kv, key)
		return
	}
	s.kv[key] = kvEntry{value: append([]byte(nil), value...), expireAt: expireAt}
}

// compareAndSet is SqlPluginStore.CompareAndSet: old nil means "only if absent";
// a nil new value is a compare-and-delete.
func (s *Store) compareAndSet(key string, old, value []byte, expireAt int64) bool {
	current := s.live(key)
	switch {
	case value == nil:
		if old == nil || current == nil || !bytes.Equal(current, old) {
			return false
		}
	case old == nil:
		if current != nil {
			return false
		}
	case current == nil || !bytes.Equal(current, old):
		return false
	}
	s.put(key, value, expireAt)
	return true
}

func badKey(key string) *model.AppError {
	if key == "" {
		return model.NewAppError("PluginKeyValue.IsValid", "model.plugin_key_value.is_valid.key.app_error", nil, "key=", http.StatusBadRequest)
	}
	return nil
}

func (a *API) KVGet(key string) ([]byte, *model.AppError) {
	a.store.count("KVGet")
	a.store.mu.Lock()
	defer a.store.mu.Unlock()
	return a.store.live(key), nil
}

func (a *API) KVSet(key string, value []byte) *model.AppError {
	a.store.count("KVSet")
	if err := badKey(key); err != nil {
		return err
	}
	a.store.mu.Lock()
	defer a.store.mu.Unlock()
	a.store.put(key, value, 0)
	return nil
}

func (a *API) KVDelete(key string) *model.AppError {
	a.store.count("KVDelete")
	a.store.mu.Lock()
	defer a.store.mu.Unlock()
	delete(a.store.kv, key)
	return nil
}

func (a *API) KVCompareAndSet(key string, oldValue, newValue []byte) (bool, *model.AppError) {
	a.store.count("KVCompareAndSet")
	return a.setWithOptions(key, newValue, model.PluginKVSetOptions{Atomic: true, OldValue: oldValue})
}

func (a *API) KVSetWithOptions(key string, value []byte, options model.PluginKVSetOptions) (bool, *model.AppError) {
	a.store.count("KVSetWithOptions")
	return a.setWithOptions(key, value, options)
}

func (a *API) setWithOptions(key string, value []byte, options model.PluginKVSetOptions) (bool, *model.AppError) {
	if err := options.IsValid(); err != nil {
		return false, err
	}
	if err := badKey(key); err != nil {
		return false, err
	}
	a.store.mu.Lock()
	defer a.store.mu.Unlock()
	expireAt := int64(0)
	if options.ExpireInSeconds != 0 {
		expireAt = a.store.now + options.ExpireInSeconds*1000
	}
	if options.Atomic {
		return a.store.compareAndSet(key, options.OldValue, value, expireAt), nil
	}
	a.store.put(key, value, expireAt)
	return true, nil
}

// KVList pages through the live keys in key order, as Mattermost's store does.
func (a *API) KVList(page, perPage int) ([]string, *model.AppError) {
	a.store.count("KVList")
	a.store.mu.Lock()
	defer a.store.mu.Unlock()
	keys := make([]string, 0, len(a.store.kv))
	for key := range a.store.kv {
		if a.store.live(key) != nil {
			keys = append(keys, key)
		}
	}
	sort.Strings(keys)
	start := page * perPage
	if page < 0 || perPage <= 0 || start >= len(keys) {
		return []string{}, nil
	}
	return keys[start:min(start+perPage, len(keys))], nil
}
