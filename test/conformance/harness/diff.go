package harness

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// Diff lists where got differs from want ("Metadata.Reactions[0].RemoteId: ..."),
// one line each; empty when they are deeply equal. Unexported fields (Post's
// props mutex) are not compared: they never travel.
func Diff(want, got any) string {
	var out []string
	diff(reflect.ValueOf(want), reflect.ValueOf(got), "", &out)
	return strings.Join(out, "\n")
}

func diff(want, got reflect.Value, path string, out *[]string) {
	if !want.IsValid() || !got.IsValid() {
		if want.IsValid() != got.IsValid() {
			*out = append(*out, fmt.Sprintf("%s: want %s, got %s", name(path), show(want), show(got)))
		}
		return
	}
	if want.Type() != got.Type() {
		*out = append(*out, fmt.Sprintf("%s: want type %s, got %s", name(path), want.Type(), got.Type()))
		return
	}
	switch want.Kind() {
	case reflect.Pointer, reflect.Interface:
		if want.IsNil() || got.IsNil() {
			if want.IsNil() != got.IsNil() {
				*out = append(*out, fmt.Sprintf("%s: want %s, got %s", name(path), show(want), show(got)))
			}
			return
		}
		diff(want.Elem(), got.Elem(), path, out)
	case reflect.Struct:
		for i := range want.NumField() {
			if f := want.Type().Field(i); f.IsExported() {
				diff(want.Field(i), got.Field(i), path+"."+f.Name, out)
			}
		}
	case reflect.Slice, reflect.Array:
		if want.Kind() == reflect.Slice && want.IsNil() != got.IsNil() {
			*out = append(*out, fmt.Sprintf("%s: want %s, got %s", name(path), show(want), show(got)))
			return
		}
		if want.Len() != got.Len() {
			*out = append(*out, fmt.Sprintf("%s: want %d elements, got %d", name(path), want.Len(), got.Len()))
			return
		}
		for i := range want.Len() {
			diff(want.Index(i), got.Index(i), fmt.Sprintf("%s[%d]", path, i), out)
		}
	case reflect.Map:
		if want.IsNil() != got.IsNil() {
			*out = append(*out, fmt.Sprintf("%s: want %s, got %s", name(path), show(want), show(got)))
			return
		}
		for _, k := range want.MapKeys() {
			diff(want.MapIndex(k), got.MapIndex(k), fmt.Sprintf("%s[%v]", path, k), out)
		}
		for _, k := range got.MapKeys() {
			if !want.MapIndex(k).IsValid() {
				*out = append(*out, fmt.Sprintf("%s[%v]: unexpected %s", path, k, show(got.MapIndex(k))))
			}
		}
	default:
		if !reflect.DeepEqual(want.Interface(), got.Interface()) {
			*out = append(*out, fmt.Sprintf("%s: want %s, got %s", name(path), show(want), show(got)))
		}
	}
}

func name(path string) string {
	if path == "" {
		return "value"
	}
	return strings.TrimPrefix(path, ".")
}

func show(v reflect.Value) string {
	if !v.IsValid() {
		return "absent"
	}
	if !v.CanInterface() {
		return v.String()
	}
	// JSON shows what pointers point to; %#v would show addresses.
	if b, err := json.Marshal(v.Interface()); err == nil && v.Kind() != reflect.String {
		return fmt.Sprintf("%s %s", v.Type(), b)
	}
	return fmt.Sprintf("%#v", v.Interface())
}
