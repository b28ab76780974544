package harness

import (
	"archive/tar"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"
)

// InstallBundle unpacks a plugin bundle (.tar.gz, as uploaded to Mattermost) into
// the plugin directory and returns its manifest.
func (h *Host) InstallBundle(bundle string) (*model.Manifest, error) {
	f, err := os.Open(bundle)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	staging, err := os.MkdirTemp(h.Dir, "bundle-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(staging)
	if err := untar(tar.NewReader(gz), staging); err != nil {
		return nil, err
	}
	// A bundle holds one top-level directory with plugin.json in it.
	manifests, _ := filepath.Glob(filepath.Join(staging, "*", "plugin.json"))
	if len(manifests) != 1 {
		return nil, fmt.Errorf("%s: want one <dir>/plugin.json, found %d", bundle, len(manifests))
	}
	manifest, _, err := model.FindManifest(filepath.Dir(manifests[0]))
	if err != nil {
		return nil, err
	}
	dest := filepath.Join(h.Dir, "plugins", manifest.Id)
	if err := os.RemoveAll(dest); err != nil {
		return nil, err
	}
	return manifest, os.Rename(filepath.Dir(manifests[0]), dest)
}

func untar(r *tar.Reader, dir string) error {
	for {
		hdr, err := r.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		name := filepath.Clean(hdr.Name)
		if filepath.IsAbs(name) || strings.HasPrefix(name, "..") {
			return fmt.Errorf("unsafe path in bundle: %s", hdr.Name)
		}
		target := filepath.Join(dir, name)
		switch hdr.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(target, 0o755); err != nil {
				return err
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return err
			}
			out, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, os.FileMode(hdr.Mode)&0o777)
			if err != nil {
				return err
			}
			_, err = io.Copy(out, r)
			if cerr := out.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
		}
	}
}
