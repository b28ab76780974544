package main

// "encode" mode: builds Go values from a flat program read as JSON, encodes them with
// encoding/gob, decodes the bytes again with Go and prints what Go decoded. The program is a
// list of stack operations rather than nested JSON, so values can nest far deeper than the
// 10,000 levels encoding/json will parse.
//
//	["s", "text"] ["i", 42] ["f", 0.5] ["b", true] ["n"]   push string, int64, float64, bool, nil
//	["i", "-9223372036854775808"]                           int64 beyond what a JSON number holds
//	["m", "k1", ..., "kn"]  pop n values (pushed in key order) into a map[string]any
//	["l", n]                pop n values into a []any
//	["S", n]                pop n strings into a []string
//	["I", k1, ..., kn]      pop n strings into a map[int64]string with the given keys
//	["K", a1, b1, ..., an, bn]  pop n *Nodes into a map[Pair]*Node with keys Pair{a, b}
//	["node", name, kids, "p1", ..., "pn", hasAny, hasNext]
//	                        pop next *Node (if hasNext), Any (if hasAny), n Props values,
//	                        kids *Nodes (reverse order of popping), into a *Node
//
// Whatever is left on the stack is encoded, bottom first, as values of the given kind.

import (
	"bytes"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"reflect"
	"strconv"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
)

// Node mixes the shapes a generated value can take: nested structs by value, by pointer and in
// slices, maps and interfaces.
type Node struct {
	Name  string
	Kids  []Node
	Props map[string]any
	Any   any
	Next  *Node
}

// Pair makes map keys that are structs, which a decoder may have to build before their element.
type Pair struct {
	A int64
	B string
}

func init() {
	gob.Register(&Node{})
	gob.Register(map[int64]string{})
	gob.Register(map[Pair]*Node{})
}

// Each kind turns a program result into the value to encode and names the type to decode into.
var encodeKinds = map[string]struct {
	wrap func(any) any
	fresh func() any
}{
	"any":   {func(v any) any { return &v }, func() any { return new(any) }},
	"props": {func(v any) any { return v.(map[string]any) }, func() any { return new(map[string]any) }},
	"node":  {func(v any) any { return v.(*Node) }, func() any { return new(Node) }},
	"post": {
		func(v any) any { return &model.Post{Id: "deep", Message: "deep props", Props: v.(map[string]any)} },
		func() any { return new(model.Post) },
	},
	// The arguments of the MessageHasBeenPosted hook, exactly as the server sends them.
	"posted_args": {
		func(v any) any {
			return &plugin.Z_MessageHasBeenPostedArgs{
				A: &plugin.Context{RequestId: "r1"},
				B: &model.Post{Id: "deep", Message: "deep props", Props: v.(map[string]any)},
			}
		},
		func() any { return new(plugin.Z_MessageHasBeenPostedArgs) },
	},
}

func encodeProgram(kind string, in io.Reader) error {
	k, ok := encodeKinds[kind]
	if !ok {
		return fmt.Errorf("unknown kind %q", kind)
	}
	var ops [][]any
	if err := json.NewDecoder(in).Decode(&ops); err != nil {
		return err
	}
	results, err := run(ops)
	if err != nil {
		return err
	}
	rec := &recorder{}
	enc := gob.NewEncoder(rec)
	for _, v := range results {
		if err := enc.Encode(k.wrap(v)); err != nil {
			return err
		}
	}
	var all []byte
	for _, w := range rec.writes {
		all = append(all, w...)
	}
	// What Go itself makes of the bytes, which is what our decoder must agree with.
	dec := gob.NewDecoder(bytes.NewReader(all))
	var decoded []any
	for range results {
		target := k.fresh()
		if err := dec.Decode(target); err != nil {
			return fmt.Errorf("Go cannot decode its own bytes: %w", err)
		}
		decoded = append(decoded, render(reflect.ValueOf(target)))
	}
	// And what encoding/json makes of the values, as Mattermost's REST API would show them
	// (empty for values JSON cannot represent, such as maps with struct keys).
	var jsons []string
	for _, v := range results {
		j, _ := json.Marshal(v)
		jsons = append(jsons, string(j))
	}
	out := map[string]any{"hex": hex.EncodeToString(all), "messages": len(rec.writes), "values": decoded, "json": jsons}
	return json.NewEncoder(os.Stdout).Encode(out)
}

func run(ops [][]any) ([]any, error) {
	var stack []any
	pop := func() any {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		return v
	}
	popN := func(n int) ([]any, error) {
		if n < 0 || n > len(stack) {
			return nil, fmt.Errorf("stack underflow")
		}
		vs := append([]any(nil), stack[len(stack)-n:]...)
		stack = stack[:len(stack)-n]
		return vs, nil
	}
	for i, op := range ops {
		if err := apply(op, &stack, pop, popN); err != nil {
			return nil, fmt.Errorf("op %d %v: %w", i, op, err)
		}
	}
	return stack, nil
}

func apply(op []any, stack *[]any, pop func() any, popN func(int) ([]any, error)) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	push := func(v any) { *stack = append(*stack, v) }
	switch op[0].(string) {
	case "s":
		push(op[1].(string))
	case "i":
		if d, ok := op[1].(string); ok {
			i, err := strconv.ParseInt(d, 10, 64)
			if err != nil {
				return err
			}
			push(i)
		} else {
			push(int64(op[1].(float64)))
		}
	case "f":
		push(op[1].(float64))
	case "b":
		push(op[1].(bool))
	case "n":
		push(nil)
	case "m":
		vs, err := popN(len(op) - 1)
		if err != nil {
			return err
		}
		m := map[string]any{}
		for j, v := range vs {
			m[op[j+1].(string)] = v
		}
		push(m)
	case "l":
		vs, err := popN(int(op[1].(float64)))
		if err != nil {
			return err
		}
		push(vs)
	case "S":
		vs, err := popN(int(op[1].(float64)))
		if err != nil {
			return err
		}
		ss := make([]string, len(vs))
		for j, v := range vs {
			ss[j] = v.(string)
		}
		push(ss)
	case "I":
		vs, err := popN(len(op) - 1)
		if err != nil {
			return err
		}
		m := map[int64]string{}
		for j, v := range vs {
			m[int64(op[j+1].(float64))] = v.(string)
		}
		push(m)
	case "K":
		vs, err := popN((len(op) - 1) / 2)
		if err != nil {
			return err
		}
		m := map[Pair]*Node{}
		for j, v := range vs {
			m[Pair{int64(op[1+2*j].(float64)), op[2+2*j].(string)}] = v.(*Node)
		}
		push(m)
	case "node":
		push(buildNode(op, pop, popN))
	default:
		return fmt.Errorf("unknown op")
	}
	return nil
}

func buildNode(op []any, pop func() any, popN func(int) ([]any, error)) *Node {
	n := &Node{Name: op[1].(string)}
	kids := int(op[2].(float64))
	keys := op[3 : len(op)-2]
	if op[len(op)-1].(bool) {
		n.Next = pop().(*Node)
	}
	if op[len(op)-2].(bool) {
		n.Any = pop()
	}
	if len(keys) > 0 {
		vs, err := popN(len(keys))
		if err != nil {
			panic(err)
		}
		n.Props = map[string]any{}
		for j, v := range vs {
			n.Props[keys[j].(string)] = v
		}
	}
	if kids > 0 {
		vs, err := popN(kids)
		if err != nil {
			panic(err)
		}
		for _, v := range vs {
			n.Kids = append(n.Kids, *v.(*Node))
		}
	}
	return n
}
