package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"

	"openclaw.test/conformance/harness"
)

const (
	workers       = 8     // concurrent host goroutines for dispatch and HTTP
	dispatchCalls = 20000 // MessageHasBeenPosted calls per measurement
	httpCalls     = 5000  // GET /ping requests per measurement
	kvCalls       = 10000 // KVGet calls inside the plugin per measurement
)

// activation activates id n times (deactivating in between) and returns the
// median activation time in ms; the plugin stays active after the last one.
func activation(host *harness.Host, id string, n int) (float64, error) {
	var ms []float64
	for i := range n {
		d, err := host.Activate(id)
		if err != nil {
			return 0, err
		}
		ms = append(ms, float64(d.Microseconds())/1000)
		if i < n-1 {
			host.Env.Deactivate(id)
		}
	}
	sort.Float64s(ms)
	return ms[len(ms)/2], nil
}

// kvRoundTrip asks the plugin to time KVGet round trips itself (GET /kvbench);
// a short run warms up (JIT), the full run is reported.
func kvRoundTrip(host *harness.Host, id string) (p50, p99 float64, err error) {
	var res struct {
		N     int     `json:"n"`
		P50Us float64 `json:"p50Us"`
		P99Us float64 `json:"p99Us"`
	}
	for _, n := range []int{kvCalls / 5, kvCalls} {
		rec, err := host.ServeHTTP(id, httptest.NewRequest(http.MethodGet, fmt.Sprintf("/kvbench?n=%d", n), nil))
		if err != nil {
			return 0, 0, err
		}
		if rec.Code != http.StatusOK {
			return 0, 0, fmt.Errorf("GET /kvbench: status %d: %s", rec.Code, rec.Body.String())
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil || res.N != n {
			return 0, 0, fmt.Errorf("GET /kvbench: bad answer %q (%v)", rec.Body.String(), err)
		}
	}
	return res.P50Us, res.P99Us, nil
}

// parallel runs total calls of fn over workers goroutines and returns calls/s.
func parallel(total int, fn func(i int) error) (float64, error) {
	var next atomic.Int64
	var firstErr atomic.Value
	var wg sync.WaitGroup
	start := time.Now()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= total || firstErr.Load() != nil {
					return
				}
				if err := fn(i); err != nil {
					firstErr.CompareAndSwap(nil, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	if err, _ := firstErr.Load().(error); err != nil {
		return 0, err
	}
	return float64(total) / elapsed.Seconds(), nil
}

// dispatch calls MessageHasBeenPosted from several goroutines, as the server
// does for every new post, and checks that every call reached the plugin.
func dispatch(host *harness.Host, id string) (float64, error) {
	hooks, err := host.Hooks(id)
	if err != nil {
		return 0, err
	}
	post := &model.Post{Id: model.NewId(), ChannelId: model.NewId(), UserId: model.NewId(), Message: "bench message"}
	ctx := &plugin.Context{}
	warm := func(int) error { hooks.MessageHasBeenPosted(ctx, post); return nil }
	if _, err := parallel(dispatchCalls/10, warm); err != nil {
		return 0, err
	}
	store := host.Store(id)
	before := len(store.HookLogs("MessageHasBeenPosted"))
	rate, err := parallel(dispatchCalls, warm)
	if err != nil {
		return 0, err
	}
	if got := len(store.HookLogs("MessageHasBeenPosted")) - before; got != dispatchCalls {
		return 0, fmt.Errorf("MessageHasBeenPosted: plugin logged %d of %d calls", got, dispatchCalls)
	}
	return rate, nil
}

// httpRate sends GET /ping (1 KiB answer) from several goroutines.
func httpRate(host *harness.Host, id string) (float64, error) {
	want := make([]byte, 1024)
	for i := range want {
		want[i] = byte(i % 251)
	}
	call := func(int) error {
		rec, err := host.ServeHTTP(id, httptest.NewRequest(http.MethodGet, "/ping", nil))
		if err != nil {
			return err
		}
		if rec.Code != http.StatusOK || !bytes.Equal(rec.Body.Bytes(), want) {
			return fmt.Errorf("GET /ping: status %d, %d bytes", rec.Code, rec.Body.Len())
		}
		return nil
	}
	if _, err := parallel(httpCalls/10, call); err != nil {
		return 0, err
	}
	return parallel(httpCalls, call)
}
