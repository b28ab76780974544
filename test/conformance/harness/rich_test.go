package harness

import (
	"bytes"
	"encoding/gob"
	"reflect"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
)

// The fixtures must survive Go's own gob unchanged, or a plugin could not keep them either.
func TestRichPostGobStable(t *testing.T) {
	for name, v := range map[string]any{"post": RichPost(), "reaction": RichReaction(), "command": AutocompleteCommand()} {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(v); err != nil {
			t.Fatalf("%s: encode: %v", name, err)
		}
		back := reflect.New(reflect.TypeOf(v).Elem())
		if err := gob.NewDecoder(&buf).DecodeValue(back); err != nil {
			t.Fatalf("%s: decode: %v", name, err)
		}
		if diffs := Diff(v, back.Interface()); len(diffs) > 0 {
			t.Errorf("%s changes in a Go gob round trip:\n%s", name, diffs)
		}
	}
}

// The 11.x-only fields are set where the model has them (rich.go sets them through JSON).
func TestRichPostNewerFields(t *testing.T) {
	p := RichPost()
	md := reflect.ValueOf(p.Metadata).Elem()
	if f := md.FieldByName("Translations"); f.IsValid() && f.Len() != 2 {
		t.Errorf("Metadata.Translations has %d entries, want 2", f.Len())
	}
	attachments := p.Props["attachments"].([]*model.SlackAttachment)
	if f := reflect.ValueOf(attachments[0].Actions[0]).Elem().FieldByName("Tooltip"); f.IsValid() && f.String() == "" {
		t.Error("PostAction.Tooltip not set")
	}
}
