package main

// render turns a Go value into the "tagged JSON" form the TypeScript tests also derive from
// decoded gob values, following gob's rules for what travels: zero struct fields are absent,
// pointers are transparent, interfaces carry their registered name.

import (
	"encoding"
	"encoding/base64"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
)

var (
	gobEncoderType    = reflect.TypeFor[gob.GobEncoder]()
	binaryMarshalType = reflect.TypeFor[encoding.BinaryMarshaler]()
	textMarshalType   = reflect.TypeFor[encoding.TextMarshaler]()
)

const maxSafe = 1<<53 - 1

// registeredName reproduces gob.Register's naming rule (including its quirk that pointer types
// keep their reflect string, e.g. "*model.AppError").
func registeredName(rt reflect.Type) string {
	if rt.Name() != "" && rt.Kind() != reflect.Pointer {
		if rt.PkgPath() == "" {
			return rt.Name()
		}
		return rt.PkgPath() + "." + rt.Name()
	}
	return rt.String()
}

// opaqueKind reports which marshaller gob uses for t, checking *t as gob does.
func opaqueKind(t reflect.Type) string {
	for _, c := range []struct {
		iface reflect.Type
		kind  string
	}{{gobEncoderType, "gob"}, {binaryMarshalType, "binary"}, {textMarshalType, "text"}} {
		if t.Implements(c.iface) || reflect.PointerTo(t).Implements(c.iface) {
			return c.kind
		}
	}
	return ""
}

func marshalOpaque(v reflect.Value, kind string) []byte {
	if !v.CanAddr() {
		p := reflect.New(v.Type())
		p.Elem().Set(v)
		v = p.Elem()
	}
	target := v.Addr().Interface()
	var b []byte
	var err error
	switch kind {
	case "gob":
		b, err = target.(gob.GobEncoder).GobEncode()
	case "binary":
		b, err = target.(encoding.BinaryMarshaler).MarshalBinary()
	default:
		b, err = target.(encoding.TextMarshaler).MarshalText()
	}
	if err != nil {
		panic(err)
	}
	return b
}

func isSentField(f reflect.StructField) bool {
	if !f.IsExported() {
		return false
	}
	t := f.Type
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() != reflect.Chan && t.Kind() != reflect.Func
}

// omitted mirrors the encoder's zero tests for struct fields (after following pointers).
func omitted(v reflect.Value) bool {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return true
		}
		v = v.Elem()
	}
	if opaqueKind(v.Type()) != "" {
		return v.IsZero()
	}
	switch v.Kind() {
	case reflect.Struct, reflect.Array:
		return false
	case reflect.Map, reflect.Interface:
		return v.IsNil()
	case reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Complex64, reflect.Complex128:
		return v.Complex() == 0
	}
	return false
}

func render(v reflect.Value) any {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	if k := opaqueKind(v.Type()); k != "" {
		return map[string]any{"$opaque": k, "bytes": base64.StdEncoding.EncodeToString(marshalOpaque(v, k))}
	}
	switch v.Kind() {
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if i := v.Int(); i > maxSafe || i < -maxSafe {
			return map[string]any{"$big": strconv.FormatInt(i, 10)}
		} else {
			return i
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if u := v.Uint(); u > maxSafe {
			return map[string]any{"$big": strconv.FormatUint(u, 10)}
		} else {
			return u
		}
	case reflect.Float32, reflect.Float64:
		return renderFloat(v.Float())
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		return map[string]any{"$complex": []any{renderFloat(real(c)), renderFloat(imag(c))}}
	case reflect.String:
		return v.String()
	case reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return map[string]any{"$iface": registeredName(v.Elem().Type()), "value": render(v.Elem())}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return map[string]any{"$bytes": base64.StdEncoding.EncodeToString(v.Bytes())}
		}
		return renderList(v)
	case reflect.Array:
		return renderList(v)
	case reflect.Map:
		return renderMap(v)
	case reflect.Struct:
		out := map[string]any{}
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if isSentField(f) && !omitted(v.Field(i)) {
				out[f.Name] = render(v.Field(i))
			}
		}
		return out
	}
	panic(fmt.Sprintf("render: unsupported kind %s", v.Kind()))
}

func renderFloat(f float64) any {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return map[string]any{"$float": strconv.FormatFloat(f, 'g', -1, 64)}
	}
	return f
}

func renderList(v reflect.Value) []any {
	out := make([]any, v.Len())
	for i := range out {
		out[i] = render(v.Index(i))
	}
	return out
}

func renderMap(v reflect.Value) any {
	if v.Type().Key().Kind() == reflect.String {
		out := map[string]any{}
		for it := v.MapRange(); it.Next(); {
			out[it.Key().String()] = render(it.Value())
		}
		return out
	}
	type entry struct {
		sortKey string
		pair    []any
	}
	var entries []entry
	for it := v.MapRange(); it.Next(); {
		k := render(it.Key())
		kj, _ := json.Marshal(k)
		entries = append(entries, entry{string(kj), []any{k, render(it.Value())}})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].sortKey < entries[j].sortKey })
	pairs := make([]any, len(entries))
	for i, e := range entries {
		pairs[i] = e.pair
	}
	return map[string]any{"$map": pairs}
}
