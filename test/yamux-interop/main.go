// yamux-interop plays the Mattermost host against the TypeScript yamux server:
// it is the yamux CLIENT (hashicorp/yamux v0.1.1, as Mattermost builds use) on
// a unix socket, and drives the script below. The TS side of the script lives
// in server-ts/mattermost/yamux/go-interop.test.ts.
//
//  1. open control, stdout, stderr (ids 1, 3, 5). TS echoes control; writes
//     "hello from stdout\n" / "hello from stderr\n" on the others.
//  2. open -streams broker streams: LE uint32 broker id (1..n) → expect the same
//     id back (go-plugin MuxBroker.Dial), then LE uint32 size, then size random
//     bytes, while concurrently reading size bytes from TS followed by
//     sha256(what TS received) and sha256(what TS sent). Then Close (FIN).
//  3. meanwhile accept the -ts-streams streams TS opens: read LE id, ack it
//     (MuxBroker acceptor side), read LE size + data, reply sha256, Close.
//  4. ping continuously during 2, with a short keepalive interval so the Go
//     keepalive (which kills the session after 10 s without ACK) runs too.
//  5. GoAway + Close; print a JSON report on stdout. Exit 1 on any failure.
package main

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"sort"
	"sync"
	"time"

	"github.com/hashicorp/yamux"
)

type report struct {
	Streams       int      `json:"streams"`
	BytesEachWay  int      `json:"bytesEachWay"`
	TransferMs    float64  `json:"transferMs"`
	UpMiBps       float64  `json:"upMiBps"`
	DownMiBps     float64  `json:"downMiBps"`
	Pings         int      `json:"pings"`
	PingAvgMs     float64  `json:"pingAvgMs"`
	PingP99Ms     float64  `json:"pingP99Ms"`
	PingMaxMs     float64  `json:"pingMaxMs"`
	TsStreamsSeen int      `json:"tsStreamsSeen"`
	TsStreamIDs   []uint32 `json:"tsStreamIds"`
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "interop FAIL: "+format+"\n", args...)
	os.Exit(1)
}

func main() {
	sock := flag.String("socket", "", "unix socket path of the TS yamux server")
	nStreams := flag.Int("streams", 4, "concurrent broker streams")
	size := flag.Int("size", 4<<20, "bytes per direction per stream")
	tsStreams := flag.Int("ts-streams", 2, "streams the TS side opens")
	flag.Parse()

	conn, err := net.Dial("unix", *sock)
	if err != nil {
		fail("dial: %v", err)
	}
	cfg := yamux.DefaultConfig()
	cfg.KeepAliveInterval = 200 * time.Millisecond
	cfg.LogOutput = os.Stderr
	session, err := yamux.Client(conn, cfg)
	if err != nil {
		fail("client: %v", err)
	}

	control, stdout, stderr := mustOpen(session), mustOpen(session), mustOpen(session)
	if control.StreamID() != 1 || stdout.StreamID() != 3 || stderr.StreamID() != 5 {
		fail("unexpected stream ids %d %d %d", control.StreamID(), stdout.StreamID(), stderr.StreamID())
	}
	expectText(stdout, "hello from stdout\n")
	expectText(stderr, "hello from stderr\n")
	for _, n := range []int{1, 100, 70_000, 300_000} {
		echo(control, n)
	}

	var rep report
	var acceptWG sync.WaitGroup
	acceptWG.Add(1)
	go func() {
		defer acceptWG.Done()
		for i := 0; i < *tsStreams; i++ {
			s, err := session.AcceptStream()
			if err != nil {
				fail("accept ts stream: %v", err)
			}
			rep.TsStreamIDs = append(rep.TsStreamIDs, s.StreamID())
			serveTsStream(s)
			rep.TsStreamsSeen++
		}
	}()

	stopPing := make(chan struct{})
	pingDone := make(chan []time.Duration)
	go func() {
		var rtts []time.Duration
		for {
			select {
			case <-stopPing:
				pingDone <- rtts
				return
			case <-time.After(10 * time.Millisecond):
			}
			rtt, err := session.Ping()
			if err != nil {
				fail("ping: %v", err)
			}
			rtts = append(rtts, rtt)
		}
	}()

	start := time.Now()
	var wg sync.WaitGroup
	for i := 1; i <= *nStreams; i++ {
		wg.Add(1)
		go func(id uint32) {
			defer wg.Done()
			exchange(mustOpen(session), id, *size)
		}(uint32(i))
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(stopPing)
	rtts := <-pingDone
	acceptWG.Wait()

	rep.Streams = *nStreams
	rep.BytesEachWay = *nStreams * *size
	rep.TransferMs = ms(elapsed)
	mib := float64(rep.BytesEachWay) / (1 << 20)
	rep.UpMiBps = mib / elapsed.Seconds()
	rep.DownMiBps = rep.UpMiBps // both directions run concurrently over the same interval
	summarisePings(&rep, rtts)

	_ = control.Close()
	_ = stdout.Close()
	_ = stderr.Close()
	if err := session.GoAway(); err != nil {
		fail("go away: %v", err)
	}
	_ = session.Close()
	out, _ := json.Marshal(rep)
	fmt.Println(string(out))
}

func mustOpen(s *yamux.Session) *yamux.Stream {
	st, err := s.OpenStream()
	if err != nil {
		fail("open: %v", err)
	}
	return st
}

func expectText(r io.Reader, want string) {
	got := make([]byte, len(want))
	if _, err := io.ReadFull(r, got); err != nil || string(got) != want {
		fail("expected %q, got %q (%v)", want, got, err)
	}
}

func echo(s *yamux.Stream, n int) {
	msg := randomBytes(n)
	go func() {
		if _, err := s.Write(msg); err != nil {
			fail("echo write: %v", err)
		}
	}()
	got := make([]byte, n)
	if _, err := io.ReadFull(s, got); err != nil || !bytes.Equal(got, msg) {
		fail("echo of %d bytes mismatched (%v)", n, err)
	}
}

// exchange runs one broker stream: dial handshake, then size bytes each way at once.
func exchange(s *yamux.Stream, id uint32, size int) {
	writeU32(s, id)
	if ack := readU32(s); ack != id {
		fail("bad ack on broker id %d: %d", id, ack)
	}
	up := randomBytes(size)
	writeErr := make(chan error, 1)
	go func() {
		writeU32(s, uint32(size))
		_, err := s.Write(up)
		writeErr <- err
	}()
	down := make([]byte, size)
	if _, err := io.ReadFull(s, down); err != nil {
		fail("stream %d read: %v", id, err)
	}
	var sums [64]byte
	if _, err := io.ReadFull(s, sums[:]); err != nil {
		fail("stream %d read sums: %v", id, err)
	}
	if err := <-writeErr; err != nil {
		fail("stream %d write: %v", id, err)
	}
	upSum, downSum := sha256.Sum256(up), sha256.Sum256(down)
	if !bytes.Equal(sums[:32], upSum[:]) {
		fail("stream %d: TS received corrupted data", id)
	}
	if !bytes.Equal(sums[32:], downSum[:]) {
		fail("stream %d: data from TS corrupted", id)
	}
	_ = s.Close()
}

// serveTsStream is the acceptor half of go-plugin's broker for a TS-dialed stream.
func serveTsStream(s *yamux.Stream) {
	id := readU32(s)
	writeU32(s, id)
	size := readU32(s)
	data := make([]byte, size)
	if _, err := io.ReadFull(s, data); err != nil {
		fail("ts stream %d read: %v", s.StreamID(), err)
	}
	sum := sha256.Sum256(data)
	if _, err := s.Write(sum[:]); err != nil {
		fail("ts stream write: %v", err)
	}
	_ = s.Close()
}

func writeU32(w io.Writer, v uint32) {
	if err := binary.Write(w, binary.LittleEndian, v); err != nil {
		fail("write u32: %v", err)
	}
}

func readU32(r io.Reader) uint32 {
	var v uint32
	if err := binary.Read(r, binary.LittleEndian, &v); err != nil {
		fail("read u32: %v", err)
	}
	return v
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		fail("rand: %v", err)
	}
	return b
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func summarisePings(rep *report, rtts []time.Duration) {
	rep.Pings = len(rtts)
	if len(rtts) == 0 {
		fail("no pings completed")
	}
	sort.Slice(rtts, func(i, j int) bool { return rtts[i] < rtts[j] })
	var total time.Duration
	for _, r := range rtts {
		total += r
	}
	rep.PingAvgMs = ms(total / time.Duration(len(rtts)))
	rep.PingP99Ms = ms(rtts[(len(rtts)*99)/100])
	rep.PingMaxMs = ms(rtts[len(rtts)-1])
}
