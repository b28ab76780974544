package main

// Round-trip mode for property tests: Go fills a real model value at random from a seed (by
// reflection, so every field Go has is exercised, including ones our schemas might lack),
// sends it as gob; the TS side decodes it, changes one field and encodes it back; Go decodes
// that and compares it with what Go itself would have received.

import (
	"bytes"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"os"
	"reflect"

	"github.com/mattermost/mattermost/server/public/model"
)

var roundTripKinds = map[string]func() any{
	"post":              func() any { return new(model.Post) },
	"reaction":          func() any { return new(model.Reaction) },
	"command":           func() any { return new(model.Command) },
	"user":              func() any { return new(model.User) },
	"channel":           func() any { return new(model.Channel) },
	"fileinfo":          func() any { return new(model.FileInfo) },
	"push_notification": func() any { return new(model.PushNotification) },
}

type filler struct{ r *rand.Rand }

var anyType = reflect.TypeOf((*any)(nil)).Elem()

func (f filler) str() string {
	alphabet := []string{"a", "Z", "é", "🎉", " ", "_", "0", "\n"}
	n := f.r.Intn(6)
	s := ""
	for i := 0; i < n; i++ {
		s += alphabet[f.r.Intn(len(alphabet))]
	}
	return s
}

// An interface value of a type Mattermost registers (plain values, or attachments).
func (f filler) anyValue(depth int) any {
	switch k := f.r.Intn(7); {
	case k == 0:
		return f.str()
	case k == 1:
		return f.r.Int63n(1<<40) - 1<<39
	case k == 2:
		return f.r.Float64()
	case k == 3:
		return f.r.Intn(2) == 0
	case k == 4 && depth < 3:
		return []any{f.anyValue(depth + 1), f.str()}
	case k == 5 && depth < 3:
		return map[string]any{"k" + f.str(): f.anyValue(depth + 1)}
	default:
		var atts []*model.SlackAttachment
		f.fill(reflect.ValueOf(&atts).Elem(), depth+1)
		return atts
	}
}

func (f filler) autocompleteData(depth int) any {
	switch f.r.Intn(3) {
	case 0:
		return &model.AutocompleteTextArg{Hint: f.str(), Pattern: f.str()}
	case 1:
		return &model.AutocompleteStaticListArg{PossibleArguments: []model.AutocompleteListItem{{Item: f.str(), Hint: f.str(), HelpText: f.str()}}}
	default:
		return &model.AutocompleteDynamicListArg{FetchURL: f.str()}
	}
}

// Gob cannot send a nil element of a slice or map, so pointer elements always point somewhere.
func (f filler) element(v reflect.Value, depth int) {
	if v.Kind() == reflect.Ptr {
		p := reflect.New(v.Type().Elem())
		f.fill(p.Elem(), depth)
		v.Set(p)
		return
	}
	f.fill(v, depth)
}

func (f filler) fill(v reflect.Value, depth int) {
	if depth > 6 {
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(f.str())
	case reflect.Bool:
		v.SetBool(f.r.Intn(2) == 0)
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(f.r.Int63n(1<<45) - 1<<44)
	case reflect.Float64:
		v.SetFloat(f.r.Float64())
	case reflect.Ptr:
		if f.r.Intn(3) > 0 {
			p := reflect.New(v.Type().Elem())
			f.fill(p.Elem(), depth+1)
			v.Set(p)
		}
	case reflect.Slice:
		n := f.r.Intn(3)
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := 0; i < n; i++ {
			f.element(s.Index(i), depth+1)
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		for i := f.r.Intn(3); i > 0; i-- {
			k := reflect.New(v.Type().Key()).Elem()
			f.fill(k, depth+1)
			e := reflect.New(v.Type().Elem()).Elem()
			f.element(e, depth+1)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Interface:
		if v.Type() == anyType && f.r.Intn(4) > 0 {
			v.Set(reflect.ValueOf(f.anyValue(depth)))
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			field := t.Field(i)
			if !field.IsExported() {
				continue
			}
			if field.Name == "Data" && t == reflect.TypeOf(model.AutocompleteArg{}) {
				v.Field(i).Set(reflect.ValueOf(f.autocompleteData(depth)))
				continue
			}
			f.fill(v.Field(i), depth+1)
		}
	}
}

// What Go itself gets for the value after a gob trip (pointers to zero values become nil, …).
func canonical(kind string, seed int64) (any, []byte, error) {
	v := roundTripKinds[kind]()
	filler{rand.New(rand.NewSource(seed))}.fill(reflect.ValueOf(v).Elem(), 0)
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(v); err != nil {
		return nil, nil, err
	}
	back := roundTripKinds[kind]()
	if err := gob.NewDecoder(bytes.NewReader(buf.Bytes())).Decode(back); err != nil {
		return nil, nil, err
	}
	return back, buf.Bytes(), nil
}

// roundtrip gen <kind> <seed>: prints the value's gob bytes as hex.
// roundtrip cmp <kind> <seed> <field>: reads gob bytes on stdin; reports whether they decode to
// the seed's value with only <field> changed (its new value is printed for the caller to check).
func roundTrip(args []string, in io.Reader) error {
	if len(args) < 3 {
		return fmt.Errorf("usage: roundtrip gen|cmp <kind> <seed> [field]")
	}
	if _, ok := roundTripKinds[args[1]]; !ok {
		return fmt.Errorf("unknown kind %q", args[1])
	}
	var seed int64
	if _, err := fmt.Sscan(args[2], &seed); err != nil {
		return err
	}
	want, raw, err := canonical(args[1], seed)
	if err != nil {
		return err
	}
	if args[0] == "gen" {
		return json.NewEncoder(os.Stdout).Encode(map[string]string{"hex": hex.EncodeToString(raw)})
	}
	data, err := io.ReadAll(in)
	if err != nil {
		return err
	}
	got := roundTripKinds[args[1]]()
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(got); err != nil {
		return fmt.Errorf("decoding what TS wrote: %w", err)
	}
	changed := ""
	if len(args) == 4 && args[3] != "" {
		field := reflect.ValueOf(got).Elem().FieldByName(args[3])
		if !field.IsValid() {
			return fmt.Errorf("no field %q", args[3])
		}
		changed = fmt.Sprint(field.Interface())
		field.Set(reflect.ValueOf(want).Elem().FieldByName(args[3]))
	}
	var diffs []string
	diff(reflect.ValueOf(want).Elem(), reflect.ValueOf(got).Elem(), args[1], &diffs)
	return json.NewEncoder(os.Stdout).Encode(map[string]any{"diffs": diffs, "changed": changed})
}

// Lists the paths where two values differ (reflect.DeepEqual would only say that they do).
func diff(a, b reflect.Value, path string, out *[]string) {
	if len(*out) > 20 {
		return
	}
	if a.Kind() != b.Kind() {
		*out = append(*out, path)
		return
	}
	switch a.Kind() {
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if a.Type().Field(i).IsExported() {
				diff(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name, out)
			}
		}
	case reflect.Ptr, reflect.Interface:
		if a.IsNil() != b.IsNil() {
			*out = append(*out, path)
		} else if !a.IsNil() {
			diff(a.Elem(), b.Elem(), path, out)
		}
	case reflect.Slice:
		if a.Len() != b.Len() {
			*out = append(*out, path+" (length)")
			return
		}
		for i := 0; i < a.Len(); i++ {
			diff(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i), out)
		}
	default:
		if !reflect.DeepEqual(a.Interface(), b.Interface()) {
			*out = append(*out, path)
		}
	}
}
