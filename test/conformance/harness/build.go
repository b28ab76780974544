package harness

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// RepoRoot finds the repository root (the directory holding package.json and
// test/conformance) from the working directory upwards.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "test", "conformance", "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("repository root not found above the working directory")
		}
		dir = parent
	}
}

// GoTwin returns the Go twin plugin executable: $CONFORMANCE_GO_PLUGIN, or a
// fresh build of test/bench/goplugin into outDir.
func GoTwin(outDir string) (string, error) {
	if p := os.Getenv("CONFORMANCE_GO_PLUGIN"); p != "" {
		return p, nil
	}
	root, err := RepoRoot()
	if err != nil {
		return "", err
	}
	out := filepath.Join(outDir, "goplugin")
	cmd := exec.Command("go", "build", "-o", out, "./goplugin")
	cmd.Dir = filepath.Join(root, "test", "bench")
	// The twin builds with the bench module's own go.mod, whatever -modfile the caller uses.
	cmd.Env = append(os.Environ(), "GOFLAGS=")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building the Go twin: %v\n%s", err, msg)
	}
	return out, nil
}

// TSPlugin returns the TypeScript conformance plugin executable:
// $CONFORMANCE_TS_PLUGIN, or a fresh build (test/conformance/plugin/build.mjs)
// into outDir. The build script prints the executable path as its last line.
func TSPlugin(outDir string) (string, error) {
	if p := os.Getenv("CONFORMANCE_TS_PLUGIN"); p != "" {
		return p, nil
	}
	root, err := RepoRoot()
	if err != nil {
		return "", err
	}
	node := filepath.Join(root, "node_modules", ".bin", "node")
	cmd := exec.Command(node, filepath.Join(root, "test", "conformance", "plugin", "build.mjs"), outDir)
	cmd.Dir = root
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("building the TS plugin: %v\n%s%s", err, stdout.String(), stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	return strings.TrimSpace(lines[len(lines)-1]), nil
}
