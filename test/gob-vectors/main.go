// Command gob-vectors produces gob test vectors with Go's own encoder and Mattermost's real
// model types, and checks bytes produced by the TypeScript encoder with Go's decoder.
//
//	go run . generate <dir>          write <dir>/<name>.json for every vector
//	go run . check <kinds> [file]    decode values of the given comma-separated kinds from
//	                                 file (default stdin) and print them as tagged JSON
//	go run . encode <kind>           build values from a program on stdin, encode them and
//	                                 print the bytes and Go's decoding (see encode.go)
package main

import (
	"bytes"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	_ "github.com/mattermost/mattermost/server/public/plugin" // registers Mattermost's interface names
)

type vectorFile struct {
	Name        string   `json:"name"`
	Description string   `json:"description"`
	GoVersion   string   `json:"goVersion"`
	Hex         string   `json:"hex"`
	Writes      []string `json:"writes"`
	Values      []any    `json:"values"`
}

// recorder keeps each Write separately: gob writes one message per call, so the split shows
// how messages were framed (useful for chunking tests).
type recorder struct{ writes [][]byte }

func (r *recorder) Write(p []byte) (int, error) {
	r.writes = append(r.writes, bytes.Clone(p))
	return len(p), nil
}

func generate(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, v := range vectors() {
		rec := &recorder{}
		enc := gob.NewEncoder(rec)
		out := vectorFile{Name: v.name, Description: v.description, GoVersion: goVersion()}
		for _, val := range v.values {
			if err := enc.Encode(val); err != nil {
				return fmt.Errorf("%s: %w", v.name, err)
			}
			out.Values = append(out.Values, render(reflect.ValueOf(val)))
		}
		var all []byte
		for _, w := range rec.writes {
			out.Writes = append(out.Writes, hex.EncodeToString(w))
			all = append(all, w...)
		}
		out.Hex = hex.EncodeToString(all)
		data, err := json.MarshalIndent(out, "", " ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, v.name+".json"), append(data, '\n'), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func check(kinds string, in io.Reader) error {
	raw, err := io.ReadAll(in)
	if err != nil {
		return err
	}
	dec := gob.NewDecoder(bytes.NewReader(raw))
	var values []any
	for _, kind := range strings.Split(kinds, ",") {
		mk, ok := checkTypes[kind]
		if !ok {
			return fmt.Errorf("unknown kind %q", kind)
		}
		target := mk()
		if err := dec.Decode(target); err != nil {
			return fmt.Errorf("decoding %s: %w", kind, err)
		}
		values = append(values, render(reflect.ValueOf(target)))
	}
	return json.NewEncoder(os.Stdout).Encode(map[string]any{"values": values})
}

func main() {
	var err error
	switch {
	case len(os.Args) == 3 && os.Args[1] == "generate":
		err = generate(os.Args[2])
	case len(os.Args) >= 3 && os.Args[1] == "check":
		in := io.Reader(os.Stdin)
		if len(os.Args) == 4 {
			f, ferr := os.Open(os.Args[3])
			if ferr != nil {
				err = ferr
				break
			}
			defer f.Close()
			in = f
		}
		err = check(os.Args[2], in)
	case len(os.Args) >= 5 && os.Args[1] == "roundtrip":
		err = roundTrip(os.Args[2:], os.Stdin)
	case len(os.Args) == 3 && os.Args[1] == "encode":
		err = encodeProgram(os.Args[2], os.Stdin)
	default:
		err = fmt.Errorf("usage: gob-vectors generate <dir> | check <kinds> [file] | roundtrip gen|cmp <kind> <seed> [field] | encode <kind>")
	}
	if err != nil {
		json.NewEncoder(os.Stdout).Encode(map[string]string{"error": err.Error()})
		os.Exit(1)
	}
}
