package harness

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// stat returns the parent pid and state letter of pid from /proc/<pid>/stat.
func stat(pid int) (ppid int, state byte, ok bool) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, 0, false
	}
	// The command name is in parentheses and may contain spaces.
	s := string(data)
	rest := s[strings.LastIndexByte(s, ')')+2:]
	fields := strings.Fields(rest)
	if len(fields) < 2 {
		return 0, 0, false
	}
	ppid, _ = strconv.Atoi(fields[1])
	return ppid, fields[0][0], true
}

// childPIDs lists the live (non-zombie) children of this process.
func childPIDs() map[int]bool {
	out := map[int]bool{}
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	self := os.Getpid()
	for _, d := range dirs {
		pid, err := strconv.Atoi(filepath.Base(d))
		if err != nil {
			continue
		}
		if ppid, state, ok := stat(pid); ok && ppid == self && state != 'Z' {
			out[pid] = true
		}
	}
	return out
}

// newChild returns the one live child that is not in before.
func newChild(before map[int]bool) (int, error) {
	var found []int
	for pid := range childPIDs() {
		if !before[pid] {
			found = append(found, pid)
		}
	}
	if len(found) != 1 {
		return 0, fmt.Errorf("expected one new plugin process, found %v", found)
	}
	return found[0], nil
}

// Alive reports whether pid exists and is not a zombie.
func Alive(pid int) bool {
	_, state, ok := stat(pid)
	return ok && state != 'Z'
}

// WaitGone waits up to timeout for pid to exit; it reports whether it did.
func WaitGone(pid int, timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if !Alive(pid) {
			return true
		}
		time.Sleep(10 * time.Millisecond)
	}
	return !Alive(pid)
}

// Memory is a process's resident set from /proc/<pid>/status, in KiB.
type Memory struct {
	VmRSS, RssAnon int
}

// ReadMemory reads VmRSS and RssAnon of pid.
func ReadMemory(pid int) (Memory, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return Memory{}, err
	}
	defer f.Close()
	var m Memory
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		n, _ := strconv.Atoi(fields[1])
		switch fields[0] {
		case "VmRSS:":
			m.VmRSS = n
		case "RssAnon:":
			m.RssAnon = n
		}
	}
	return m, sc.Err()
}
