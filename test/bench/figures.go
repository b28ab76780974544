package main

import (
	"fmt"
	"io"
	"math"
)

// figures are one plugin's measurements.
type figures struct {
	KVGetP50Us     float64 `json:"kvGetP50Us"`
	KVGetP99Us     float64 `json:"kvGetP99Us"`
	DispatchPerSec float64 `json:"dispatchPerSec"`
	HTTPPerSec     float64 `json:"httpPerSec"`
	ActivationMs   float64 `json:"activationMs"`
	IdleVmRSSMB    float64 `json:"idleVmRssMB"`
	IdleRssAnonMB  float64 `json:"idleRssAnonMB"`
}

// best merges two rounds: lowest latency, time and memory, highest rates.
func (f *figures) best(other *figures) *figures {
	if other == nil {
		return f
	}
	return &figures{
		KVGetP50Us:     math.Min(f.KVGetP50Us, other.KVGetP50Us),
		KVGetP99Us:     math.Min(f.KVGetP99Us, other.KVGetP99Us),
		DispatchPerSec: math.Max(f.DispatchPerSec, other.DispatchPerSec),
		HTTPPerSec:     math.Max(f.HTTPPerSec, other.HTTPPerSec),
		ActivationMs:   math.Min(f.ActivationMs, other.ActivationMs),
		IdleVmRSSMB:    math.Min(f.IdleVmRSSMB, other.IdleVmRSSMB),
		IdleRssAnonMB:  math.Min(f.IdleRssAnonMB, other.IdleRssAnonMB),
	}
}

type row struct {
	label   string
	ts, gov float64
	format  string
	target  string
	met     func(ts, ratio float64) bool // nil: no target
}

func report(w io.Writer, ts, gof *figures, rounds int) {
	rows := []row{
		{"KVGet round trip p50 (µs)", ts.KVGetP50Us, gof.KVGetP50Us, "%.1f", "TS÷Go ≤ 1.25", ratioAtMost(1.25)},
		{"KVGet round trip p99 (µs)", ts.KVGetP99Us, gof.KVGetP99Us, "%.1f", "TS÷Go ≤ 1.25", ratioAtMost(1.25)},
		{"MessageHasBeenPosted dispatch (calls/s)", ts.DispatchPerSec, gof.DispatchPerSec, "%.0f", "TS÷Go ≥ 0.8", func(_, r float64) bool { return r >= 0.8 }},
		{"ServeHTTP 1 KiB (req/s)", ts.HTTPPerSec, gof.HTTPPerSec, "%.0f", "", nil},
		{"Activation, median of 5 (ms)", ts.ActivationMs, gof.ActivationMs, "%.0f", "TS ≤ 400 ms", func(t, _ float64) bool { return t <= 400 }},
		{"Idle RSS, VmRSS (MB)", ts.IdleVmRSSMB, gof.IdleVmRSSMB, "%.1f", "TS ≤ 70 MB", func(t, _ float64) bool { return t <= 70 }},
		{"Idle RSS, RssAnon (MB)", ts.IdleRssAnonMB, gof.IdleRssAnonMB, "%.1f", "", nil},
	}
	fmt.Fprintf(w, "bench:rpc — TS conformance plugin vs Go twin under plugin.Environment (best of %d rounds)\n\n", rounds)
	fmt.Fprintf(w, "%-40s %12s %12s %8s   %s\n", "", "TS", "Go", "TS÷Go", "target")
	for _, r := range rows {
		ratio := r.ts / r.gov
		verdict := ""
		if r.met != nil {
			verdict = "  ✗ missed"
			if r.met(r.ts, ratio) {
				verdict = "  ✓ met"
			}
		}
		fmt.Fprintf(w, "%-40s %12s %12s %8.2f   %s%s\n", r.label,
			fmt.Sprintf(r.format, r.ts), fmt.Sprintf(r.format, r.gov), ratio, r.target, verdict)
	}
	fmt.Fprintln(w, "\nFigures are informational: the bench fails only on errors, never on timings.")
}

func ratioAtMost(limit float64) func(ts, ratio float64) bool {
	return func(_, r float64) bool { return r <= limit }
}
