// Command bench measures the TS conformance plugin against its Go twin under
// Mattermost's plugin supervisor, in one process and run: KVGet round trip,
// MessageHasBeenPosted dispatch, ServeHTTP 1 KiB rate, activation time and idle
// RSS. It prints figures and TS÷Go ratios; it fails only on errors, never on timings.
//
// Environment: CONFORMANCE_TS_PLUGIN / CONFORMANCE_GO_PLUGIN (prebuilt
// executables; otherwise built here), BENCH_ROUNDS (default 2, best figure wins),
// BENCH_JSON (write the figures there too).
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"time"

	"openclaw.test/conformance/harness"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:rpc failed:", err)
		os.Exit(1)
	}
}

func run() error {
	rounds := envInt("BENCH_ROUNDS", 2)
	work, err := os.MkdirTemp("", "bench-rpc-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)

	exes := map[string]string{}
	if exes["ts"], err = harness.TSPlugin(work); err != nil {
		return err
	}
	if exes["go"], err = harness.GoTwin(work); err != nil {
		return err
	}
	host, err := harness.NewHost(work)
	if err != nil {
		return err
	}
	defer host.Shutdown()
	for name, exe := range exes {
		if err := host.Install(pluginID(name), exe); err != nil {
			return err
		}
	}

	best := map[string]*figures{}
	for round := 1; round <= rounds; round++ {
		for _, name := range []string{"ts", "go"} {
			fmt.Fprintf(os.Stderr, "round %d/%d: %s plugin...\n", round, rounds, name)
			f, err := measure(host, pluginID(name))
			if err != nil {
				return fmt.Errorf("%s plugin: %w", name, err)
			}
			best[name] = f.best(best[name])
		}
	}
	report(os.Stdout, best["ts"], best["go"], rounds)
	if path := os.Getenv("BENCH_JSON"); path != "" {
		data, _ := json.MarshalIndent(map[string]any{"ts": best["ts"], "go": best["go"], "rounds": rounds}, "", "  ")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func pluginID(name string) string { return "bench." + name }

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// measure takes every figure for one plugin; it leaves the plugin deactivated.
func measure(host *harness.Host, id string) (*figures, error) {
	f := &figures{}
	var err error
	if f.ActivationMs, err = activation(host, id, 5); err != nil {
		return nil, err
	}
	defer host.Env.Deactivate(id)

	time.Sleep(2 * time.Second)
	mem, err := harness.ReadMemory(host.PID(id))
	if err != nil {
		return nil, err
	}
	f.IdleVmRSSMB, f.IdleRssAnonMB = float64(mem.VmRSS)/1024, float64(mem.RssAnon)/1024

	if f.KVGetP50Us, f.KVGetP99Us, err = kvRoundTrip(host, id); err != nil {
		return nil, err
	}
	if f.DispatchPerSec, err = dispatch(host, id); err != nil {
		return nil, err
	}
	if f.HTTPPerSec, err = httpRate(host, id); err != nil {
		return nil, err
	}
	host.Store(id).ResetLogs()
	return f, nil
}
